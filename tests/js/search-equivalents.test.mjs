// Equivalent names (site_gen/equivalents.py) on the bundled catalog, with the real index and lunr.js: an abbreviation
// finds the entries written with its long name, and the other way round; the names found are marked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSearch, refs } from './built-site.mjs';

const search = loadSearch();
const HUE = 'electives/point-of-care-ultrasound-elective-hue';
const RWANDA = 'projects/point-of-care-ultrasound-training-rwanda';

async function outcome(query, source = search.sharded()) {
  return search.core.search(search.lunr, source, query);
}

/** The marked parts of a document's title or summary, for the hits of a query. */
async function marked(query, ref, text = 'title') {
  const found = await outcome(query);
  const doc = search.documents.find((document) => document.ref === ref);
  const terms = search.core.matchedTerms(found.hits);
  return search.core.highlight(search.lunr, doc[text], terms, search.manifest.equivalents)
    .filter((segment) => segment[1]).map((segment) => segment[0]);
}

test('the manifest lists the equivalents the index holds, with their names as the page compares them', () => {
  const table = new Map(search.manifest.equivalents);
  assert.deepEqual(table.get('pocus_'), ['pocus', 'point =of care ultrasound', 'point =of care ultrasonography', 'bedside ultrasound']);
  assert.ok(!table.has('nicu_'), 'no entry names a neonatal ICU: its names would be downloaded for nothing');
});

test('POCUS finds point-of-care ultrasound, not "focus" through the similar-words retry, and marks the name whole', async () => {
  for (const query of ['POCUS', 'pocus', 'pocus ']) {
    const found = await outcome(query);
    assert.equal(found.similar, false, query);
    assert.deepEqual(found.hits.slice(0, 2).map((hit) => search.documents[Number(hit.ref)].ref).sort(), [HUE, RWANDA].sort(), query);
  }
  assert.deepEqual(await marked('POCUS', HUE), ['Point-of-Care Ultrasound']);
  // "bedside ultrasound" in its summary is another name of POCUS.
  assert.deepEqual(await marked('POCUS', HUE, 'summary'), ['bedside ultrasound']);
});

test('OB/GYN, OB-GYN, obgyn and OBGYN find the same entries, on obstetrics and gynaecology', async () => {
  const expected = await refs(search, 'obstetrics and gynecology ');
  const found = await refs(search, 'OB/GYN ');
  assert.ok(found.includes('electives/maternal-obstetric-care-elective-tanzania'), found.join(', '));
  for (const query of ['OB-GYN ', 'obgyn ', 'OBGYN ']) {
    assert.deepEqual(new Set(await refs(search, query)), new Set(found), query);
  }
  assert.deepEqual(found.slice(0, 2).sort(), expected.slice(0, 2).sort());
});

test('a long name finds the entries written with the abbreviation: "human immunodeficiency virus" the HIV elective', async () => {
  const found = await refs(search, 'human immunodeficiency virus ');
  assert.equal(found[0], 'electives/hiv-tuberculosis-elective-south-africa', found.join(', '));
  assert.deepEqual(await marked('human immunodeficiency virus ', found[0]), ['HIV']);
});

test('abbreviations only typed find their long names; IM is no "international medicine"', async () => {
  assert.equal((await refs(search, 'IM '))[0], 'electives/internal-medicine-clerkship-bogota');
  assert.ok(!(await refs(search, 'IM ')).includes('pages/about'), 'the office of International Medicine Programs');
  const em = await refs(search, 'EM ');
  assert.deepEqual(em.slice(0, 3).sort(), ['electives/disaster-health-research-elective-philippines',
    'electives/emergency-medicine-residency-rotation-kumasi', 'electives/emergency-medicine-rotation-international-residents']);
  assert.equal((await refs(search, 'GP '))[0], 'electives/rural-family-medicine-clerkship-cusco');
  assert.equal((await refs(search, 'peds '))[0], 'electives/pediatrics-elective-kigali');
  assert.deepEqual(await refs(search, 'paeds '), await refs(search, 'peds '));
});

test('TB and tuberculosis find the same entries, those that say TB too', async () => {
  assert.deepEqual(new Set(await refs(search, 'TB ')), new Set(await refs(search, 'tuberculosis ')));
  assert.equal((await refs(search, 'TB '))[0], 'projects/tuberculosis-active-case-finding-nepal-india');
});

test('a result found by another name says which word of the query found it', async () => {
  const found = await outcome('ICU ');
  const nanjing = found.hits.find((hit) => search.documents[Number(hit.ref)].ref === 'partners/nanjing-riverside-hospital');
  const doc = search.documents[Number(nanjing.ref)];
  assert.equal(search.core.matchNote(search.lunr, nanjing, doc.collection, [doc.title, doc.summary], 'ICU ', search.manifest.equivalents),
    'Matches “ICU” in its description.');
});

test('words in quotes are searched as spelt, not as another name', async () => {
  assert.deepEqual(await refs(search, '"pocus"'), []);
  assert.deepEqual(await refs(search, '"point of care ultrasound"'), await refs(search, '"point-of-care ultrasound"'));
});

test('a required abbreviation is met by its other names: "+pocus elective" lists the POCUS elective, not "focus"', async () => {
  // Required, "pocus" was searched as spelt: no text says "pocus", so nothing matched and the similar-words retry
  // listed entries with "focus" and "elective". The visitor requires POCUS, whichever name an entry gives it.
  for (const query of ['+pocus elective', '+pocus elective ', 'elective +pocus ', '+POCUS +elective ', '+pocus elec']) {
    const found = await outcome(query);
    assert.equal(found.similar, false, query);
    const listed = found.hits.map((hit) => search.documents[Number(hit.ref)].ref);
    assert.equal(listed[0], HUE, query);
    assert.equal(listed.includes(RWANDA), !query.includes('+elective'), query);  // (a training project, no elective)
    // Each hit has POCUS by one of its names: none is listed for "elective" alone.
    assert.ok(found.hits.every((hit) => 'pocus_' in hit.matchData.metadata), query);
  }
  assert.deepEqual(await marked('+pocus elective ', HUE), ['Point-of-Care Ultrasound', 'Elective']);
  // A required word that names nothing is still required; and quoted, "pocus" is still searched as spelt (above).
  assert.ok((await outcome('+surgery pocus ')).hits.every((hit) => Object.keys(hit.matchData.metadata).some((term) => term.startsWith('surg'))));
  // "+US" is "+USA", and requires the United States by any of its names.
  assert.deepEqual(await refs(search, '+US '), await refs(search, 'USA '));
});

test('an equivalent is searched in the shards as in the whole index', async () => {
  for (const query of ['+pocus elective', 'POCUS', 'OB/GYN elective ', 'intensive care', 'title:pocus', 'human immunodeficiency virus', 'EM ghana']) {
    const whole = await outcome(query, search.whole);
    const sharded = await outcome(query);
    const scored = (found) => found.hits.map((hit) => [hit.ref, hit.score]);
    assert.deepEqual(scored(sharded), scored(whole), query);
    assert.ok(whole.hits.length, query);
  }
});

test('"IMG" and "international medical graduates" find the observership for international physicians; "telehealth" telemedicine', async () => {
  // "img" and "imgs" said "No results", "observership for international medical graduates" had no entry with every word,
  // and "telehealth" listed an entry about point-of-care ultrasound as "similar words".
  const observership = 'electives/clinical-observership-international-physicians';
  for (const query of ['IMG', 'imgs ', 'FMG', 'international medical graduates ', 'observership for international medical graduates ']) {
    const found = await outcome(query);
    assert.equal(search.documents[Number(found.hits[0].ref)].ref, observership, query);
    assert.equal(found.similar, false, query);
  }
  assert.deepEqual(await marked('img', observership), ['International Physicians']);
  const telehealth = await outcome('telehealth');
  assert.equal(telehealth.similar, false);
  assert.deepEqual(new Set(await refs(search, 'telehealth')), new Set(await refs(search, 'telemedicine')));
});
