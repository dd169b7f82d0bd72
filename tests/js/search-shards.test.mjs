// The sharded index scores exactly as the whole index, and fetches only what a query touches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSearch } from './built-site.mjs';

const search = loadSearch();

const QUERIES = [
  'surgery China', 'surgeries', 'pediatri', 'maternl', 'Saudi', 'observership', 'bogota', '南京', 'Al-Waha',
  'surg*', '*gery', 'su*ry', '*ology', 'nurse*', '+nurse* kenya', 'title:*gery', '+*gery -nepal', '*geri', 'surgery*', '+surgery -china', '-surgery', 'title:surgery', 'maternal~1', 'health^5 rwanda',
  'research fellowship', 'xyzzy', 'tuberculosis Nepal ', 'hosptial', 'surgey', '+surgrey -china', 'title:surgrey',
  'surgery guatamala', 'opthalmology elective ',
  // Ranked by the words matched, as the words were expanded: prefix, British spelling, similar words, pairs of letters.
  'medical students', 'maternal health kenya ', 'surgery elective china ', 'tuberculosis research nep', 'paediatrics rwanda ',
  'maternal guatamala ', '医科大学 surgery', 'title:elective students ', 'medical students -kenya', 'the medical students for',
  'global health research ', 'maternal~1 health', 'phys', 'maternal health keny', '+surgery',
  // Phrases (each word required, the entries with the words together first), and a required word being typed.
  '"global surgery"', '“maternal health” Kenya', '"global surg', 'surgery -"global surgery"', '+electiv',
  // Neighbouring words together first; the word being typed counted where it is whole.
  'united states ', 'emergency medicine', 'internal medicine residency', 'elective in peru', 'observership for international physicians',
];

function scored(outcome) {
  return outcome.hits.map((hit) => [hit.ref, hit.score, Object.keys(hit.matchData.metadata).sort()]);
}

for (const query of QUERIES) {
  test(`"${query}": the sharded index gives the whole index's hits, scores and matched terms`, async () => {
    const whole = await search.core.search(search.lunr, search.whole, query);
    const sharded = await search.core.search(search.lunr, search.sharded(), query);
    assert.deepEqual(scored(sharded), scored(whole));
    assert.equal(sharded.similar, whole.similar);
  });
}

test('one index answers many queries in a row, loading shards as it goes', async () => {
  const index = search.sharded();
  for (const query of QUERIES) {
    const whole = await search.core.search(search.lunr, search.whole, query);
    assert.deepEqual(scored(await search.core.search(search.lunr, index, query)), scored(whole), query);
  }
});

test('a typical two-word query fetches only the shards of its terms, never the term list', async () => {
  search.fetched.length = 0;
  await search.core.search(search.lunr, search.sharded(), 'surgery China');
  const shards = new Set(search.manifest.shards.map((shard) => shard[1]));
  const fetchedShards = search.fetched.filter((url) => shards.has(url));
  assert.ok(fetchedShards.length >= 1 && fetchedShards.length <= 2, search.fetched.join(', '));
  assert.ok(!search.fetched.includes(search.manifest.terms));
  assert.ok(!search.fetched.includes(search.manifest.words));
});

test('a typo fetches the word list to find similar words, not the term list', async () => {
  search.fetched.length = 0;
  await search.core.search(search.lunr, search.sharded(), 'maternl');
  assert.ok(search.fetched.includes(search.manifest.words));
  assert.ok(!search.fetched.includes(search.manifest.terms));
});

test('a pattern with a leading "*" fetches the word list and the shards of the words it matches, not the term list', async () => {
  // lunr matched "*gery" against the term list, of stems ("surgeri"): it fetched that list and found nothing.
  search.fetched.length = 0;
  const outcome = await search.core.search(search.lunr, search.sharded(), '*gery');
  assert.ok(outcome.hits.length > 0);
  const shards = new Set(search.manifest.shards.map((shard) => shard[1]));
  assert.deepEqual(search.fetched.filter((url) => !shards.has(url)), [search.manifest.words]);
  assert.equal(search.fetched.filter((url) => shards.has(url)).length, 1, search.fetched.join(', '));
});

test('a file that could not be fetched is fetched again by the next query that needs it', async () => {
  // A failed fetch stayed cached: on a flaky connection, "try again" failed until the page was reloaded.
  const failed = new Set();
  const flaky = async (url) => {
    if (!failed.has(url)) {
      failed.add(url);
      throw new Error(`offline: ${url}`);
    }
    return search.fetchJson(url);
  };
  const index = new search.core.ShardedIndex(search.lunr, search.manifest, flaky);
  // Each file fails once: a query that needs several (a shard, then the word list) fails once for each.
  for (const query of ['surgery China', 'maternl', 'maternal~1']) {
    await assert.rejects(search.core.search(search.lunr, index, query), /offline/, query);
    let outcome = null;
    for (let tries = 0; !outcome && tries < 5; tries++) {
      outcome = await search.core.search(search.lunr, index, query).catch(() => null);
    }
    assert.ok(outcome, query);
    assert.deepEqual(scored(outcome), scored(await search.core.search(search.lunr, search.whole, query)), query);
  }
  assert.ok(failed.has(search.manifest.words) && failed.has(search.manifest.terms));
  await assert.rejects(index.documents(['0']), /offline/);
  assert.equal((await index.documents(['0']))[0].ref, search.documents[0].ref);
});

test('result documents come from their chunks in the order asked', async () => {
  const index = search.sharded();
  const refs = ['3', '0', String(search.documents.length - 1)];
  const docs = await index.documents(refs);
  assert.deepEqual(docs.map((doc) => doc.ref), refs.map((ref) => search.documents[Number(ref)].ref));
});

test('facet values of every document match its result document, from a file of their own fetched once', async () => {
  const index = search.sharded();
  search.fetched.length = 0;
  const facets = await index.facetDocuments();
  await index.facetDocuments();
  assert.deepEqual(search.fetched, [search.manifest.facets.rows]);
  assert.match(search.manifest.facets.rows, /\/search\/facets\.[0-9a-f]+\.json$/);
  assert.equal(facets.length, search.documents.length);
  facets.forEach(({ listed, ...facet }, number) => {
    const doc = search.documents[number];
    assert.deepEqual(facet, { collection: doc.collection, category: doc.category, deadline: doc.deadline, countries: doc.countries });
    assert.equal(typeof listed, doc.collection === 'pages' ? 'undefined' : 'number');  // (its place in its listing's order)
  });
});
