// Load the search files of a built site the way the search page does: the page's
// data attributes name the index and documents, its script tag names lunr.js.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** The built site folder and its base path, from the environment pytest sets. */
export function siteFolder() {
  const folder = process.env.SEARCH_SITE;
  if (!folder) {
    throw new Error('SEARCH_SITE is not set: run these tests through pytest (tests/test_search_node.py)');
  }
  return folder;
}

function attribute(html, pattern, what) {
  const match = html.match(pattern);
  if (!match) {
    throw new Error(`the search page names no ${what}`);
  }
  return match[1];
}

/** Map a root-relative URL of the site (under its base path) to a file of the built folder. */
function fileOf(folder, basePath, url) {
  if (!url.startsWith(basePath)) {
    throw new Error(`${url} is not under the base path ${basePath}`);
  }
  return join(folder, url.slice(basePath.length));
}

/** Load lunr.js, the index and the documents of a built site; and the search core. */
export function loadSearch(folder = siteFolder(), basePath = process.env.SEARCH_BASE_PATH || '/catalog/') {
  const html = readFileSync(join(folder, 'search', 'index.html'), 'utf8');
  const lunr = require(fileOf(folder, basePath, attribute(html, /<script defer src="([^"]*\/lunr\.[0-9a-f]+\.min\.js)"/, 'lunr.js')));
  const indexJson = JSON.parse(readFileSync(fileOf(folder, basePath, attribute(html, /data-index="([^"]+)"/, 'index')), 'utf8'));
  const data = JSON.parse(readFileSync(fileOf(folder, basePath, attribute(html, /data-documents="([^"]+)"/, 'documents')), 'utf8'));
  const core = require('../../static/js/search-core.js');
  return { lunr, index: lunr.Index.load(indexJson), documents: data.documents, countries: data.countries, core };
}

/** Refs of the hits of a query, best first, as the search page computes them. */
export function refs(search, query) {
  return search.core.search(search.lunr, search.index, query).hits.map((hit) => hit.ref);
}
