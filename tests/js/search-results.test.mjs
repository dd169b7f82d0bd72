// Why a result is listed when nothing it shows is marked (core.matchNote), with the real lunr.js and
// the real built index: a region name, a language, a project's lead or partners, an entry's body.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSearch } from './built-site.mjs';

const search = loadSearch();
const { lunr, core, documents } = search;
const countryNames = search.sharded().countryNames();

/** The texts a result shows, as search.js writes them: title, facts (with country names), summary. */
function shownTexts(doc) {
  const facts = [doc.collection, ...doc.facts, ...doc.countries.map((code) => countryNames[code]), core.deadlineText(doc, '2026-01-01')];
  return [doc.title, facts.filter(Boolean).join(' · '), doc.summary];
}

/** Each hit's note for a query: "collection/slug" -> note ("" for none). */
async function notesFor(query) {
  const { hits } = await core.search(lunr, search.sharded(), query);
  assert.ok(hits.length > 0, query);
  return new Map(hits.map((hit) => {
    const doc = documents[Number(hit.ref)];
    return [doc.ref, core.matchNote(lunr, hit, doc.collection, shownTexts(doc), query)];
  }));
}

test('initials with dots are marked whole, as they are searched: "U.K." for "uk"', () => {
  // Each letter was a word of its own ("u", "k"), so a summary's "U.K." was never marked.
  const marked = (text, terms) => core.highlight(lunr, text, new Set(terms)).filter(([, isMatch]) => isMatch).map(([part]) => part);
  assert.deepEqual(marked('Four weeks in the U.K. and two in the U.S.A.', ['uk', 'usa']), ['U.K', 'U.S.A']);
  assert.deepEqual(marked('Surgery, e.g. trauma', ['surgeri']), ['Surgery']);
  assert.deepEqual(marked('Placements in the U.K.', ['k']), [], 'the "k" of U.K. is no word of its own');
});

test('a hit found by a region name alone says it matched its location, with the words', async () => {
  const notes = await notesFor('east africa');
  // An elective in Kenya: "East Africa" is in its places field only (its facts say Kenya).
  assert.equal(notes.get('electives/community-health-elective-kisumu'), 'Matches “east africa” in its location.');
  // A project whose summary says "East African": the summary is marked, no note.
  assert.equal(notes.get('projects/east-africa-emergency-care-training-of-trainers'), '');
  const typing = await notesFor('East Afr');
  assert.equal(typing.get('electives/community-health-elective-kisumu'), 'Matches “East Afr” in its location.', 'the words as typed, the last a prefix');
});

test('a language, a lead, a host and a body name where they matched', async () => {
  const french = await notesFor('French');
  assert.equal(french.get('electives/global-surgery-research-fellowship-rwanda'), 'Matches “French” in its topics or languages.');
  assert.equal(french.get('partners/kigali-hillside-teaching-hospital'), 'Matches “French” in its description.');
  assert.equal((await notesFor('wanjiru')).get('projects/east-africa-emergency-care-training-of-trainers'),
    'Matches “wanjiru” in its partners, lead or funder.');
  const hillside = await notesFor('hillside');
  assert.equal(hillside.get('electives/pediatrics-elective-kigali'), 'Matches “hillside” in its host and its description.');
  assert.equal(hillside.get('partners/kigali-hillside-teaching-hospital'), '', 'its title is marked');
});

test('a hit marked in its title, facts or summary has no note, and neither has one listed by filters alone', async () => {
  const notes = await notesFor('malaria');
  assert.equal(notes.get('projects/malaria-in-pregnancy-research-collaboration'), '');
  assert.equal(notes.get('electives/pediatrics-elective-kigali'), 'Matches “malaria” in its description.');
  const inFacts = await notesFor('inbound');
  assert.ok([...inFacts.values()].some((note) => note === '') && ![...inFacts.values()].some((note) => note.includes('topics')),
    'the direction, a topic label, is marked in the facts');
  const unscored = { ref: '0', score: 0, matchData: { metadata: {} } };
  assert.equal(core.matchNote(lunr, unscored, documents[0].collection, shownTexts(documents[0]), ''), '');
});

test('a word found through a similar word is not named, only where it matched', async () => {
  const { hits, similar } = await core.search(lunr, search.sharded(), 'hillsyde');
  assert.ok(similar && hits.length);
  const notes = hits.map((hit) => core.matchNote(lunr, hit, documents[Number(hit.ref)].collection, shownTexts(documents[Number(hit.ref)]), 'hillsyde'));
  assert.ok(notes.includes('Matches in its host and its description.'), notes.join(' | '));
});

test('a word of the same stem as a query word but another word is not marked: "internal medicine" no "International"', async () => {
  // lunr's stemmer makes "internal" and "international" one stem, "intern" (and "community" and "communication",
  // "medical" and "medication"): "internal medicine" marked "International" in every result that says it.
  const marks = async (query, ref, text = 'title') => {
    const outcome = await core.search(lunr, search.sharded(), query);
    const doc = documents.find((document) => document.ref === ref);
    assert.ok(outcome.hits.some((hit) => Number(hit.ref) === documents.indexOf(doc)), `${query}: ${ref}`);
    return core.highlight(lunr, doc[text], core.matchedTerms(outcome.hits), search.manifest.equivalents, outcome.words)
      .filter(([, isMatch]) => isMatch).map(([part]) => part);
  };
  assert.deepEqual(await marks('internal medicine', 'pages/about'), ['Medicine']);
  assert.deepEqual(await marks('internal medicine', 'electives/clinical-observership-international-physicians'), []);
  assert.deepEqual(await marks('internal medicine', 'electives/internal-medicine-clerkship-bogota'), ['Internal Medicine']);
  assert.deepEqual(await marks('communication', 'electives/community-health-elective-kisumu'), []);
  // Inflected and derived forms of the word are marked as before: nurse, nurses, nursing; residents, residency.
  assert.deepEqual(await marks('nursing', 'electives/visiting-nurse-observership'), ['Nurse']);
  assert.deepEqual(await marks('residents', 'electives/emergency-medicine-rotation-international-residents'), ['Residency', 'Residents']);
  assert.deepEqual(await marks('maternity', 'electives/maternal-health-elective-guatemala'), ['Maternal']);
  // A stem no query word has (the start of a word being typed, a similar word) marks what it matched.
  assert.deepEqual(await marks('interna', 'pages/about'), ['International']);
  assert.deepEqual(await marks('surgury', 'electives/general-surgery-elective-nanjing'), ['Surgery']);
});
