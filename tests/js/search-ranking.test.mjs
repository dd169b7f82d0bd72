// Realistic queries against the bundled catalog, with the real index and lunr.js:
// each expected entry must come within the first `top` results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSearch, refs } from './built-site.mjs';

const search = loadSearch();
/** The sharded index without the families of words of medicine (site_gen/word_families.py): words searched as before them. */
const withoutFamilies = () => Object.assign(search.sharded(), { families: [] });

const RANKED = [
  // [query, top, expected ref, what it shows]
  ['surgery China', 1, 'electives/general-surgery-elective-nanjing', 'topic and country together'],
  ['surgery China', 3, 'projects/nanjing-surgical-needs-assessment', 'topic and country together'],
  ['surgeries', 3, 'electives/general-surgery-elective-nanjing', 'stemming: surgeries finds surgery'],
  ['pediatri', 1, 'electives/pediatrics-elective-kigali', 'prefix while typing'],
  ['pediatrics', 1, 'electives/pediatrics-elective-kigali', 'plain word'],
  ['paediatric', 1, 'electives/pediatrics-elective-kigali', 'British spelling in the text'],
  ['maternl', 3, 'electives/maternal-health-elective-guatemala', 'one typo'],
  ['maternal', 3, 'projects/western-highlands-maternal-health-capacity-building', 'tag and title'],
  ['Saudi', 2, 'projects/saudi-medical-centres-consultation', 'country name'],
  ['Saudi', 2, 'electives/surgical-observership-riyadh', 'country name'],
  ['China', 3, 'partners/nanjing-riverside-hospital', 'country name of a partner'],
  ['CN', 3, 'electives/general-surgery-elective-nanjing', 'ISO country code'],
  ['Norway', 1, 'electives/nursing-exchange-bergen', 'stems agree between lunr.py and lunr.js'],
  ['USA', 6, 'electives/clinical-observership-international-physicians', 'another name of a country'],
  ['Viet Nam', 3, 'electives/point-of-care-ultrasound-elective-hue', 'the ISO short name of a country'],
  ['UK', 1, 'electives/tropical-medicine-observership-london', 'a country abbreviation'],
  ['observership', 4, 'electives/surgical-observership-riyadh', 'format'],
  ['observership', 4, 'electives/clinical-observership-international-physicians', 'format'],
  ['bogota', 3, 'partners/hospital-universitario-los-cerros-bogota', 'accents: bogota finds Bogotá'],
  ['Bogotá', 3, 'electives/internal-medicine-clerkship-bogota', 'accents typed'],
  ['qhapaq nan', 1, 'partners/clinica-qhapaq-nan-cusco', 'accents: nan finds Ñan'],
  ['fundacion salud', 1, 'partners/fundacion-salud-comunitaria-oaxaca', 'accents: fundacion finds Fundación'],
  ['南京滨江医科大学附属医院', 1, 'partners/nanjing-riverside-hospital', 'Chinese-character partner name'],
  ['南京', 1, 'partners/nanjing-riverside-hospital', 'start of a Chinese name while typing'],
  ['医科大学', 1, 'partners/nanjing-riverside-hospital', 'a word inside a Chinese name written without spaces'],
  ['附属医院', 1, 'partners/nanjing-riverside-hospital', 'the end of a Chinese name'],
  ['滨', 1, 'partners/nanjing-riverside-hospital', 'one Chinese character while typing'],
  ['Al-Waha', 1, 'partners/al-waha-medical-city', 'partner name with a hyphen'],
  ['Al-Waha', 2, 'electives/surgical-observership-riyadh', 'host partner name'],
  ['Los Cerros', 2, 'electives/internal-medicine-clerkship-bogota', 'host partner name'],
  ['Riyadh', 1, 'electives/surgical-observership-riyadh', 'city'],
  ['tuberculosis Nepal', 2, 'electives/tuberculosis-research-elective-pokhara', 'topic and country'],
  ['ultrasound', 2, 'electives/point-of-care-ultrasound-elective-hue', 'specialty'],
  ['refugee', 1, 'projects/refugee-primary-care-northern-jordan', 'topic'],
  ['malaria', 2, 'projects/malaria-in-pregnancy-research-collaboration', 'topic'],
  ['telemedicine', 3, 'electives/digital-health-telemedicine-elective-hyderabad', 'topic'],
  ['research fellowship', 3, 'electives/malaria-research-fellowship-kumasi', 'category and format'],
  ['safety', 1, 'pages/safety', 'free pages are searchable'],
  ['surg*', 3, 'electives/surgical-observership-riyadh', 'lunr wildcard syntax'],
  ['Filipino', 1, 'electives/disaster-health-research-elective-philippines', 'a language an elective asks for'],
  ['French', 2, 'electives/global-surgery-research-fellowship-rwanda', 'a language an elective asks for'],
  ['Dholuo', 1, 'electives/community-health-elective-kisumu', 'a language an elective asks for'],
  ['Wanjiru', 1, 'projects/east-africa-emergency-care-training-of-trainers', 'the lead of a project'],
];

for (const [query, top, expected, why] of RANKED) {
  test(`"${query}" has ${expected} in the top ${top} (${why})`, async () => {
    const found = await refs(search, query);
    assert.ok(found.slice(0, top).includes(expected), `top ${top}: ${found.slice(0, top + 3).join(', ')}`);
  });
}

test('the word being typed ranks entries with that word above one with a longer word it starts', async () => {
  // The Kumasi fellowship says "career" twice and never "care": a rare word, so a heavy match.
  const found = await refs(search, 'care');
  assert.equal(found[0], 'projects/refugee-primary-care-northern-jordan');
  assert.ok(found.indexOf('electives/malaria-research-fellowship-kumasi') >= 4, found.slice(0, 5).join(', '));
  assert.ok((await refs(search, 'malar')).slice(0, 2).includes('electives/malaria-research-fellowship-kumasi'), 'a prefix alone still finds');
});

test('British and American spellings find the same entries', async () => {
  for (const [british, american] of [['paediatric', 'pediatric'], ['centre', 'center'], ['anaesthesia', 'anesthesia'],
    ['programme', 'program'], ['paediatrics centres', 'pediatrics centers']]) {
    const found = await refs(search, british + ' ');
    assert.ok(found.length > 0, british);
    assert.deepEqual(found, await refs(search, american + ' '), `${british} / ${american}`);
  }
});

test('a British word being typed finds what the whole word finds before it is complete', async () => {
  for (const [typed, word] of [['anaest', 'anaesthesia'], ['centr', 'centre'], ['immunisat', 'immunisation']]) {
    const found = await refs(search, typed);
    const intended = await refs(search, word + ' ');
    assert.ok(intended.slice(0, 3).includes(found[0]), `${typed}: ${found.slice(0, 3).join(', ')}`);
    assert.ok(found.length >= intended.length, `${typed}: ${found.length} of ${intended.length}`);
  }
});

test('a region finds the entries in its countries, not only those whose text names it', async () => {
  // "Africa" listed 12 entries, most of them only for a word in their body, and none of the
  // electives in Kenya, Ghana, Rwanda or Tanzania; "Latin America" none in Peru, Brazil or Mexico.
  const africa = await refs(search, 'Africa');
  for (const ref of ['electives/community-health-elective-kisumu', 'electives/malaria-research-fellowship-kumasi',
    'electives/pediatrics-elective-kigali', 'electives/maternal-obstetric-care-elective-tanzania']) {
    assert.ok(africa.includes(ref), ref);
  }
  const latinAmerica = await refs(search, 'Latin America');
  for (const ref of ['electives/rural-family-medicine-clerkship-cusco', 'electives/family-health-elective-recife',
    'electives/community-health-clerkship-oaxaca']) {
    assert.ok(latinAmerica.indexOf(ref) !== -1 && latinAmerica.indexOf(ref) < latinAmerica.indexOf('electives/visiting-nurse-observership'), ref);
  }
  assert.ok((await refs(search, 'Southeast Asia')).slice(0, 5).includes('electives/point-of-care-ultrasound-elective-hue'));
});

test('the everyday name of a region finds the entries in its countries before those that only share a word', async () => {
  // "East Africa" found the Kenyan, Ugandan, Rwandan and Tanzanian electives only for "Africa" ("east" and
  // "eastern", of M49's "Eastern Africa", have different stems), after the elective with "South Africa" in its title.
  const before = (found, refs, other) => refs.forEach((ref) => {
    assert.ok(found.indexOf(ref) !== -1 && (found.indexOf(other) === -1 || found.indexOf(ref) < found.indexOf(other)),
      `${ref} before ${other}: ${found.slice(0, 12).join(', ')}`);
  });
  before(await refs(search, 'East Africa'), ['electives/community-health-elective-kisumu', 'electives/community-mental-health-elective-mbarara',
    'electives/pediatrics-elective-kigali', 'electives/maternal-obstetric-care-elective-tanzania'], 'electives/hiv-tuberculosis-elective-south-africa');
  before(await refs(search, 'West Africa'), ['electives/emergency-medicine-residency-rotation-kumasi', 'electives/malaria-research-fellowship-kumasi'],
    'electives/hiv-tuberculosis-elective-south-africa');
  before(await refs(search, 'South Asia'), ['electives/digital-health-telemedicine-elective-hyderabad', 'electives/rural-surgery-residency-rotation-nepal',
    'electives/tuberculosis-research-elective-pokhara'], 'electives/general-surgery-elective-nanjing');
  before(await refs(search, 'East Asia'), ['electives/general-surgery-elective-nanjing'], 'electives/tuberculosis-research-elective-pokhara');
  // WHO's spelling of Southeast Asia.
  before(await refs(search, 'South-East Asia'), ['electives/point-of-care-ultrasound-elective-hue', 'electives/disaster-health-research-elective-philippines'],
    'electives/tuberculosis-research-elective-pokhara');
  // No UN region: the Middle East as commonly defined (site_gen/regions.py).
  const middleEast = await refs(search, 'Middle East');
  for (const ref of ['electives/surgical-observership-riyadh', 'projects/refugee-primary-care-northern-jordan', 'partners/al-waha-medical-city']) {
    assert.ok(middleEast.slice(0, 5).includes(ref), `${ref}: ${middleEast.slice(0, 8).join(', ')}`);
  }
});

test('an elective\'s direction finds every elective of that direction, by its value or the words that explain it', async () => {
  // Neither "inbound" nor "outbound" found an elective: the direction was not indexed.
  for (const label of ['Inbound (international scholars)', 'Outbound (our learners abroad)']) {
    const expected = search.documents.filter((doc) => doc.facts.includes(label)).map((doc) => doc.ref).sort();
    assert.ok(expected.length >= 5, label);
    const found = await refs(search, label.split(' ')[0]);
    assert.deepEqual(found.filter((ref) => ref.startsWith('electives/')).sort(), expected, label);
    assert.deepEqual(found.slice(0, expected.length).sort(), expected, `${label}: electives of that direction first`);
  }
  const scholars = await refs(search, 'international scholars');
  assert.ok(scholars.slice(0, 4).every((ref) => search.documents.find((doc) => doc.ref === ref).facts.includes('Inbound (international scholars)')),
    scholars.slice(0, 4).join(', '));
});

test('who funds a project and what an elective costs, written as text, are searchable', async () => {
  // "International tuberculosis research consortium grant", "Grant from a children's health charity, ...",
  // "Equipment ... pledged by an eye health charity": words of these texts alone found nothing.
  assert.deepEqual(await refs(search, 'consortium'), ['projects/tuberculosis-active-case-finding-nepal-india']);
  assert.deepEqual((await refs(search, 'charity')).sort(),
    ['projects/neonatal-resuscitation-training-malawi-zambia', 'projects/pacific-diabetic-eye-screening-telemedicine']);
  // "No fee; visitors pay their own travel, visa and housing": the Riyadh observership's cost (its text says neither "fee" nor "visitors").
  assert.ok((await refs(search, 'fee')).includes('electives/surgical-observership-riyadh'));
  assert.ok((await refs(search, 'visitors')).includes('electives/surgical-observership-riyadh'));
});

test('drafts are not searchable', async () => {
  assert.ok(!(await refs(search, 'ophthalmology')).includes('electives/ophthalmology-elective-addis-ababa'));
  assert.ok(!search.documents.some((doc) => doc.ref === 'electives/ophthalmology-elective-addis-ababa'));
});

test('+required and -excluded terms are honoured', async () => {
  const found = await refs(search, '+surgery -china');
  assert.ok(found.length > 0);
  assert.ok(!found.includes('electives/general-surgery-elective-nanjing'));
  assert.ok(found.includes('electives/rural-surgery-residency-rotation-nepal'));
});

test('a + or - with a space after it is a plus sign or a dash, not lunr\'s + or - for the next word', async () => {
  // "surgery - kenya", as a title is written, left out every entry in Kenya.
  const both = await refs(search, 'surgery kenya ');
  assert.ok(both.includes('electives/general-surgery-elective-nanjing'));
  assert.ok(both.some((ref) => search.documents.find((doc) => doc.ref === ref).countries.includes('KE')));
  for (const query of ['surgery - kenya ', 'surgery + kenya ', 'surgery +- kenya ', '- surgery kenya ', 'surgery kenya - ']) {
    assert.deepEqual(await refs(search, query), both, query);
    assert.deepEqual(await refs(search, query, search.whole), both, query);
  }
  assert.deepEqual(await refs(search, 'surgery -kenya '), await refs(search, 'surgery - -kenya '));
});

test('+word being typed finds the word on the way, without the typo retry', async () => {
  // "+electi", "+electiv" and even "+elective" (the index holds "elect") found nothing and went to the typo retry.
  const whole = (await refs(search, '+elective ')).sort();
  assert.ok(whole.length > 10);
  for (const typed of ['+electi', '+electiv', '+elective', 'surgery +electiv']) {
    const outcome = await search.core.search(search.lunr, search.sharded(), typed);
    assert.equal(outcome.similar, false, typed);
    assert.deepEqual(outcome.hits.map((hit) => search.documents[Number(hit.ref)].ref).sort(), whole, typed);
  }
  assert.equal((await search.core.search(search.lunr, search.sharded(), '+pediatri')).similar, false);
});

test('a Chinese word keeps its + or - on every pair of letters it is searched as', async () => {
  // 医科大阪 is searched as 医科, 科大, 大阪: the catalog has the first two (医科大学) but not 大阪.
  assert.equal((await refs(search, '医科大阪'))[0], 'partners/nanjing-riverside-hospital');
  assert.deepEqual(await refs(search, '+医科大阪'), []);
  // 大阪医科: 大阪, 阪医, 医科; excluding it excludes every entry with 医科.
  assert.ok((await refs(search, 'nanjing')).includes('partners/nanjing-riverside-hospital'));
  assert.ok(!(await refs(search, 'nanjing -大阪医科')).includes('partners/nanjing-riverside-hospital'));
});

test('title: restricts matching to titles', async () => {
  const found = await refs(search, 'title:surgery');
  assert.ok(found.length > 0);
  for (const ref of found) {
    assert.match(search.documents.find((doc) => doc.ref === ref).title, /surg/i, ref);
  }
});

test('a typo retries with similar words and says so; an exact match does not', async () => {
  const typo = await search.core.search(search.lunr, search.sharded(), 'maternl');
  const exact = await search.core.search(search.lunr, search.sharded(), 'maternal');
  assert.equal(typo.similar, true);
  assert.equal(exact.similar, false);
});

// One typo in the word as typed: a letter dropped, added, changed or two letters swapped.
const TYPOS = [
  ['hosptial', 'hospital'], ['commnity', 'community'], ['pediatircs', 'pediatrics'], ['surgrey', 'surgery'],
  ['obstetirc', 'obstetric'], ['surgey', 'surgery'], ['maternl', 'maternal'], ['tuberclosis', 'tuberculosis'],
];

for (const [typo, word] of TYPOS) {
  test(`"${typo}" finds what "${word}" finds, as similar words`, async () => {
    const outcome = await search.core.search(search.lunr, search.sharded(), typo);
    const found = outcome.hits.map((hit) => search.documents[Number(hit.ref)].ref);
    // (with the related words of its family, which the retry's similar words look for too: "surgery" also "surgical")
    const intended = (await refs(search, word + ' ')).slice(0, 3);
    assert.equal(outcome.similar, true);
    assert.deepEqual(found.slice(0, 3).sort(), [...intended].sort(), `top 3: ${found.slice(0, 5).join(', ')}`);
  });
}

// A typo in a British spelling leaves it British ("cnetre"): the index holds the American word.
const BRITISH_TYPOS = [['cnetre', 'centre'], ['organisaton', 'organisation'], ['anaestesia', 'anaesthesia'], ['immunisaton', 'immunisation']];

for (const [typo, word] of BRITISH_TYPOS) {
  test(`"${typo}" finds what "${word}" finds, as similar words`, async () => {
    const outcome = await search.core.search(search.lunr, search.sharded(), typo + ' ');
    const found = outcome.hits.map((hit) => search.documents[Number(hit.ref)].ref);
    assert.equal(outcome.similar, true);
    assert.deepEqual(found.slice(0, 3), (await refs(search, word + ' ')).slice(0, 3));
  });
}

test('a similar-words search is the same on the whole index and on shards', async () => {
  for (const [typo] of [...TYPOS, ...BRITISH_TYPOS]) {
    const whole = await search.core.search(search.lunr, search.whole, typo);
    const sharded = await search.core.search(search.lunr, search.sharded(), typo);
    assert.deepEqual(sharded.hits.map((hit) => [hit.ref, hit.score]), whole.hits.map((hit) => [hit.ref, hit.score]), typo);
  }
});

test('a common word that the catalog lacks says it found nothing, not results for another word one letter away', async () => {
  // "fine" would list entries with "find", "five" or "file" as similar words (and "free" listed those with a "fee", before
  // it was a name of no fee: site_gen/equivalents.py), "dental" entries about mental health, "overseas" an office that
  // "oversees".
  const { core, lunr } = search;
  for (const query of ['fine ', 'fine', 'dental ', 'overseas ', '+dental ']) {
    assert.deepEqual(await core.search(lunr, search.sharded(), query), { hits: [], similar: false, common: false }, query);
  }
  // A typo, and a word whose own shorter form the catalog has, are still retried.
  for (const [query, word] of [['hosptial ', 'hospital '], ['healthy ', 'health '], ['refuge ', 'refugee ']]) {
    const outcome = await core.search(lunr, search.sharded(), query);
    assert.equal(outcome.similar, true, query);
    assert.deepEqual(outcome.hits.map((hit) => hit.ref).sort(), (await core.search(lunr, search.sharded(), word)).hits.map((hit) => hit.ref).sort(), query);
  }
});

test('a word that matches nothing beside words that do is named as missing when nothing similar is found', async () => {
  const { core, lunr } = search;
  const outcome = await core.search(lunr, search.sharded(), 'quiet elective');
  assert.deepEqual(outcome.missing, ['quiet']);
  assert.equal(outcome.similar, false);
  assert.deepEqual(await refs(search, 'quiet elective'), await refs(search, 'elective'));
  assert.equal((await core.search(lunr, search.sharded(), 'surgery elective')).missing, undefined);
});

test('a word that matches nothing is named once, however often it is typed', async () => {
  const { core, lunr } = search;
  assert.deepEqual((await core.search(lunr, search.sharded(), 'quiet elective quiet QUIET ')).missing, ['quiet']);
  assert.deepEqual((await core.search(lunr, search.sharded(), 'opthalmology elective opthalmology ')).unmatched, ['opthalmology']);
});

test('a query of several words the catalog lacks is corrected only whole: no unrelated entries as similar words', async () => {
  // "ulan bator" said "Showing results for similar words" and listed "Planning an International Rotation"
  // (ulan: plan; bator has no similar word); "sao paulo" Saudi Arabia (sao: sa), "lome togo" entries about a home.
  const { core, lunr } = search;
  for (const query of ['ulan bator', 'ulan bator ', 'ulan', 'sao paulo', 'tel aviv', 'lome togo', 'hong kong', 'san jose', 'hosptial xyzzy']) {
    const { hits, similar, common } = await core.search(lunr, search.sharded(), query);  // (and the places it names, below)
    assert.deepEqual({ hits, similar, common }, { hits: [], similar: false, common: false }, query);
  }
  // Every word corrected: what the corrected words find, as the query spelt right would.
  for (const [query, words] of [['hosptial surgrey', 'hospital surgery '], ['maternl helth', 'maternal health '],
    ['surgrey guatamala', 'surgery guatemala '], ['pediatrcs kenia', 'pediatrics kenya '], ['surgrey nepl', 'surgery nepal ']]) {
    const outcome = await core.search(lunr, search.sharded(), query);
    assert.equal(outcome.similar, true, query);
    assert.deepEqual(outcome.hits.map((hit) => hit.ref).sort(),
      (await core.search(lunr, search.sharded(), words)).hits.map((hit) => hit.ref).sort(), query);
  }
});

test('a place the catalog lacks is no misspelling of another word: nothing is listed for it, and the status names it', async () => {
  // "oman" listed an entry about "Omar" as similar words, "apia" entries in Asia, "la paz" (where "la" is Laos's code)
  // entries about what students "pay", "ivory coast" the Gulf Coast Specialist Centre.
  const { core, lunr } = search;
  for (const query of ['oman', 'oman ', 'apia', 'chad', 'mali', 'iran', 'iraq ', 'niger', 'cuba', 'lima', 'lome', 'la paz', 'la paz ',
    'ivory coast', 'ulan bator', 'sao paulo', 'hong kong ']) {
    const outcome = await core.search(lunr, search.sharded(), query);
    assert.deepEqual(outcome, { hits: [], similar: false, common: false, places: [query.trim()] }, query);
  }
  assert.deepEqual((await core.search(lunr, search.sharded(), 'lome togo')).places, ['lome', 'togo']);
  // A name inside a longer one is not named again; a query left with only an excluded word lists nothing.
  for (const [query, places] of [['south sudan', ['south sudan']], ['papua new guinea', ['papua new guinea']], ['la paz -bolivia', ['la paz']]]) {
    assert.deepEqual(await core.search(lunr, search.sharded(), query), { hits: [], similar: false, common: false, places: places }, query);
  }
  // Beside other words: those are searched, the place named as missing, whole, and not corrected ("oman": "omar").
  const bolivia = await core.search(lunr, search.sharded(), 'la paz bolivia');
  assert.deepEqual(bolivia.missing, ['la paz']);
  assert.deepEqual(bolivia.hits.map((hit) => hit.ref), (await core.search(lunr, search.sharded(), 'bolivia ')).hits.map((hit) => hit.ref));
  const surgery = await core.search(lunr, search.sharded(), 'surgery oman ');
  assert.deepEqual([surgery.missing, surgery.similar, surgery.complete], [['oman'], false, undefined]);
  assert.deepEqual(surgery.hits.map((hit) => hit.ref), (await core.search(lunr, search.sharded(), 'surgery ')).hits.map((hit) => hit.ref));
  // A typo beside it is still corrected ("surgrey"; every other word of "surgrey oman" is: the place is said missing).
  const typo = await core.search(lunr, search.sharded(), 'surgrey oman');
  assert.deepEqual([typo.similar, typo.places], [true, ['oman']]);
  assert.deepEqual(typo.hits.map((hit) => hit.ref).sort(), (await core.search(lunr, search.sharded(), 'surgrey')).hits.map((hit) => hit.ref).sort());
  // The places the catalog has are found, and a word that is no place is still corrected.
  assert.ok((await core.search(lunr, search.sharded(), 'peru')).hits.length > 0);
  assert.equal((await core.search(lunr, search.sharded(), 'fiji')).hits.length, 1);
  assert.equal((await core.search(lunr, search.sharded(), 'kenia')).similar, true);
});

test('a word that matches nothing beside words that match is retried with its similar words', async () => {
  // "opthalmology elective" listed electives only, none about eyes, and "surgery guatamala" no entry in
  // Guatemala: the retry ran only when no word matched at all.
  const { core, lunr } = search;
  const eyes = await core.search(lunr, search.sharded(), 'opthalmology elective');
  assert.equal(eyes.similar, true);
  assert.deepEqual(eyes.unmatched, ['opthalmology']);
  assert.equal(search.documents[Number(eyes.hits[0].ref)].ref, 'projects/pacific-diabetic-eye-screening-telemedicine');
  const found = await refs(search, 'surgery guatamala');
  assert.ok(found.slice(0, 3).includes('electives/maternal-health-elective-guatemala'), found.slice(0, 3).join(', '));
  assert.ok(found.includes('electives/general-surgery-elective-nanjing'), 'the word that matched still counts');
  assert.deepEqual(found, await refs(search, 'surgery guatemala '));
});

test('a word that matches nothing and has no similar word leaves the other words\' results as they are', async () => {
  const { core, lunr } = search;
  const outcome = await core.search(lunr, search.sharded(), 'surgery xyzzy');
  assert.equal(outcome.similar, false);
  assert.equal(outcome.unmatched, undefined);
  assert.deepEqual(await refs(search, 'surgery xyzzy'), await refs(search, 'surgery'));
});

test('a word being typed that matches as a prefix is not taken for a typo', async () => {
  for (const query of ['surgery guatem', 'tuberculosis nep', 'malaria 南京', 'nanjing 医院', 'psy', 'keny', 'maternal health keny']) {
    const outcome = await search.core.search(search.lunr, search.sharded(), query);
    assert.equal(outcome.similar, false, query);
  }
});

test('a word being typed that the stemmer respells matches as typed, not as its stem', async () => {
  // "phys" (stem "phi") matched "Philippines" only, "psy" (stem "psi") and "keny" (stem "keni") nothing.
  const physicians = await refs(search, 'phys');
  assert.equal(physicians[0], 'electives/clinical-observership-international-physicians', physicians.slice(0, 3).join(', '));
  assert.ok(!physicians.includes('electives/disaster-health-research-elective-philippines'), physicians.join(', '));
  assert.deepEqual(await refs(search, 'psy'), await refs(search, 'psych'));
  assert.deepEqual((await refs(search, 'keny')).sort(), (await refs(search, 'kenya')).sort());
  assert.deepEqual(await refs(search, 'surgery'), await refs(search, 'surgery '), 'a whole word still finds its stem');
});

test('a required word with a typo stays required among its similar words', async () => {
  const found = await refs(search, '+surgrey +nepal');
  assert.ok(found.length > 0);
  assert.deepEqual(found, (await refs(search, '+surgery +nepal ')));
  assert.ok(!(await refs(search, '+surgrey -china')).includes('electives/general-surgery-elective-nanjing'));
});

/** Run queries while recording the token sets lunr builds and the words the similar-words retry looks up. */
async function recordExpansions(queries) {
  const { lunr, core } = search;
  const fromClause = lunr.TokenSet.fromClause;
  const similar = core.Vocabulary.prototype.similar;
  const seen = { clauses: [], similar: [] };
  lunr.TokenSet.fromClause = (clause) => {
    seen.clauses.push({ length: clause.term.length, editDistance: clause.editDistance || 0, prefix: clause.term.endsWith('*') });
    return fromClause(clause);
  };
  core.Vocabulary.prototype.similar = function (word) {
    seen.similar.push(word.length);
    return similar.call(this, word);
  };
  try {
    for (const query of queries) {
      await refs(search, query);
    }
  } finally {
    lunr.TokenSet.fromClause = fromClause;
    core.Vocabulary.prototype.similar = similar;
  }
  return seen;
}

test('a word of more than 30 letters is matched exactly: never as a prefix, to similar words or at an edit distance', async () => {
  const { MAX_WORD_LENGTH, EDIT_DISTANCE_WORD_LENGTH } = search.core;
  const seen = await recordExpansions(['medicine'.repeat(300), 'x'.repeat(5000), 'medicine'.repeat(30) + '~1',
    'abcdefghijklmnopqrstuvwxy~2', 'hospital~5', 'hosptial']);
  assert.deepEqual(seen.similar, [8], 'only "hosptial" is retried with similar words');
  for (const clause of seen.clauses) {
    if (clause.prefix) {
      assert.ok(clause.length <= MAX_WORD_LENGTH + 1, JSON.stringify(clause));
    }
    assert.ok(clause.editDistance < EDIT_DISTANCE_WORD_LENGTH.length, JSON.stringify(clause));
    assert.ok(clause.length <= EDIT_DISTANCE_WORD_LENGTH[clause.editDistance], JSON.stringify(clause));
  }
  assert.ok(seen.clauses.some((clause) => clause.editDistance === 1 && clause.length === 25), 'a long word keeps distance 1');
  assert.ok(seen.clauses.some((clause) => clause.editDistance === 2), 'hospital~5 is searched at distance 2');
  assert.equal((await refs(search, 'medicine'.repeat(300))).length, 0);
});

test('only the first 300 characters of a query count', async () => {
  const padding = 'x'.repeat(search.core.MAX_QUERY_LENGTH);
  assert.ok((await refs(search, 'surgery ' + padding)).length > 0);
  assert.deepEqual(await refs(search, padding + ' surgery'), []);
});

test('a query longer than 300 characters is cut before the word the limit falls in, not inside it', async () => {
  // 1,250 × "surgery " was cut to "… surgery surg", and "surg" matched "surgical" and "surgeon" as a prefix.
  const limit = search.core.MAX_QUERY_LENGTH;
  const long = 'surgery '.repeat(1250);
  assert.equal(long.slice(0, limit).slice(-5), ' surg', 'the limit falls inside a word');
  const surgery = await refs(search, 'surgery ');
  assert.ok((await refs(search, 'surgery ', withoutFamilies())).length < (await refs(search, 'surg')).length, 'the prefix finds more than the word');
  assert.deepEqual(await refs(search, long), surgery);
  assert.deepEqual(await refs(search, long, search.whole), surgery);
  // Where the limit falls between words, or inside the only word, nothing is left out.
  assert.equal(search.core.stateFromSearch('?q=' + 'ab '.repeat(100) + 'surgery').q, 'ab '.repeat(100));
  assert.equal(search.core.stateFromSearch('?q=' + 'ab '.repeat(99) + 'abc,surgery').q, 'ab '.repeat(99) + 'abc');
  assert.equal(search.core.stateFromSearch('?q=' + 'ab '.repeat(99) + 'ab%E2%80%8Bcd').q, 'ab '.repeat(99) + 'ab\u200b', 'a zero-width space parts words');
  assert.equal(search.core.stateFromSearch('?q=' + 'ab '.repeat(99) + 'xe%CC%81x').q, 'ab '.repeat(99), 'an accent written as a mark is part of its word');
  assert.equal(search.core.stateFromSearch('?q=' + 'ab '.repeat(99) + '南京市区').q, 'ab '.repeat(99) + '南京市', 'Chinese is searched in pairs of letters');
  assert.equal(search.core.stateFromSearch('?q=' + 'medicine'.repeat(300)).q, 'medicine'.repeat(300).slice(0, limit));
});

test('the last word matches as a prefix of what was typed, not of its shorter stem', async () => {
  // "elective" stems to "elect" and "clinical" to "clinic": "elect*" matched "electrocardiogram" in one
  // project's body, and that rare word put the project above every elective; "clinic*" matched "Clínica".
  const electives = await refs(search, 'elective');
  assert.ok(!electives.includes('projects/andean-telemedicine-rural-clinics'), electives.slice(0, 3).join(', '));
  assert.ok(electives.slice(0, 10).every((ref) => ref.startsWith('electives/')), electives.slice(0, 10).join(', '));
  assert.equal((await refs(search, 'research elective'))[0], 'electives/tuberculosis-research-elective-pokhara');
  const clinical = await refs(search, 'clinical');
  assert.equal(clinical[0], 'electives/clinical-observership-international-physicians', clinical.slice(0, 3).join(', '));
});

test('a possessive is searched as its word: the "s" of "children\'s" is no word of its own', async () => {
  // "children's" was searched as "children" and "s", and an entry with "Guatemala's" in its title came first.
  const outcome = await search.core.search(search.lunr, search.sharded(), "children's");
  const terms = new Set(outcome.hits.flatMap((hit) => Object.keys(hit.matchData.metadata)));
  assert.deepEqual([...terms], ['children']);
  assert.deepEqual(await refs(search, "children's"), await refs(search, 'children'));
});

test('malformed lunr syntax falls back to plain words instead of failing', async () => {
  assert.ok((await refs(search, 'nepal: tuberculosis')).includes('electives/tuberculosis-research-elective-pokhara'));
  await assert.doesNotReject(refs(search, '<img src=x onerror=alert(1)>'));
  await assert.doesNotReject(refs(search, 'title: ^ ~ :'));
});

test('an empty query finds nothing', async () => {
  assert.deepEqual(await refs(search, '   '), []);
});

for (const query of ['-', '+', ':', '~', '^', '*', '^^^', '::', '- + : ~ ^ *', '-*', '?', ' & ']) {
  test(`"${query}" has no words: it finds nothing, not every entry`, async () => {
    assert.equal(search.core.hasWords(query), false);
    assert.deepEqual(await refs(search, query), []);
  });
}

test('a "*" standing alone or around one letter is left out: it matched every term, so every entry (or, after "-", none)', async () => {
  const surgery = await refs(search, 'surgery');
  assert.ok(surgery.length > 0 && surgery.length < search.documents.length);
  for (const query of ['surgery *', '* surgery', 'surgery **', 'surgery +*', 'surgery -*', 'surgery title:*', 'surgery *e*', 'surgery -*a*']) {
    assert.deepEqual(await refs(search, query), surgery, query);
    assert.deepEqual(await refs(search, query, search.whole), surgery, query);
  }
  // lunr reads "surg~2*" as "surg~2" and a word "*".
  assert.deepEqual(await refs(search, 'surg~2*'), await refs(search, 'surg~2'));
  // Wildcards with two letters or more are lunr's, as before.
  assert.ok((await refs(search, '*ur*')).includes('electives/general-surgery-elective-nanjing'));
  assert.ok((await refs(search, 's*')).includes('electives/general-surgery-elective-nanjing'));
  // With no other word, nothing is left to search: no entry, not every entry, and the page asks for words.
  for (const query of ['title:*', '+title:*', 'title:**', '*e*', '*1*']) {
    assert.deepEqual(await search.core.search(search.lunr, search.sharded(), query), { hits: [], similar: false, common: false, empty: true }, query);
    assert.deepEqual(await refs(search, query, search.whole), [], query);
  }
});

test('a field name with no word after it is not searched as a word: the query has nothing to search, or its other words', async () => {
  // "title:" searched the word "title" ("No results for “title:”"), and "surgery title:" said "No entry has “title”".
  const { core, lunr } = search;
  for (const query of ['title:', 'title: ', '+title:', '-places:', 'summary::']) {
    assert.deepEqual(await core.search(lunr, search.sharded(), query), { hits: [], similar: false, common: false, empty: true }, query);
  }
  const surgery = await core.search(lunr, search.sharded(), 'surgery ');
  for (const query of ['surgery title:', 'surgery title: ', 'surgery +topics:']) {
    const outcome = await core.search(lunr, search.sharded(), query);
    assert.deepEqual(outcome.hits.map((hit) => hit.ref), surgery.hits.map((hit) => hit.ref), query);
    assert.equal(outcome.missing, undefined, query);
  }
  // "title: kenya" is lunr's "title:kenya"; a name that is no field is a word, as in "foo:health".
  assert.deepEqual(await refs(search, 'title: kenya'), await refs(search, 'title:kenya'));
  assert.ok((await refs(search, 'title: kenya')).length > 0);
  assert.deepEqual(await refs(search, 'foothills:'), await refs(search, 'foothills'));
  assert.ok((await refs(search, 'foothills:')).length > 0);
});

test('a pattern with "*" before its end matches the catalog\'s words as written, not their stems', async () => {
  // lunr matched "*gery" against the index's stems: "surgery" is "surgeri" there, and "*gery" and "*ology" found nothing.
  const { core, lunr } = search;
  for (const [pattern, word] of [['*gery ', 'surgery '], ['*gery kenya ', 'surgery kenya '], ['title:*gery ', 'title:surgery '],
    ['+*gery -nepal ', '+surgery -nepal '], ['s*gery ', 'surgery '], ['*diology ', 'cardiology ']]) {
    const found = await refs(search, pattern);
    assert.ok(found.length > 0, pattern);
    assert.deepEqual(found, await refs(search, word, withoutFamilies()), pattern);  // (a pattern looks for no related word)
    assert.deepEqual(await refs(search, pattern, search.whole), found, pattern);
  }
  const surgery = await core.search(lunr, search.sharded(), '*gery ');
  assert.ok(core.matchedTerms(surgery.hits).has('surgeri'), 'the words it matched are marked');
  const ology = await refs(search, '*ology ');
  for (const word of ['cardiology', 'dermatology', 'epidemiology', 'ophthalmology']) {
    const entries = await refs(search, word + ' ', withoutFamilies());
    assert.ok(entries.length > 0 && entries.every((ref) => ology.includes(ref)), word);
  }
  // A pattern that matches no word is lunr's, on stems; a "*" at the end only is lunr's prefix, as before.
  assert.deepEqual(await refs(search, '*geri '), await refs(search, 'surgery ', withoutFamilies()));
  assert.ok((await refs(search, 'surg*')).includes('electives/surgical-observership-riyadh'));
  assert.deepEqual(await refs(search, '*xyzzy* '), []);
});

test('a number is not replaced by similar numbers: it is named as missing', async () => {
  // "2015" said "Showing results for similar words" and listed entries of 2016, 2012 and 2025; "1201" one with "120".
  const { core, lunr } = search;
  for (const query of ['2015', '2015 ', '1201', '1500 ']) {
    assert.deepEqual(await core.search(lunr, search.sharded(), query), { hits: [], similar: false, common: false }, query);
  }
  const outcome = await core.search(lunr, search.sharded(), 'surgery 2015 ');
  assert.deepEqual(outcome.missing, ['2015']);
  assert.deepEqual(outcome.hits.map((hit) => hit.ref), (await core.search(lunr, search.sharded(), 'surgery ')).hits.map((hit) => hit.ref));
  // Words with letters are still retried.
  assert.equal((await core.search(lunr, search.sharded(), 'hosptial ')).similar, true);
  assert.deepEqual((await core.search(lunr, search.sharded(), 'surgery guatamala ')).unmatched, ['guatamala']);
});

test('initials written with dots are searched as their word, and a "+" inside a word parts it', async () => {
  // "U.K." was searched as "u" and "k" and listed three entries in Guatemala (a "K" in their text), not the one in London;
  // "U.S.A." found nothing; "HIV+TB" and "surgery+kenya" were one word each, and found nothing.
  for (const [typed, meant] of [['U.K.', 'UK'], ['U.K. ', 'UK '], ['u.s.a.', 'usa'], ['observership U.K.', 'observership UK'],
    ['HIV+TB', 'HIV TB'], ['surgery+kenya ', 'surgery kenya '], ['+U.K. surgery', '+UK surgery']]) {
    const found = await refs(search, typed);
    assert.ok(found.length > 0, typed);
    assert.deepEqual(found, await refs(search, meant), typed);
  }
  assert.deepEqual(await refs(search, 'U.K.'), ['electives/tropical-medicine-observership-london']);
  // Only single letters are initials; "+" before a word is still lunr's.
  assert.equal(search.core.foldQuery('surgery.kenya e.g. 3.5 +kenya c++ title:+x'), 'surgery kenya eg  3 5 +kenya c  title:+x');
});

test('"US" and "U.S." are the United States, as "USA" is, whether a space follows or not', async () => {
  // "US" listed the 25 entries that say "use" (the index's "us" is its stem), "us " and "U.S." said "too common".
  const { core, lunr } = search;
  const inUnitedStates = search.documents.filter((document) => (document.countries || []).includes('US')).map((document) => document.ref);
  const usa = await refs(search, 'USA ');
  assert.ok(inUnitedStates.length >= 5);
  // The entries in the United States first, then the one whose description names it (the USA's other names are one
  // thing: site_gen/equivalents.py), an exchange in Bergen with American nurses.
  assert.deepEqual([...usa.slice(0, inUnitedStates.length)].sort(), [...inUnitedStates].sort());
  assert.deepEqual(usa.slice(inUnitedStates.length), ['electives/nursing-exchange-bergen']);
  for (const typed of ['US', 'us', 'US ', 'us ', 'U.S.', 'U.S. ', 'u.s', '+US ']) {
    const outcome = await core.search(lunr, search.sharded(), typed);
    assert.equal(outcome.common, false, typed);
    assert.equal(outcome.similar, false, typed);
    assert.deepEqual(outcome.hits.map((hit) => search.documents[Number(hit.ref)].ref), usa, typed);
  }
  assert.equal((await refs(search, 'surgery US ')).length, (await refs(search, 'surgery USA ')).length);
  assert.deepEqual(await refs(search, '-us '), await refs(search, '-usa '));
  // Where no entry has it, it is not replaced by similar words (the summaries have "use", none "USA").
  assert.deepEqual(await core.search(lunr, search.sharded(), 'summary:US '), { hits: [], similar: false, common: false });
  // "use" and "us*" are words as before; other codes that are stop words ("IN", "NO") stay too common.
  assert.ok((await refs(search, 'use ')).some((ref) => !usa.includes(ref)));
  assert.ok((await refs(search, 'us*')).length > usa.length);
  for (const typed of ['IN ', 'no ', 'it ']) {
    assert.equal((await core.search(lunr, search.sharded(), typed)).common, true, typed);
  }
});

test('a word with "*" at its end also finds the word\'s stem, when the stem is no longer its start', async () => {
  // "nurse*" and "surgery*" found nothing: the index holds "nurs" and "surgeri".
  for (const [pattern, word] of [['nurse* ', 'nurses '], ['surgery* ', 'surgery '], ['+nurse* -norway ', '+nurse -norway ']]) {
    const found = await refs(search, pattern);
    assert.ok(found.length > 0, pattern);
    assert.deepEqual(new Set(found), new Set(await refs(search, word, withoutFamilies())), pattern);
  }
  // "health" is its own stem: "health*" is lunr's prefix alone, its scores unchanged.
  const outcome = await search.core.search(search.lunr, search.whole, 'health*');
  const lunrs = search.whole.query((query) => query.term('health', { wildcard: search.lunr.Query.wildcard.TRAILING, usePipeline: false }));
  assert.deepEqual(outcome.hits.map((hit) => hit.score).sort(), lunrs.map((hit) => hit.score).sort());
});

for (const query of ['the ', 'for ', 'the for ', 'for the -china ', '+the ', 'title:the ']) {
  test(`"${query}" is only stop words: no similar words, but a hint that they are too common`, async () => {
    const outcome = await search.core.search(search.lunr, search.sharded(), query);
    assert.deepEqual(outcome, { hits: [], similar: false, common: true });
  });
}

test('a stop word whose stem is another word\'s finds nothing: "and" is not "Andes"', async () => {
  // "and" is the stem of "Andes": "surgery and kenya" listed an entry in the Andes with neither word,
  // and "and " that entry instead of saying the word is too common.
  const andes = await refs(search, 'andes ');
  assert.equal(andes.length, 1);
  assert.deepEqual(await refs(search, 'surgery and kenya '), await refs(search, 'surgery kenya '));
  assert.deepEqual(await refs(search, 'surgery and kenya ', search.whole), await refs(search, 'surgery kenya ', search.whole));
  for (const query of ['and ', 'the and ', '+and ', 'says ']) {
    assert.deepEqual(await search.core.search(search.lunr, search.sharded(), query), { hits: [], similar: false, common: true }, query);
  }
  // Being typed, it still matches as a prefix.
  assert.ok((await refs(search, 'and')).includes(andes[0]));
});

test('a stop word beside a real word is left out of the similar-words retry', async () => {
  const outcome = await search.core.search(search.lunr, search.sharded(), 'the hosptial ');
  assert.equal(outcome.similar, true);
  assert.equal(outcome.common, false);
  const terms = new Set(outcome.hits.flatMap((hit) => Object.keys(hit.matchData.metadata)));
  assert.deepEqual([...terms], ['hospit']);
  assert.deepEqual((await search.core.search(search.lunr, search.sharded(), 'the xyzzy ')).common, false);
});

test('a query with words has words, whatever else it has', () => {
  for (const query of ['-nepal', 'é', '南', '+a', '2026']) {
    assert.equal(search.core.hasWords(query), true, query);
  }
});

test('prefix matching starts at the third Latin letter (two letters would match most of a large catalog)', async () => {
  assert.ok(!(await refs(search, 'su')).includes('electives/general-surgery-elective-nanjing'));
  assert.ok((await refs(search, 'sur')).includes('electives/general-surgery-elective-nanjing'));
});

/**
 * How many of a query's words a hit matched: each word given by the index terms it may match
 * (strings, or a pattern for a prefix) and, for a word restricted to some fields, those fields.
 */
function wordsMatched(hit, words) {
  const metadata = hit.matchData.metadata;
  return words.filter(({ terms, fields }) => Object.keys(metadata).some((term) =>
    terms.some((wanted) => (wanted instanceof RegExp ? wanted.test(term) : wanted === term)) &&
    Object.keys(metadata[term]).some((field) => !fields || fields.includes(field)))).length;
}

const anywhere = (...terms) => ({ terms });

// [query, its words as the index terms each may match]
const WORDS_MATCHED = [
  ['medical students ', [anywhere('medic'), anywhere('student')]],
  ['maternal health kenya ', [anywhere('matern'), anywhere('health'), anywhere('kenya')]],
  ['surgery elective china ', [anywhere('surgeri'), anywhere('elective_'), anywhere('china')]],  // "elective": the kind
  ['tuberculosis research nepal ', [anywhere('tuberculosi'), anywhere('research'), anywhere('nepal')]],
  ['medical stud', [anywhere('medic'), anywhere(/^stud/)]],  // the last word while typing, as a prefix
  ['paediatrics rwanda ', [anywhere('pediatr'), anywhere('rwanda')]],  // a British spelling
  ['maternal guatamala ', [anywhere('matern'), anywhere('guatemala')]],  // a typo's similar word
  ['医科大学 surgery ', [anywhere('医科', '科大', '大学'), anywhere('surgeri')]],  // letters in pairs
  ['title:elective students ', [{ terms: ['elect'], fields: ['title'] }, anywhere('student')]],
  // Two words with one term: the first counts only where it is searched, in titles.
  ['title:surgery surgeries ', [{ terms: ['surgeri'], fields: ['title'] }, anywhere('surgeri')]],
  ['medical students -kenya ', [anywhere('medic'), anywhere('student')]],  // an excluded word is no word to match
  ['the medical students for', [anywhere('medic'), anywhere('student')]],  // nor is a stop word, even as a prefix
];

for (const [query, words] of WORDS_MATCHED) {
  test(`"${query}": entries that match more of the words come first`, async () => {
    // lunr adds up the words' scores: one common word in a title outranked entries with every word.
    const { hits } = await search.core.search(search.lunr, search.sharded(), query);
    const counts = hits.map((hit) => wordsMatched(hit, words));
    assert.ok(hits.length > 0);
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a), counts.join(''));
  });
}

test('"medical students" lists the electives for medical students before entries that only have "Medical" in their name', async () => {
  // It listed six projects and partners with "Medical" in their title first (three of them say
  // nothing about students); the first elective came seventh.
  const found = await refs(search, 'medical students');
  const onlyMedical = ['projects/ethiopia-medical-education-faculty-development', 'partners/al-waha-medical-city',
    'projects/saudi-medical-centres-consultation'];
  const firstOnlyMedical = Math.min(...onlyMedical.map((ref) => found.indexOf(ref)));
  for (const ref of ['electives/pediatrics-elective-kigali', 'electives/point-of-care-ultrasound-elective-hue',
    'electives/general-surgery-elective-nanjing', 'electives/community-health-elective-visiting-students',
    'electives/maternal-obstetric-care-elective-tanzania', 'electives/internal-medicine-clerkship-bogota']) {
    assert.ok(found.indexOf(ref) !== -1 && found.indexOf(ref) < firstOnlyMedical, `${ref}: ${found.slice(0, 8).join(', ')}`);
  }
  assert.ok(found.slice(0, 10).filter((ref) => ref.startsWith('electives/')).length >= 6, found.slice(0, 10).join(', '));
});

test('"maternal health kenya" puts the Kenyan trust whose programmes cover maternal health first', async () => {
  // The Kisumu trust is the only entry with all three words; it came fourth, after entries without "maternal".
  const found = await refs(search, 'maternal health kenya');
  assert.equal(found[0], 'partners/lakeside-community-health-trust', found.slice(0, 4).join(', '));
  assert.ok(found.slice(0, 3).includes('electives/community-health-elective-kisumu'), found.slice(0, 4).join(', '));
});

// Queries of neighbouring words that are often together in a name: "United States", "medical students".
const TOGETHER = ['united states ', 'medical students ', 'emergency medicine ', 'internal medicine ', 'public health ',
  'maternal health ', 'community health ', 'global surgery ', 'teaching hospital ', 'medical stud'];

for (const query of TOGETHER) {
  test(`"${query}": of the entries with every word, those with the words together in a name, place or summary come first`, async () => {
    // They were ranked by lunr's score alone: "emergency medicine" listed an elective with "Emergency" in its title and
    // "medicine" in its topics before the emergency medicine rotations, "united states" could list "neonatal unit".
    const { hits } = await search.core.search(search.lunr, search.sharded(), query);
    const { together } = await search.core.search(search.lunr, search.sharded(), `"${query.trim()}${query.endsWith(' ') ? '"' : ''}`);
    const words = query.trim().split(' ').map((word) => (word === 'stud' ? /^stud/ : search.core.fold(word).replace(/s$/, '')));
    const every = hits.filter((hit) => words.every((word) => Object.keys(hit.matchData.metadata).some((term) =>
      (word instanceof RegExp ? word.test(term) : term.startsWith(word.slice(0, 4))))));
    const flags = every.map((hit) => (together.has(hit.ref) ? 1 : 0));
    assert.ok(together.size > 0 && flags.includes(0), `${together.size} together, ${flags.length} with every word`);
    assert.deepEqual(flags, [...flags].sort((a, b) => b - a), every.map((hit) => search.documents[Number(hit.ref)].ref).join(', '));
  });
}

test('"elective in peru" lists the entries in Peru before one whose body has "per" beside "elective"', async () => {
  // While "peru" is typed it also matches as a prefix and as the stem "per"; counted as the word itself, "per week"
  // and "elective" put a university in Vietnam first, above the clerkship in Cusco, Peru.
  const found = await refs(search, 'elective in peru');
  assert.equal(found[0], 'electives/rural-family-medicine-clerkship-cusco', found.slice(0, 4).join(', '));
  assert.ok(found.indexOf('partners/perfume-river-medical-university') > found.indexOf('partners/clinica-qhapaq-nan-cusco'));
  // Being typed, a word no entry has whole still counts as its start: "elective in per".
  const typing = await search.core.search(search.lunr, search.sharded(), 'elective in per');
  assert.ok(typing.hits.length > 0);
});

test('"surgery elective china" puts the surgery elective in Nanjing first, then its host and the surgical work in China', async () => {
  const found = await refs(search, 'surgery elective china');
  assert.equal(found[0], 'electives/general-surgery-elective-nanjing');
  assert.deepEqual(found.slice(1, 3).sort(), ['partners/nanjing-riverside-hospital', 'projects/nanjing-surgical-needs-assessment']);
});

test('"surgery africa" puts the surgery fellowship in Rwanda above the HIV elective in South Africa', async () => {
  // The South Africa elective, which has nothing on surgery, came first for "Africa" in its title.
  const found = await refs(search, 'surgery africa');
  assert.equal(found[0], 'electives/global-surgery-research-fellowship-rwanda', found.slice(0, 3).join(', '));
});

test('"tuberculosis research nepal" lists the entries on tuberculosis research in Nepal before other Nepal or tuberculosis entries', async () => {
  const found = await refs(search, 'tuberculosis research nepal');
  assert.deepEqual(found.slice(0, 2), ['electives/tuberculosis-research-elective-pokhara', 'projects/tuberculosis-active-case-finding-nepal-india']);
  assert.ok(found.indexOf('partners/annapurna-foothills-health-foundation') < found.indexOf('electives/rural-surgery-residency-rotation-nepal'));
});
