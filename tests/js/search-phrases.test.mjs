// Words in quotes, with the real lunr.js and the real built index: each word required, the entries
// with a phrase's words together (in a title, topics, summary, places or partners) first, and the
// ways people type quotes and + or - around them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { loadSearch, refs } from './built-site.mjs';

const search = loadSearch();
const { lunr, core } = search;
const Phrases = createRequire(import.meta.url)('../../static/js/search-phrases.js');

async function outcomeOf(query, source = search.sharded()) {
  return core.search(lunr, source, query);
}

const refOf = (hit) => search.documents[Number(hit.ref)].ref;
const termsOf = (hit) => Object.keys(hit.matchData.metadata);
const has = (hit, term) => termsOf(hit).includes(term);

test('quotes are read the way people type them: straight, curly, low, guillemets, open or empty', () => {
  const split = (text) => Phrases.split(text).map((part) => (part.quoted ? [part.text, part.presence, part.field, part.closed] : part.text));
  assert.deepEqual(split('"global surgery"'), ['', ['global surgery', '', '', true], '']);
  assert.deepEqual(split('“maternal health” Kenya'), ['', ['maternal health', '', '', true], ' Kenya']);
  assert.deepEqual(split('„global surgery“ «global health» ”x”'), ['', ['global surgery', '', '', true], ' ', ['global health', '', '', true], ' ',
    ['x', '', '', true], '']);
  assert.deepEqual(split('surgery "global health'), ['surgery ', ['global health', '', '', false]]);
  assert.deepEqual(split('malaria -"global surgery" +title:"rwanda"'), ['malaria ', ['global surgery', '-', '', true], ' ',
    ['rwanda', '+', 'title', true], '']);
  assert.deepEqual(split('surgery"global"'), ['surgery', ['global', '', '', true], ''], 'a quote inside a word glues nothing');
});

test('single quotes around words are a phrase; between letters, or closing nothing, they are apostrophes', async () => {
  // ‘global surgery’ (phones' curly single quotes, British style) was searched as the two loose words.
  const split = (text) => Phrases.split(text).map((part) => (part.quoted ? [part.text, part.presence, part.field, part.closed] : part.text));
  assert.deepEqual(split('‘global surgery’ Rwanda'), ['', ['global surgery', '', '', true], ' Rwanda']);
  assert.deepEqual(split("-'global surgery' title:‘rwanda’"), ['', ['global surgery', '-', '', true], ' ', ['rwanda', '', 'title', true], '']);
  assert.deepEqual(split('‘children’s health’'), ['', ['children’s health', '', '', true], '']);
  for (const plain of ['children’s health', "O'Brien", 'nurses’ housing', 'x‘y’', "'", "surgery ' kenya", '"it\'s ‘x’"']) {
    assert.equal(Phrases.singleQuotesAsDouble(plain), plain, plain);
  }
  assert.equal(core.queryLabel('‘global surgery’ -‘research fellowship’'), '“global surgery” -“research fellowship”');
  assert.equal(core.queryLabel('children’s health'), '“children’s health”');
  assert.deepEqual(await refs(search, 'children’s health '), await refs(search, "children's health "));
});

test('the status names what was searched: phrases closed in curly quotes, empty quotes left out', () => {
  for (const [typed, label] of [
    ['surgery China', '“surgery China”'], ['"global surgery"', '“global surgery”'], ['“maternal health”  Kenya', '“maternal health” Kenya'],
    ['"global surgery', '“global surgery”'], ['surgery ""', '“surgery”'], ['""', '“”'], ['«global surgery» -"research  fellowship"',
      '“global surgery” -“research fellowship”'], ['title:"global surgery"', 'title:“global surgery”'], ['"surgery"', '“surgery”'],
  ]) {
    assert.equal(core.queryLabel(typed), label, typed);
  }
});

test('a phrase\'s words stand together when each follows the one before, stop words taking their places', () => {
  const at = (...numbers) => new Set(numbers);
  assert.equal(Phrases.together([0, 1], [at(4, 9), at(2, 10)]), true);
  assert.equal(Phrases.together([0, 1], [at(4, 9), at(2, 11)]), false);
  assert.equal(Phrases.together([0, 2], [at(3), at(5)]), true, '"building in guatemala": "in" is not indexed');
  assert.equal(Phrases.together([0, 1, 2], [at(0), at(1), at(3)]), false);
  assert.equal(Phrases.together([0, 1], [at(), at(1)]), false);
});

test('"global surgery" requires both words and puts the entries with them together first', async () => {
  // The quotes were dropped: 33 results, most with "global" or "surgery" alone.
  const loose = await outcomeOf('global surgery ');
  const quoted = await outcomeOf('"global surgery"');
  assert.ok(loose.hits.some((hit) => !has(hit, 'global')) && loose.hits.some((hit) => !has(hit, 'surgeri')));
  assert.ok(quoted.hits.length > 5 && quoted.hits.length < loose.hits.length, `${quoted.hits.length} of ${loose.hits.length}`);
  assert.ok(quoted.hits.every((hit) => has(hit, 'global') && has(hit, 'surgeri')));
  assert.equal(quoted.phrases, 1);
  const together = quoted.hits.map((hit) => quoted.together.has(hit.ref));
  assert.deepEqual(together, [...together].sort((a, b) => b - a), 'the entries with the phrase come first');
  // The Gulf Coast centre says "surgery" and "global-health@…" in its body: the words apart.
  const found = quoted.hits.map(refOf);
  assert.equal(found.at(-1), 'partners/gulf-coast-specialist-centre');
  assert.ok(!quoted.together.has(quoted.hits.at(-1).ref));
  // The two entries titled "Global Surgery ..." lead (their order is lunr's score, which other fields move).
  assert.deepEqual(found.slice(0, 2).sort(), ['electives/global-surgery-research-fellowship-rwanda', 'projects/global-surgery-curriculum-vietnam']);
});

test('"maternal health" Kenya lists the entries with the phrase before the Kenyan trust with "maternal and child health"', async () => {
  // Without quotes the trust comes first: it has all three words.
  assert.equal((await refs(search, 'maternal health kenya'))[0], 'partners/lakeside-community-health-trust');
  const found = await refs(search, '"maternal health" Kenya');
  assert.equal(found.at(-1), 'partners/lakeside-community-health-trust', found.join(', '));
  assert.equal(found[0], 'electives/maternal-health-elective-guatemala');
});

test('a stop word in a phrase keeps its place: "building in guatemala" is together, "building guatemala" is not', async () => {
  const title = 'projects/western-highlands-maternal-health-capacity-building';  // "… Capacity Building in Guatemala's Western Highlands"
  const withStopWord = await outcomeOf('"building in guatemala"');
  assert.ok([...withStopWord.together].map((ref) => search.documents[Number(ref)].ref).includes(title));
  const without = await outcomeOf('"building guatemala"');
  assert.ok(without.hits.map(refOf).includes(title));
  assert.ok(![...without.together].map((ref) => search.documents[Number(ref)].ref).includes(title));
});

test('every way of typing quotes finds what straight quotes find', async () => {
  const straight = await refs(search, '"global surgery"');
  for (const typed of ['“global surgery”', '”global surgery”', '„global surgery“', '«global surgery»', '＂global surgery＂', '"global surgery ',
    '+"global surgery"', '  "Global   Surgery"  ', '‘global surgery’', "'global surgery'", '‚global surgery‘', '‹global surgery›',
    '‘global surgery', '+‘global surgery’']) {
    assert.deepEqual(await refs(search, typed), straight, typed);
  }
});

test('an unclosed quote while typing matches its last word as a prefix, and finds the phrase on the way', async () => {
  const typing = await outcomeOf('"global surg');
  const done = await outcomeOf('"global surgery"');
  assert.ok(typing.together.size >= done.together.size && done.together.size > 5);
  for (const ref of done.together) {
    assert.ok(typing.together.has(ref), search.documents[Number(ref)].ref);
  }
  assert.equal(typing.similar, false);
});

test('empty quotes are ignored, and quotes around one word require it as spelt', async () => {
  assert.deepEqual(await refs(search, 'surgery ""'), await refs(search, 'surgery'));
  assert.equal(core.hasWords('""'), false);
  assert.deepEqual(await refs(search, '""'), []);
  assert.deepEqual(await refs(search, '"surgery" china'), await refs(search, '+surgery china '));
  // A quoted word is not a prefix, and not replaced by similar words.
  assert.deepEqual(await refs(search, '"surg"'), []);
  const typo = await outcomeOf('"surgrey"');
  assert.deepEqual([typo.hits.length, typo.similar], [0, false]);
  assert.equal((await outcomeOf('surgrey')).similar, true);
  const inPhrase = await outcomeOf('"global surgrey"');
  assert.deepEqual([inPhrase.hits.length, inPhrase.similar], [0, false]);
});

test('a phrase of stop words alone is too common to search', async () => {
  assert.deepEqual(await outcomeOf('"the for"'), { hits: [], similar: false, common: true });
});

test('-"phrase" leaves out the entries with the phrase, not those with its words apart', async () => {
  const phrase = await outcomeOf('"global surgery"');
  const withPhrase = new Set([...phrase.together]);
  assert.ok(withPhrase.size > 5);
  const surgery = await outcomeOf('surgery -"global surgery"');
  assert.ok(surgery.hits.length > 0);
  assert.ok(surgery.hits.every((hit) => has(hit, 'surgeri') && !withPhrase.has(hit.ref)));
  assert.ok(surgery.hits.map(refOf).includes('partners/gulf-coast-specialist-centre'), 'its words apart: kept');
  const all = await outcomeOf('-"global surgery"');
  assert.equal(all.hits.length, search.documents.length - withPhrase.size);
  assert.deepEqual(await refs(search, 'surgery -"rwanda"'), await refs(search, 'surgery -rwanda '));
});

test('a phrase goes with +word, -word and field:', async () => {
  const rwanda = await outcomeOf('"global surgery" +rwanda');
  assert.ok(rwanda.hits.length > 0 && rwanda.hits.every((hit) => has(hit, 'rwanda') && has(hit, 'global') && has(hit, 'surgeri')));
  assert.ok(!(await refs(search, '"global surgery" -rwanda')).includes('electives/global-surgery-research-fellowship-rwanda'));
  const titles = await outcomeOf('title:"global surgery"');
  assert.ok(titles.hits.length > 0 && titles.together.size === titles.hits.length);
  for (const hit of titles.hits) {
    assert.match(search.documents[Number(hit.ref)].title, /global surgery/i);
  }
});

test('while typing, a + or - before a phrase\'s next word is not searched yet', () => {
  assert.equal(core.withoutUnfinishedWord('"global +'), '"global ');
  assert.equal(core.withoutUnfinishedWord('"global -'), '"global ');
});

test('phrases give the same hits on the whole index and on shards, and fetch no more than their words', async () => {
  for (const query of ['"global surgery"', '"maternal health" Kenya', '"global surg', '-"global surgery"', 'title:"global surgery"',
    '"building in guatemala"', '+electiv', '"maternal health" guatamala']) {
    const whole = await outcomeOf(query, search.whole);
    const sharded = await outcomeOf(query);
    assert.deepEqual(sharded.hits.map((hit) => [hit.ref, hit.score]), whole.hits.map((hit) => [hit.ref, hit.score]), query);
    assert.deepEqual([...(sharded.together || [])], [...(whole.together || [])], query);
  }
  const fetchedFor = async (query) => {
    search.fetched.length = 0;
    await outcomeOf(query);
    return [...new Set(search.fetched)].sort();
  };
  assert.deepEqual(await fetchedFor('"global surgery"'), await fetchedFor('global surgery '));
});

test('a name before a phrase that is no field of the index is a word, as in foo:health, and the status says so', async () => {
  const fields = search.manifest.fields;
  assert.ok(fields.includes('title') && !fields.includes('foo'));
  const split = (text) => Phrases.split(text, fields).map((part) => (part.quoted ? [part.text, part.presence, part.field] : part.text));
  assert.deepEqual(split('foo:"maternal health"'), ['foo ', ['maternal health', '', ''], '']);
  assert.deepEqual(split('-Foo:"global surgery"'), ['Foo ', ['global surgery', '-', ''], '']);
  assert.deepEqual(split('Title:"global surgery"'), ['', ['global surgery', '', 'title'], '']);
  // foo:health searches "foo" and "health" (lunr's syntax is dropped): the word "foo", retried as similar words.
  const unquoted = await outcomeOf('foo:health');
  assert.deepEqual(unquoted.unmatched, ['foo']);
  // foo:"maternal health" searched the phrase in every field, and "foo" nowhere, while the status said foo:“maternal health”.
  const glued = await outcomeOf('foo:"maternal health"');
  const apart = await outcomeOf('foo "maternal health"');
  assert.deepEqual(glued.hits.map(refOf), apart.hits.map(refOf));
  assert.deepEqual(glued.unmatched, ['foo']);
  assert.equal(glued.phrases, 1);
  assert.equal(core.queryLabel('foo:"maternal health"', fields), 'foo “maternal health”');
  assert.equal(core.queryLabel('-foo:"global surgery" kenya', fields), 'foo -“global surgery” kenya');
  // A field of the index still limits the phrase to it, and the status names it.
  assert.equal(core.queryLabel('title:"maternal health"', fields), 'title:“maternal health”');
  const titled = await outcomeOf('title:"maternal health"');
  assert.ok(titled.hits.length > 0 && titled.hits.length < apart.hits.length);
  assert.ok(titled.hits.every((hit) => Object.values(hit.matchData.metadata).every((where) => Object.keys(where).every((field) => field === 'title'))));
});
