// The DOM-free search core: folding agrees with the Python index builder, highlighting,
// deadlines, filters, facet counts and URL state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadSearch } from './built-site.mjs';

const { lunr, core, documents } = loadSearch();

function parity() {
  const path = process.env.SEARCH_PARITY;
  if (!path) {
    throw new Error('SEARCH_PARITY is not set: run these tests through pytest (tests/test_search_node.py)');
  }
  return JSON.parse(readFileSync(path, 'utf8'));
}

test('queries fold exactly as the index builder folds text', () => {
  const cases = parity().fold;
  assert.ok(Object.keys(cases).length > 10);
  for (const [text, folded] of Object.entries(cases)) {
    assert.equal(core.fold(text), folded, text);
  }
});

test('lunr.js stems every word of the catalog as the index builder did', () => {
  const stems = parity().stems;
  const different = Object.entries(stems).filter(([word, stem]) => lunr.stemmer(new lunr.Token(word)).toString() !== stem);
  assert.ok(Object.keys(stems).length > 1000);
  assert.deepEqual(different, []);
});

test('the search page tells the words of one stem apart as the index builder does (sameWord, same_word)', () => {
  const pairs = parity().sameWord;
  assert.ok(pairs.length > 500 && pairs.some(([, , same]) => same) && pairs.some(([, , same]) => !same));
  assert.deepEqual(pairs.filter(([a, b, same]) => core.sameWord(a, b) !== same || core.sameWord(b, a) !== same), []);
});

test('lunr.js leaves out the same stop words as the index builder', () => {
  const { stopWords, stems } = parity();
  const isStopWord = (word) => !lunr.stopWordFilter(new lunr.Token(word));
  assert.ok(stopWords.length > 100);
  assert.deepEqual(stopWords.filter((word) => !isStopWord(word)), []);
  assert.deepEqual(Object.keys(stems).filter(isStopWord).sort(), Object.keys(stems).filter((word) => stopWords.includes(word)).sort());
});

test('query folding keeps lunr syntax and drops accents and markup characters', () => {
  assert.equal(core.foldQuery('+Bogotá -Perú title:Ñan surg* maternl~1 x^2'), '+bogota -peru title:nan surg* maternl~1 x^2');
  assert.equal(core.foldQuery('<img src=x onerror=alert(1)>').trim().split(/\s+/).join(' '), 'img src x onerror alert 1');
});

test('a query respells a British word beside letters written without spaces, as the index holds them apart', () => {
  // The index holds "centre中心" as "center 中心": the query's clause is split into parts only after folding.
  assert.equal(core.foldQuery('centre中心 中心paediatrics organisation病院'), 'center中心 中心pediatrics organization病院');
  assert.equal(core.foldQuery('xcentre centre2 centre_x'), 'xcentre centre2 centre_x');
});

test('one edit is a letter added, dropped or changed, or two neighbouring letters swapped', () => {
  for (const [a, b] of [['hospital', 'hospital'], ['hosptial', 'hospital'], ['surgey', 'surgery'], ['surgery', 'surgey'],
    ['surgey', 'survey'], ['maternl', 'maternal'], ['xhospital', 'hospital'], ['hospitalx', 'hospital'], ['南京', '南京市']]) {
    assert.equal(core.isWithinOneEdit(a, b), true, `${a} ${b}`);
  }
  for (const [a, b] of [['hsoptial', 'hospital'], ['surgry', 'surgery '], ['hospital', 'hospitals!!'], ['abc', 'cba'], ['ab', 'abcd']]) {
    assert.equal(core.isWithinOneEdit(a, b), false, `${a} ${b}`);
  }
});

test('the vocabulary finds the words one typo away from a word as typed', () => {
  const vocabulary = new core.Vocabulary(['hospit', 'hospital', 'hospitals', 'surgery', 'survey', 'surge']);
  assert.deepEqual(vocabulary.similar('hosptial'), ['hospital']);
  assert.deepEqual(vocabulary.similar('surgey'), ['surge', 'survey', 'surgery']);
  assert.deepEqual(vocabulary.similar('hospital'), ['hospital', 'hospitals']);
  assert.deepEqual(vocabulary.similar('x'.repeat(5000)), []);
});

test('a word of up to four letters keeps its first letter among its similar words', () => {
  // Names the catalog lacks were taken for typos of its words: "ulan" of "plan", "hong" and "kong" of "long".
  const vocabulary = new core.Vocabulary(['plan', 'long', 'dose', 'hiv', 'icu', 'kenya', 'hospital', 'surgery']);
  for (const word of ['ulan', 'hong', 'kong', 'jose', 'ucu']) {
    assert.deepEqual(vocabulary.similar(word), [], word);
  }
  assert.deepEqual(vocabulary.similar('hvi'), ['hiv'], 'a short word with its first letter kept');
  assert.deepEqual(vocabulary.similar('lnog'), ['long']);
  assert.deepEqual(vocabulary.similar('plna'), ['plan']);
  assert.deepEqual(vocabulary.similar('menya'), ['kenya'], 'a longer word may have its first letter wrong');
  assert.deepEqual(vocabulary.similar('ospital'), ['hospital']);
});

test('a two-letter word (a country\'s code) is no longer word\'s similar word: "mph" and "msf" are acronyms', () => {
  // "mph" listed 15 unrelated entries in the Marshall Islands ("mh") and the Philippines ("ph") on a catalog of 1,000.
  const vocabulary = new core.Vocabulary(['mh', 'mp', 'ph', 'ms', 'mf', 'hiv', 'tb', 'tbs', 'kenya']);
  for (const word of ['mph', 'msf', 'mhh']) {
    assert.deepEqual(vocabulary.similar(word), [], word);
  }
  assert.deepEqual(vocabulary.similar('hivv'), ['hiv'], 'a typo of a three-letter word');
  assert.deepEqual(vocabulary.similar('mx'), ['mh', 'mp', 'ms', 'mf'], 'a two-letter word\'s similar words are codes');
  assert.deepEqual(vocabulary.similar('t'), ['tb'], 'a word longer than the one typed');
});

test('the vocabulary finds a word one typo away from its British spelling, which the index holds in American', () => {
  const vocabulary = new core.Vocabulary(['center', 'organizations', 'anemia', 'orthopedic', 'hospital', 'program']);
  assert.deepEqual(vocabulary.similar('cnetre'), ['center']);
  assert.deepEqual(vocabulary.similar('organisatons'), ['organizations']);
  assert.deepEqual(vocabulary.similar('anaemai'), ['anemia']);
  assert.deepEqual(vocabulary.similar('orthopaedci'), ['orthopedic']);
  assert.deepEqual(vocabulary.similar('programmme'), ['program']);
  assert.deepEqual(vocabulary.similar('hosptial'), ['hospital']);
});

test('a British word being typed also matches what it becomes in American spelling, once past where they differ', () => {
  const completions = (term) => core.americanCompletions(term);
  assert.deepEqual(completions('anaest'), { prefixes: ['anesth'], words: [] });
  assert.deepEqual(completions('centr'), { prefixes: [], words: ['center', 'centers'] });
  assert.deepEqual(completions('organisat'), { prefixes: [], words: ['organization', 'organizations'] });
  assert.deepEqual(completions('anaemi'), { prefixes: [], words: ['anemia', 'anemias', 'anemic'] });
  for (const term of ['cent', 'program', 'analysis', 'hospital', 'anaesthesia']) {
    assert.deepEqual(completions(term), { prefixes: [], words: [] }, term);
  }
});

function marked(text, terms) {
  return core.highlight(lunr, text, new Set(terms)).filter((segment) => segment[1]).map((segment) => segment[0]);
}

test('highlighting marks whole words whose folded stem matched, accents kept', () => {
  assert.deepEqual(marked('Hospital Universitario Los Cerros de Bogotá', ['bogota']), ['Bogotá']);
  assert.deepEqual(marked('Surgery and surgeries, not surgeons', ['surgeri']), ['Surgery', 'surgeries']);
  assert.deepEqual(marked('Nanjing Riverside (南京滨江医科大学附属医院)', ['医院']), ['南京滨江医科大学附属医院']);
  assert.deepEqual(marked('Nothing here', ['surgeri']), []);
});

test('a stop word is never marked, even when it is the stem of a matched word', () => {
  // "Andes" is indexed as "and": the word "and" itself is a stop word, left out of the index.
  assert.deepEqual(marked('Clinics in the Andes and Andean valleys', ['and', 'andean']), ['Andes', 'Andean']);
  assert.deepEqual(marked('Use what the US uses', ['us']), ['Use', 'uses']);
});

test('highlight segments put the text back together unchanged', () => {
  const text = 'A <b>bold</b> "surgery" elective & more';
  const segments = core.highlight(lunr, text, new Set(['surgeri', 'bold']));
  assert.equal(segments.map((segment) => segment[0]).join(''), text);
});

const elective = (deadline) => ({ collection: 'electives', category: 'clinical', countries: ['CN'], deadline });

test('deadlines are open through their day, then closed; none means rolling', () => {
  assert.equal(core.deadlineState(elective('2026-10-01'), '2026-10-01'), 'open');
  assert.equal(core.deadlineState(elective('2026-09-30'), '2026-10-01'), 'closed');
  assert.equal(core.deadlineState(elective(undefined), '2026-10-01'), 'rolling');
  assert.equal(core.deadlineState({ collection: 'projects', countries: [] }, '2026-10-01'), '');
  assert.equal(core.deadlineText(elective('2026-11-30'), '2026-10-01'), 'Open until 30 November 2026');
  assert.equal(core.deadlineText(elective('2026-03-01'), '2026-10-01'), 'Closed on 1 March 2026');
});

const DOCS = {
  'electives/open': { collection: 'electives', category: 'clinical', countries: ['CN'], deadline: '2026-12-01' },
  'electives/closed': { collection: 'electives', category: 'research', countries: ['SA'], deadline: '2026-01-01' },
  'electives/rolling': { collection: 'electives', category: 'clinical', countries: ['SA'] },
  'projects/both': { collection: 'projects', countries: ['CN', 'SA'] },
};
const HITS = Object.keys(DOCS).map((ref) => ({ ref }));
const NO_FILTERS = { collection: '', category: '', country: '', deadline: '' };
const filtered = (filters) => core.applyFilters(HITS, DOCS, { ...NO_FILTERS, ...filters }, '2026-10-01').map((hit) => hit.ref);

test('filters keep the hits that match every chosen facet, in rank order', () => {
  assert.deepEqual(filtered({}), Object.keys(DOCS));
  assert.deepEqual(filtered({ country: 'SA' }), ['electives/closed', 'electives/rolling', 'projects/both']);
  assert.deepEqual(filtered({ deadline: 'open' }), ['electives/open', 'electives/rolling']);
  assert.deepEqual(filtered({ deadline: 'closed', country: 'SA' }), ['electives/closed']);
  assert.deepEqual(filtered({ collection: 'projects', category: 'clinical' }), []);
});

test('facet counts count each value among hits that pass the other filters', () => {
  const counts = core.facetCounts(HITS, DOCS, { ...NO_FILTERS, country: 'CN' }, '2026-10-01');
  assert.deepEqual(counts.collection, { electives: 1, projects: 1 });
  assert.deepEqual(counts.country, { CN: 2, SA: 3 });
  assert.deepEqual(counts.deadline, { open: 1 });
});

test('without words, filters alone list their matches and every option counts every document', async () => {
  const { sharded } = loadSearch();
  const facets = await sharded().facetDocuments();
  const today = '2026-10-01';
  const byCollection = (name) => documents.filter((doc) => doc.collection === name).length;
  for (const query of ['', '  ', '-']) {
    const nothingChosen = core.resultsFor([], query, NO_FILTERS, facets, today);
    assert.equal(nothingChosen.browsing, true);
    assert.deepEqual(nothingChosen.shown, []);
    assert.deepEqual(nothingChosen.counts.collection, { partners: byCollection('partners'), projects: byCollection('projects'),
      electives: byCollection('electives'), pages: byCollection('pages') });
    assert.equal(nothingChosen.counts.country.RW, documents.filter((doc) => doc.countries.includes('RW')).length);
  }
  const open = core.resultsFor([], '', { ...NO_FILTERS, collection: 'electives', deadline: 'open' }, facets, today);
  const expected = documents.filter((doc) => doc.collection === 'electives' && !(doc.deadline < today)).map((doc) => doc.ref);
  assert.ok(expected.length > 1);
  assert.deepEqual(open.shown.map((hit) => documents[Number(hit.ref)].ref), expected);
  assert.equal(open.counts.deadline.open, expected.length);
});

test('with words, the page lists and counts the hits only', async () => {
  const { sharded, lunr: lunrJs } = loadSearch();
  const index = sharded();
  const { hits } = await core.search(lunrJs, index, 'surgery ');
  const results = core.resultsFor(hits, 'surgery ', NO_FILTERS, await index.facetDocuments(), '2026-10-01');
  assert.equal(results.browsing, false);
  assert.deepEqual(results.shown, hits);
  assert.equal(Object.values(results.counts.collection).reduce((a, b) => a + b), hits.length);
});

test('without filters, results need no facet values: the same hits, counts left for later', async () => {
  const { sharded, lunr: lunrJs } = loadSearch();
  const index = sharded();
  const { hits } = await core.search(lunrJs, index, 'surgery ');
  const facets = await index.facetDocuments();
  const early = core.resultsFor(hits, 'surgery ', NO_FILTERS, null, '2026-10-01');
  assert.deepEqual(early, { shown: core.resultsFor(hits, 'surgery ', NO_FILTERS, facets, '2026-10-01').shown, counts: null, browsing: false });
  assert.deepEqual(core.resultsFor([], '', NO_FILTERS, null, '2026-10-01'), { shown: [], counts: null, browsing: true });
  assert.throws(() => core.resultsFor(hits, 'surgery ', { ...NO_FILTERS, country: 'CN' }, null, '2026-10-01'));
});

test('query and filters round-trip through the URL in a fixed order', () => {
  const state = core.stateFromSearch('?country=CN&q=surgery+China&collection=electives&unknown=1');
  assert.deepEqual(state, { q: 'surgery China', collection: 'electives', category: '', country: 'CN', deadline: '' });
  assert.equal(core.searchFromState(state), '?q=surgery+China&collection=electives&country=CN');
  assert.equal(core.searchFromState(core.stateFromSearch('')), '');
});

test('a query in the URL is read up to the length the search box holds', () => {
  const limit = core.MAX_QUERY_LENGTH;
  assert.equal(core.stateFromSearch('?q=' + 'malaria+'.repeat(700)).q, 'malaria '.repeat(Math.floor(limit / 8)), 'not the start of the next malaria');
  assert.equal(core.stateFromSearch('?q=' + 'a'.repeat(limit - 1) + '%F0%9F%98%80').q, 'a'.repeat(limit - 1), 'no half emoji');
  assert.equal(core.stateFromSearch('?q=surgery').q, 'surgery');
});

test('filter values in the URL are read in either case, as the options spell them', () => {
  const state = core.stateFromSearch('?country=rw&collection=Electives&category=RESEARCH&deadline=Open');
  assert.deepEqual(state, { q: '', collection: 'electives', category: 'research', country: 'RW', deadline: 'open' });
  assert.equal(core.stateFromSearch('?country=RW').country, 'RW');
});

test('every result document has what a result shows', () => {
  for (const doc of documents) {
    assert.equal(doc.ref.split('/')[0], doc.collection);
    assert.ok(doc.title && doc.summary && doc.url.endsWith(`/${doc.ref.split('/')[1]}/`), doc.ref);
  }
});

test('while typing, a last word too short to match as a prefix is left out until a space or a third letter follows', () => {
  // "me" on the way to "medical" said "too common", "nu" on the way to "nursing" "No results".
  const cases = {
    me: '', 'medical me': 'medical ', 'surgery in': 'surgery ', 'surgery i': 'surgery ', UK: '', 'é': '', '+me': '',
    'surgery -c': 'surgery ', 'title:me': '', 'x-r': '', 'Côte d': 'Côte ', 2026: '2026', 'surgery 20': 'surgery ',
    // Kept: a space after the word, a third letter, a letter written without spaces (it matches as a prefix), lunr's syntax.
    'surgery in ': 'surgery in ', med: 'med', 'medical stu': 'medical stu', '南': '南', 'm*': 'm*', 'me~1': 'me~1',
    'me^2': 'me^2', 'title:': 'title:', '': '', 'alert(1)>': 'alert(1)>', 'U.K.': 'U.K.', 'U.K': '',
    // A + or - with no word after it yet, on the way to "surgery +elective".
    'surgery +': 'surgery ', '+': '', 'surgery -': 'surgery ', 'surgery +e': 'surgery ',
  };
  for (const [typed, searched] of Object.entries(cases)) {
    assert.equal(core.withoutUnfinishedWord(typed), searched, typed);
  }
});

test('a query ending in a word too short to search while typing is searched whole once typing pauses', () => {
  // "TB" and "UK" showed "Type words to search" until Enter, and "surgery UK" the results for "surgery".
  for (const query of ['TB', 'uk', 'm', '+me', 'title:me', 'é', ' tb', 'surgery uk', 'medical me', 'surgery +', 'Côte d']) {
    assert.equal(core.endsInShortWord(query), true, query);
  }
  // Searched as typed anyway (a third letter, a space, syntax), or no words at all.
  for (const query of ['HIV', 'tb ', 'surgery uk ', 'medical mem', 'm*', '', '-', '+', '南', '2026']) {
    assert.equal(core.endsInShortWord(query), false, query);
  }
});

test('a common English word that the catalog lacks is spelt as meant: only its own end forms are similar to it', () => {
  // "free" was searched as "fee", "dental" as "mental".
  const words = ['fee', 'fees', 'mental', 'health', 'asia', 'hospital'];
  const vocabulary = new core.Vocabulary(words, ['free', 'dental', 'healthy', 'asian']);
  assert.deepEqual(vocabulary.similar('free'), []);
  assert.deepEqual(vocabulary.similar('dental'), []);
  assert.deepEqual(vocabulary.similar('healthy'), ['health'], 'a letter dropped at the end: the same word');
  assert.deepEqual(vocabulary.similar('asian'), ['asia']);
  assert.deepEqual(vocabulary.similar('hosptial'), ['hospital'], 'a word the list does not hold is a typo');
  const withoutList = new core.Vocabulary(words);
  assert.deepEqual(withoutList.similar('free'), ['fee']);
  assert.deepEqual(withoutList.similar('dental'), ['mental']);
});
