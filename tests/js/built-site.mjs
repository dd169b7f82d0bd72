// Load the search files of a built site the way the search page does: the page's
// data attributes name the manifest (and the whole index), its script tag names lunr.js.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** The built site folder, from the environment pytest sets. */
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

/**
 * The serialised whole index with the search page's refs, document numbers, for its refs, the pages' addresses
 * under the site ("electives/x/"): the same index as the shards', whose hits name their result documents.
 */
export function numbered(serialised, documents, basePath) {
  const numbers = new Map(documents.map((doc, number) => [doc.url.slice(basePath.length), String(number)]));
  const number = (ref) => {
    if (!numbers.has(ref)) {
      throw new Error(`the whole index's ref ${ref} is no result document's address`);
    }
    return numbers.get(ref);
  };
  const fieldVectors = serialised.fieldVectors.map(([fieldRef, vector]) => {
    const at = fieldRef.indexOf('/');
    return [fieldRef.slice(0, at + 1) + number(fieldRef.slice(at + 1)), vector];
  });
  const invertedIndex = serialised.invertedIndex.map(([term, posting]) => [term, Object.fromEntries(
    Object.entries(posting).map(([field, refs]) => [field, field === '_index' ? refs
      : Object.fromEntries(Object.entries(refs).map(([ref, metadata]) => [number(ref), metadata]))]))]);
  return { ...serialised, fieldVectors, invertedIndex };
}

/**
 * Load lunr.js, the whole index (with the site's word list for the similar-words retry),
 * a sharded index that fetches from disk (recording each URL it fetches), every result
 * document by number, and the search core.
 */
export function loadSearch(folder = siteFolder(), basePath = process.env.SEARCH_BASE_PATH || '/catalog/') {
  const fileOf = (url) => {
    if (!url.startsWith(basePath)) {
      throw new Error(`${url} is not under the base path ${basePath}`);
    }
    return join(folder, url.slice(basePath.length));
  };
  const readJson = (url) => JSON.parse(readFileSync(fileOf(url), 'utf8'));
  const html = readFileSync(join(folder, 'search', 'index.html'), 'utf8');
  const lunr = require(fileOf(attribute(html, /<script defer src="([^"]*\/lunr\.[0-9a-f]+\.min\.js)"/, 'lunr.js')));
  const core = require('../../static/js/search-core.js');
  const manifest = readJson(attribute(html, /data-manifest="([^"]+)"/, 'manifest'));
  const documents = manifest.chunks.flatMap(readJson);
  const whole = lunr.Index.load(numbered(readJson(attribute(html, /data-index="([^"]+)"/, 'index')), documents, basePath));
  const wordList = readJson(manifest.words);
  const vocabulary = new core.Vocabulary(wordList.words, wordList.english, wordList.places);
  whole.vocabulary = async () => vocabulary;  // the whole index has no word list of its own
  whole.equivalents = manifest.equivalents;  // nor a table of equivalent names (the search page reads the manifest's)
  whole.families = manifest.families;  // nor the families of words of medicine
  const stemWords = new Map(manifest.shards.flatMap(([, url]) => readJson(url))
    .filter((row) => row.length > 2 + manifest.fields.length).map((row) => [row[0], row[2 + manifest.fields.length]]));
  // nor the words of each stem (the shards' rows hold them, search-shards.js)
  whole.stemWords = (stem) => stemWords.get(stem) || (stem in whole.invertedIndex && !stem.startsWith('~') ? [stem] : undefined);
  const fetched = [];
  const fetchJson = async (url) => {
    fetched.push(url);
    return readJson(url);
  };
  const sharded = () => new core.ShardedIndex(lunr, manifest, fetchJson);
  return { lunr, core, manifest, whole, sharded, documents, fetched, fetchJson };
}

/** "collection/slug" of the hits of a query, best first, as the search page computes them. */
export async function refs(search, query, source = search.sharded()) {
  const { hits } = await search.core.search(search.lunr, source, query);
  return hits.map((hit) => search.documents[Number(hit.ref)].ref);
}
