// Print, as JSON, the URLs the search page fetches to show the first page of results
// for each query: node scripts/search_fetches.mjs SITE_FOLDER BASE_PATH QUERY...
// Runs the page's own search core with the site's own lunr.js against the built files.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const PAGE_SIZE = 20;  // results on the first page, as static/js/search.js shows them
const require = createRequire(import.meta.url);
const [folder, basePath, ...queries] = process.argv.slice(2);
const fileOf = (url) => join(folder, url.slice(basePath.length));
const html = readFileSync(join(folder, 'search', 'index.html'), 'utf8');
const lunr = require(fileOf(html.match(/<script defer src="([^"]*\/lunr\.[0-9a-f]+\.min\.js)"/)[1]));
const core = require('../static/js/search-core.js');
const manifestUrl = html.match(/data-manifest="([^"]+)"/)[1];
const manifest = JSON.parse(readFileSync(fileOf(manifestUrl), 'utf8'));

const report = {};
for (const query of queries) {
  const fetched = [];
  const fetchJson = async (url) => {
    fetched.push(url);
    return JSON.parse(readFileSync(fileOf(url), 'utf8'));
  };
  const index = new core.ShardedIndex(lunr, manifest, fetchJson);
  const started = performance.now();
  const { hits } = await core.search(lunr, index, query);
  await index.documents(hits.slice(0, PAGE_SIZE).map((hit) => hit.ref));
  report[query] = { hits: hits.length, milliseconds: Math.round(performance.now() - started), fetched: [...new Set(fetched)] };
}
console.log(JSON.stringify({ manifest: manifestUrl, queries: report }));
