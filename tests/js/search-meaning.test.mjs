// What visitors mean, on the bundled catalog with the real index and lunr.js: a word naming a kind of entry ("electives",
// "partners", "projects") means that kind, people's words ("doctors", "med students") the audience, and a question typed
// as a sentence is read for those words (site_gen/equivalents.py).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSearch, siteFolder } from './built-site.mjs';

const search = loadSearch();
const OBSERVERSHIP = 'electives/clinical-observership-international-physicians';

async function outcome(query) {
  return search.core.search(search.lunr, search.sharded(), query);
}

const docOf = (hit) => search.documents[Number(hit.ref)];

/** The documents of the hits with every word, which come first. */
async function complete(query) {
  const found = await outcome(query);
  return found.hits.slice(0, found.complete ? found.complete.size : 0).map(docOf);
}

test('a word naming a kind of entry lists that kind first: "electives asia", "partners in kenya", "projects in peru"', async () => {
  // "electives asia" listed three partners in Asia (they "host electives") before the first elective in Asia;
  // "partners in kenya" two projects in Kenya that "work with partners", and an elective, before the partner in Kenya.
  for (const query of ['electives asia', 'elective in asia ', 'where can I do an elective in asia']) {
    const first = await complete(query);
    assert.ok(first.length >= 5, query);
    assert.ok(first.every((doc) => doc.collection === 'electives'), `${query}: ${first.map((doc) => doc.ref).join(', ')}`);
  }
  assert.equal(docOf((await outcome('partners in kenya')).hits[0]).ref, 'partners/lakeside-community-health-trust');
  assert.equal(docOf((await outcome('projects in peru')).hits[0]).ref, 'projects/andean-telemedicine-rural-clinics');
  const funding = await complete('is there funding for projects in kenya');
  assert.ok(funding.length && funding.every((doc) => doc.collection === 'projects'), funding.map((doc) => doc.ref).join(', '));
  const institutions = await complete('institutions in india');
  assert.ok(institutions.length && institutions.every((doc) => doc.collection === 'partners'));
});

test('a kind word alone lists every entry of the kind before the texts that only mention it', async () => {
  for (const [query, collection] of [['partners', 'partners'], ['projects ', 'projects'], ['electives', 'electives']]) {
    const kinds = (await outcome(query)).hits.map((hit) => docOf(hit).collection);
    const count = search.documents.filter((doc) => doc.collection === collection).length;
    assert.deepEqual(kinds.slice(0, count), Array(count).fill(collection), query);
    assert.ok(kinds.length > count, `${query}: the entries that mention the word are still listed, after them`);
  }
});

test('a kind word still finds its text where it is not meant as the kind: "title:elective", "research elective"', async () => {
  // A word searched in one field is that word there; among electives, the one saying "Research Elective" comes first.
  const titled = (await outcome('title:elective ')).hits.map(docOf);
  assert.ok(titled.length && titled.every((doc) => /elective/i.test(doc.title)), titled.map((doc) => doc.title).join(', '));
  assert.equal(docOf((await outcome('research elective')).hits[0]).ref, 'electives/tuberculosis-research-elective-pokhara');
  // "rotation" is no kind: as one, the guide typed by its title came fourth, after three electives.
  for (const query of ['planning an international rotation', 'planning a rotation']) {
    assert.equal(docOf((await outcome(query)).hits[0]).ref, 'pages/planning-a-rotation', query);
  }
});

test('"doctors", "MDs" and "foreign doctors" find the observership for international physicians first', async () => {
  // "doctors" listed an institute that "trains doctors"; "foreign doctors" a surgery elective in China; "MDs" a retry.
  for (const query of ['doctors', 'doctor ', 'MDs', 'physicians ', 'foreign doctors', 'international doctors ',
    'can international doctors observe in the US']) {
    const found = await outcome(query);
    assert.equal(docOf(found.hits[0]).ref, OBSERVERSHIP, query);
    assert.equal(found.similar, false, query);
  }
});

test('"med students" is medical students, not a typo of "med"', async () => {
  const found = await outcome('med students');
  assert.equal(found.similar, false);
  assert.equal(found.unmatched, undefined);
  const first = (await complete('med students')).slice(0, 10);  // (the electives for medical students)
  assert.ok(first.length === 10 && first.every((doc) => doc.collection === 'electives'), first.map((doc) => doc.ref).join(', '));
});

test('a question typed as a sentence is searched for what it asks about: "i want to do research in kenya"', async () => {
  // "want" counted as much as "kenya": an entry in China that "wants" research came second, and a catalog without
  // the word said "No entry has “want”".
  const refsOf = async (query) => (await outcome(query)).hits.map((hit) => docOf(hit).ref);
  for (const [asked, meant] of [['i want to do research in kenya ', 'research in kenya '],
    ['hi, i am interested in global surgery please ', 'global surgery '],
    ['looking for partners in kenya ', 'partners in kenya ']]) {
    const found = await outcome(asked);
    assert.deepEqual(await refsOf(asked), await refsOf(meant), asked);
    assert.equal(found.complete.size, (await outcome(meant)).complete.size, asked);
    assert.equal(found.missing, undefined, asked);
  }
  // Alone, or being typed, such a word is searched as a word.
  assert.ok((await refsOf('want')).length > 0);
  assert.notDeepEqual(await refsOf('surgery want'), await refsOf('surgery '));  // (the entries that say "want" first)
  assert.deepEqual(await refsOf('surgery want '), await refsOf('surgery '));
});

test('a kind word alone lists its entries in the order of their listing: electives by deadline, projects by status', async () => {
  // They came by lunr's score, which put the entries with the fewest tags first ("electives": an EM rotation in Kumasi
  // closing in 2027, then one closing in January 2027, then one closing this month): an order that meant nothing.
  const today = search.core.isoDate(new Date());
  const kindFirst = async (query, collection) => {
    const count = search.documents.filter((doc) => doc.collection === collection).length;
    return (await outcome(query)).hits.slice(0, count).map(docOf);
  };
  for (const query of ['electives', 'elective ', 'the electives']) {
    const electives = await kindFirst(query, 'electives');
    const key = (doc) => {
      const state = search.core.deadlineState(doc, today);
      const date = Number((doc.deadline || '0').replace(/-/g, ''));
      return [{ open: 0, rolling: 1, closed: 2 }[state], state === 'closed' ? -date : date];
    };
    for (let i = 1; i < electives.length; i++) {
      const [a, b] = [key(electives[i - 1]), key(electives[i])];
      assert.ok(a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]), `${query}: ${electives[i - 1].ref} before ${electives[i].ref}`);
    }
  }
  const status = { Active: 0, Planned: 1, Completed: 2 };
  const projects = (await kindFirst('projects ', 'projects')).map((doc) => status[doc.facts[1]]);
  assert.deepEqual(projects, projects.slice().sort(), projects.join());
  // Partners by name, as their listing shows them.
  const listing = readFileSync(join(siteFolder(), 'partners', 'index.html'), 'utf8');
  const partners = (await kindFirst('partners', 'partners')).map((doc) => doc.title);
  assert.deepEqual(partners, partners.slice().sort((a, b) => listing.indexOf(`>${escaped(a)}<`) - listing.indexOf(`>${escaped(b)}<`)));
  assert.ok(partners.every((title) => listing.includes(`>${escaped(title)}<`)), partners.join());
  // Not a kind's name: "free" (five electives) keeps its order by words, nor a word beside a kind's name.
  assert.equal((await outcome('free')).listed, undefined);
  assert.equal((await outcome('electives kenya')).listed, undefined);
  assert.equal((await outcome('electives')).listed, 'electives');
});

const escaped = (text) => text.replace(/&/g, '&amp;').replace(/'/g, '&#39;');

test('a year of study beside other words says who is asking: "i am a 4th year medical student looking for a surgery elective in africa"', async () => {
  // It listed the surgery elective in China first ("year": "one year" in its text) and said "No entry has “4th”".
  const sentence = await outcome('i am a 4th year medical student looking for a surgery elective in africa');
  assert.equal(docOf(sentence.hits[0]).ref, 'electives/hiv-tuberculosis-elective-south-africa');
  assert.equal(sentence.missing, undefined);
  const refsOf = async (query) => (await outcome(query)).hits.map((hit) => hit.ref);
  for (const [query, words] of [['4th-year medical student elective in kenya', 'medical student elective in kenya'],
    ['final year medical students surgery', 'medical students surgery']]) {
    assert.deepEqual(await refsOf(query), await refsOf(words), query);
  }
  // Alone, or as a length of time, they are words: "first year" finds the texts saying it, "2 year fellowship" a year's.
  assert.ok((await outcome('first year')).complete.size > 0);
  assert.notDeepEqual(await refsOf('first year'), await refsOf('first'));
  assert.notDeepEqual(await refsOf('2 year fellowship'), await refsOf('2 fellowship'));
});

test('"open electives" lists the electives as "electives" does, open ones first: no index holds the deadline\'s state', async () => {
  // It listed first two closed observerships whose next cycle "opens" in 2027.
  const count = search.documents.filter((doc) => doc.collection === 'electives').length;
  const electives = (await outcome('electives')).hits.slice(0, count).map((hit) => hit.ref);
  for (const query of ['open electives', 'electives open now', 'currently open electives ']) {
    const found = await outcome(query);
    assert.deepEqual(found.hits.slice(0, count).map((hit) => hit.ref), electives, query);
    assert.equal(found.listed, 'electives');
    assert.equal(found.complete, undefined, `${query}: "open" is the deadline's state, not a word each must have`);
  }
  // Not beside another kind, nor alone: "open" is the word there.
  assert.equal((await outcome('open projects')).listed, undefined);
  assert.equal((await outcome('open')).listed, undefined);
});

test('"electives closing soon" and "upcoming electives" are the electives by nearest deadline, no word named missing', async () => {
  // "No entry has “soon”", and the electives by words.
  for (const query of ['electives closing soon', 'upcoming electives']) {
    const found = await outcome(query);
    assert.equal(found.listed, 'electives', query);
    assert.equal(found.missing, undefined, query);
  }
});

test('"im" that starts a sentence is "I\'m", not internal medicine: "im a final year med student interested in global surgery"', async () => {
  // It listed a partner hospital in Bogotá (internal medicine) first.
  const refsOf = async (query) => (await outcome(query)).hits.map((hit) => hit.ref);
  assert.deepEqual(await refsOf('im a final year med student interested in global surgery'), await refsOf('med student global surgery'));
  assert.deepEqual(await refsOf('im looking for electives in kenya'), await refsOf('electives in kenya'));
  assert.equal(docOf((await outcome('im elective')).hits[0]).ref, 'electives/internal-medicine-clerkship-bogota');
});
