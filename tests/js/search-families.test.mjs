// Words of one family of medicine that the stemmer keeps apart (site_gen/word_families.py), and the years of entries'
// dates (search.entry_years), on the bundled catalog with the real index and lunr.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSearch, refs } from './built-site.mjs';

const search = loadSearch();

async function outcome(query, source = search.sharded()) {
  return search.core.search(search.lunr, source, query);
}

const refOf = (hit) => search.documents[Number(hit.ref)].ref;

test('"2027" finds the projects that run in 2027 and the electives that close then, beside the texts that say it', async () => {
  const found = await refs(search, '2027');
  for (const ref of [
    'projects/malaria-in-pregnancy-research-collaboration',  // 2024–2027, no text says 2027
    'projects/saudi-medical-centres-consultation',  // 2024–2027
    'projects/community-mental-health-task-sharing',  // 2027–2030
    'electives/general-surgery-elective-nanjing',  // deadline 2027-01-15, no text says 2027
    'electives/visiting-nurse-observership',  // "The next cycle opens in spring 2027." (found as before)
  ]) {
    assert.ok(found.includes(ref), ref + ' in ' + found.join(', '));
  }
  // A year inside a span: 2025 of 2024–2027; and the years are not the text's words.
  assert.ok((await refs(search, '2025')).includes('projects/saudi-medical-centres-consultation'));
  assert.ok(!(await refs(search, '2031')).includes('projects/community-mental-health-task-sharing'));
});

test('"2027 elective" lists the electives that close in 2027 first; "peru 2027" says none has both', async () => {
  const found = await outcome('2027 elective');
  const first = found.hits.slice(0, found.complete.size).map((hit) => search.documents[Number(hit.ref)]);
  assert.ok(first.length >= 5, String(first.length));
  assert.ok(first.every((doc) => doc.collection === 'electives'), first.map((doc) => doc.ref).join(', '));
  // Every elective closing in 2027, and the observerships whose next cycle "opens in 2027" (an elective is any of the kind)
  const closing = search.documents.filter((doc) => doc.collection === 'electives' && doc.deadline?.startsWith('2027'));
  assert.ok(closing.length >= 5 && closing.every((doc) => first.includes(doc)), first.map((doc) => doc.ref).join(', '));
  assert.deepEqual(first.filter((doc) => !closing.includes(doc)).map((doc) => doc.ref).sort(),
    ['electives/surgical-observership-riyadh', 'electives/visiting-nurse-observership']);
  const peru = await outcome('peru 2027 ');
  assert.equal(peru.complete.size, 0);  // (the Cusco clerkship closes in 2026: "none with every word")
  assert.equal(refOf(peru.hits[0]), 'electives/rural-family-medicine-clerkship-cusco');
});

test('a project found by a year that its result does not show says where: "in its dates"', async () => {
  const found = await outcome('2026 ');  // (a year inside its span, 2024–2027, that no text of it says)
  const hit = found.hits.find((candidate) => refOf(candidate) === 'projects/malaria-in-pregnancy-research-collaboration');
  const doc = search.documents[Number(hit.ref)];
  assert.ok(doc.facts.includes('2024–2027'), doc.facts.join(' · '));
  const shown = [doc.title, doc.facts.join(' · '), doc.summary];
  assert.equal(search.core.matchNote(search.lunr, hit, doc.collection, shown, '2026', search.manifest.equivalents),
    'Matches “2026” in its dates.');
  // "2027", its last year, is marked in the facts instead.
  const terms = search.core.matchedTerms((await outcome('2027 ')).hits);
  assert.deepEqual(search.core.highlight(search.lunr, '2024–2027', terms).filter((part) => part[1]).map((part) => part[0]), ['2027']);
});

test('"surgical" also finds the entries that only say "surgery" or "surgeon", after those with the word itself', async () => {
  const found = await outcome('surgical');
  const plain = await outcome('surgical', Object.assign(search.sharded(), { families: [] }));
  const exact = plain.hits.map(refOf);
  assert.ok(found.hits.length > exact.length, `${found.hits.length} vs ${exact.length}`);
  assert.deepEqual(new Set(found.hits.slice(0, exact.length).map(refOf)), new Set(exact));  // (the word itself first)
  assert.equal(found.complete.size, exact.length);  // "18 results for “surgical”, the 14 with the word itself first."
  assert.ok(found.oneWord && !found.related && !found.similar);
  assert.ok(found.hits.slice(exact.length).map(refOf).includes('partners/perfume-river-medical-university'));  // ("surgery")
  // and the other way round
  const surgery = await outcome('surgery ');
  assert.ok(surgery.hits.map(refOf).includes('projects/nanjing-surgical-needs-assessment'));
  assert.ok(surgery.complete.size < surgery.hits.length);
});

test('a word no entry has, whose family some entry has, lists those entries and names their words', async () => {
  for (const [query, word, named] of [['anesthesiology', 'anesthesiology', 'anesthesia'], ['anaesthesiology ', 'anesthesiology', 'anesthesia'],
    ['psychiatric', 'psychiatric', 'psychiatry']]) {
    const found = await outcome(query);
    assert.ok(found.hits.length > 0, query);
    assert.equal(found.similar, false, query);  // (not the similar-words retry)
    assert.deepEqual(found.missing, [word], query);
    assert.ok(found.related.includes(named), query + ': ' + found.related.join(', '));
  }
});

test('beside words some entry has, a word no entry has is named with the related words entries have instead', async () => {
  // "psychiatric uganda" said "No entry has “psychiatric”." and no more, though entries with "psychiatry" came first.
  for (const [query, missing, named] of [['psychiatric uganda', ['psychiatric'], 'psychiatry'], ['vaccine elective', ['vaccine'], 'vaccination'],
    ['anesthesiology vietnam ', ['anesthesiology'], 'anesthesia'], ['quiet psychiatric uganda', ['quiet', 'psychiatric'], 'psychiatry'],
    // (of "midwifery" and "midwives", the one more of the hits have)
    ['midwife tanzania', ['midwife'], 'midwives']]) {
    const found = await outcome(query);
    assert.equal(found.similar, false, query);
    assert.deepEqual(found.missing, missing, query);
    assert.deepEqual(found.relatedOf, [[missing.at(-1), named]], query);  // (the one the status names)
    assert.ok(found.relatedInstead.includes(named), query + ': ' + found.relatedInstead.join(', '));
    assert.ok(found.words.includes(named), query + ': marked in results');
    assert.equal(found.related, undefined, query);  // (not the status of a query that no word matched)
  }
  // A word with no related word found is only named as missing.
  for (const query of ['quiet elective', 'surgery xyzzy', 'tokyo medical']) {
    const found = await outcome(query);
    assert.ok(found.missing.length === 1 && found.relatedInstead === undefined, query);
  }
});

test('required, excluded and quoted words are searched as spelt, without their family', async () => {
  const exact = (await outcome('surgical', Object.assign(search.sharded(), { families: [] }))).hits.map(refOf);
  assert.deepEqual(new Set((await outcome('+surgical ')).hits.map(refOf)), new Set(exact));
  assert.deepEqual(new Set((await outcome('"surgical" ')).hits.map(refOf)), new Set(exact));
  const without = (await outcome('-surgical ')).hits.map(refOf);
  assert.ok(without.includes('partners/perfume-river-medical-university'));  // (it says "surgery", not "surgical")
});

test('the whole index and the shards give the same results with families', async () => {
  for (const query of ['surgical', 'anesthesiology ', 'cardiac elective', '2027']) {
    assert.deepEqual(await refs(search, query, search.whole), await refs(search, query), query);
  }
});

test('a typo is searched as the word it is one letter from, with its family: "surgrey guatemala" as "surgery guatemala"', async () => {
  // The similar-words retry looked for "surgery" only: "surgrey guatemala" missed the entries that only say "surgical" or
  // "surgeon" (the Bergen nursing exchange), which "surgery guatemala" lists after those with "surgery".
  const typo = await outcome('surgrey guatemala');
  const meant = await outcome('surgery guatemala ');
  assert.equal(typo.similar, true);
  assert.deepEqual(new Set(typo.hits.map(refOf)), new Set(meant.hits.map(refOf)));
  assert.ok(typo.hits.map(refOf).includes('electives/nursing-exchange-bergen'));
  assert.deepEqual((await outcome('surgrey')).hits.map(refOf), (await outcome('surgery ')).hits.map(refOf));
  // Related words count as no word: the entries with "surgery" itself come first, as for the word typed right.
  const surgery = (await outcome('surgery ')).complete;
  const first = (await outcome('surgrey')).hits.slice(0, surgery.size).map((hit) => hit.ref);
  assert.deepEqual(new Set(first), surgery);
});

test('"4 weeks" lists first the electives that may take four weeks, "3 weeks" one of 2–4 weeks', async () => {
  // "4 weeks" listed a guide first, then electives of 6–10 and 6 weeks, whose texts say "4" and "weeks" somewhere.
  const weeks = (ref) => search.documents.find((doc) => doc.ref === ref).facts.find((fact) => /weeks?$/.test(fact));
  const four = (await refs(search, '4 weeks ')).slice(0, 3);
  assert.ok(four.every((ref) => /^(4|\d+–4|4–\d+) weeks$/.test(weeks(ref))), four.map(weeks).join(', '));
  assert.equal(weeks((await refs(search, '3 weeks '))[0]), '2–4 weeks');
});
