// A word that only shares a stem with a query word does not count as that word (site_gen/search_forms.py,
// Query.useForms), with the real lunr.js and the real built index: lunr's stemmer gives "internal" and "international"
// one stem, "intern", and in a catalog of international programs "internal medicine" counted 18 entries as having
// both words, "Office of International Medicine" among them, where 10 have them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSearch } from './built-site.mjs';

const search = loadSearch();
const { lunr, core, documents } = search;
const refOf = (hit) => documents[Number(hit.ref)].ref;

async function outcomeOf(query, source = search.sharded()) {
  return core.search(lunr, source, query);
}

/** Whether a hit matched a form term of the word ("~intern~internal"). */
const hasForm = (hit, term) => term in hit.matchData.metadata;

// The entries whose text has both "internal" (or "internally"...) and "medicine" (checked against the sources by hand).
const BOTH = [
  'electives/internal-medicine-clerkship-bogota', 'electives/clinical-observership-international-physicians',
  'electives/hiv-tuberculosis-elective-south-africa', 'partners/hospital-universitario-los-cerros-bogota',
  'projects/point-of-care-ultrasound-training-rwanda', 'electives/rural-family-medicine-clerkship-cusco',
  'electives/tropical-medicine-observership-london', 'electives/point-of-care-ultrasound-elective-hue',
  'partners/kigali-hillside-teaching-hospital', 'partners/al-waha-medical-city',
];

test('"internal medicine": only the entries with "internal" itself have every word, and come first', async () => {
  for (const query of ['internal medicine', 'internal medicine ', 'Internal Medicine ']) {
    const outcome = await outcomeOf(query);
    assert.deepEqual([...outcome.complete].map((ref) => documents[Number(ref)].ref).sort(), [...BOTH].sort(), query);
    assert.deepEqual(outcome.hits.slice(0, BOTH.length).map(refOf).sort(), [...BOTH].sort(), query);
    assert.ok(outcome.hits.map(refOf).includes('pages/about'), 'an entry with only "International" is still listed, after them');
  }
});

test('a word alone: the entries with the word itself first, those with another word of its stem after them', async () => {
  for (const [query, form] of [['internal ', '~intern~internal'], ['internal', '~intern~internal'], ['international ', '~intern~international'],
    ['communication ', '~commun~communicate'], ['community ', '~commun~community'], ['medication ', '~medic~medication']]) {
    const { hits } = await outcomeOf(query);
    const withForm = hits.map((hit) => hasForm(hit, form));
    assert.ok(withForm[0] && withForm.includes(false), query);
    assert.equal(withForm.indexOf(false), withForm.filter(Boolean).length, `${query}: ${hits.map(refOf).slice(0, 8).join(', ')}`);
  }
  assert.equal(refOf((await outcomeOf('internal ')).hits[0]), 'electives/internal-medicine-clerkship-bogota');
  assert.equal(refOf((await outcomeOf('title:internal ')).hits[0]), 'electives/internal-medicine-clerkship-bogota');
});

test('a word being typed is still a prefix: "interna" matches International, "observ" ranks as before', async () => {
  const { hits } = await outcomeOf('interna');
  assert.ok(hits.map(refOf).includes('pages/about'));
  assert.equal(hits.length, (await outcomeOf('international ')).hits.length);
  // Until it is a word of the catalog, the word being typed is searched as without form terms (on the way to
  // "observership", "observ" listed "Al-Waha Medical City", whose text says "observers", first).
  const withoutForms = search.sharded();
  withoutForms.stemWords = undefined;
  for (const query of ['observ', 'interna', 'intern', 'clinical observ']) {
    assert.deepEqual((await outcomeOf(query)).hits.map(refOf), (await outcomeOf(query, withoutForms)).hits.map(refOf), query);
  }
  assert.equal(refOf((await outcomeOf('observ')).hits[0]), 'electives/visiting-nurse-observership');
});

test('+internal requires the word itself, "internal medicine" in quotes is no phrase of "International Medicine"', async () => {
  for (const query of ['+internal +medicine ', '+internal medicine ', '"internal medicine"', '"internal medicine" ']) {
    const refs = (await outcomeOf(query)).hits.map(refOf);
    assert.ok(!refs.includes('pages/about'), query);
    assert.ok(refs.includes('electives/internal-medicine-clerkship-bogota'), query);
  }
  const phrase = await outcomeOf('"internal medicine"');
  assert.ok(![...phrase.together].map((ref) => documents[Number(ref)].ref).includes('pages/about'));
  assert.ok([...phrase.together].map((ref) => documents[Number(ref)].ref).includes('electives/internal-medicine-clerkship-bogota'));
});

test('-internal leaves out the entries with "internal", not those with "international"', async () => {
  const refs = (await outcomeOf('medicine -internal ')).hits.map(refOf);
  assert.ok(refs.includes('pages/about') && refs.includes('electives/emergency-medicine-rotation-international-residents'));
  assert.ok(!refs.some((ref) => BOTH.includes(ref)), refs.join(', '));
});

test('a word no entry has, beside entries with another word of its stem, is named as missing', async () => {
  // The catalog says "organization", never "organ" (both stem "organ").
  const outcome = await outcomeOf('organ surgery ');
  assert.deepEqual(outcome.missing, ['organ']);
});

test('a similar word of a typo looks for itself, not the other words of its stem', async () => {
  const typo = await outcomeOf('internl medicine ');
  assert.equal(typo.similar, true);
  assert.deepEqual(typo.hits.slice(0, BOTH.length).map(refOf).sort(), [...BOTH].sort());
  const commnity = await outcomeOf('commnity ');
  assert.ok(hasForm(commnity.hits[0], '~commun~community'));
  // One word alone: the entries with the similar word itself first, as for the word typed right.
  assert.deepEqual((await outcomeOf('medicatoin ')).hits.slice(0, 3).map(refOf), (await outcomeOf('medication ')).hits.slice(0, 3).map(refOf));
  const required = await outcomeOf('+internl medicine ');
  assert.ok(required.similar && required.hits.every((hit) => hasForm(hit, '~intern~internal')), 'a required similar word: the word itself');
});

test('accents and case fold as before: "Médication" is "medication"', async () => {
  assert.deepEqual((await outcomeOf('Médication ')).hits.map(refOf), (await outcomeOf('medication ')).hits.map(refOf));
});

test('the whole index, given the shards\' words of each stem, ranks as the shards do', async () => {
  for (const query of ['internal medicine', '+internal medicine ', '"internal medicine"', 'medicine -internal ', 'commnity ']) {
    const sharded = await outcomeOf(query);
    const whole = await outcomeOf(query, search.whole);
    assert.deepEqual(whole.hits.map((hit) => [hit.ref, hit.score]), sharded.hits.map((hit) => [hit.ref, hit.score]), query);
  }
});

test('a query fetches no more shards for form terms: they are in their stem\'s shard', async () => {
  const fresh = loadSearch();
  await core.search(lunr, fresh.sharded(), 'internal medicine ');
  const shards = fresh.fetched.filter((url) => url.includes('/shard.'));
  assert.equal(new Set(shards).size, shards.length);
  const stems = new Set(['intern', 'medicin'].map((term) => fresh.manifest.shards[fresh.sharded().shardOf(term)][1]));
  assert.deepEqual(new Set(shards), stems);
});

test('inflections of one word are one word: a query word marks them and counts them', () => {
  assert.ok(core.sameWord('study', 'studying') && core.sameWord('plan', 'planning') && core.sameWord('meeting', 'meetings'));
  assert.ok(!core.sameWord('internal', 'international') && !core.sameWord('community', 'communicating'));
  const marked = core.highlight(lunr, 'Planning a rotation', new Set(['plan']), [], ['plan']).filter(([, isMatch]) => isMatch);
  assert.deepEqual(marked.map(([part]) => part), ['Planning']);
});
