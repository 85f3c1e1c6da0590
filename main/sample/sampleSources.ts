import type { SampleSource } from './sampleTypes';

/**
 * The sample knowledge base's bibliography: the two corpus texts, the three corpus web pages and
 * works cited in their footnotes and bibliographies (Crocker, Hampson & Aall 2011, footnotes 1–40;
 * Haugevik 2007, pp. 29–31), as CSL-JSON. Facts are as the corpus gives them, with a few obvious
 * misprints corrected (Wilkenfeld, Bitzinger, Wilfrid Laurier, Nagorno, the HD Centre's URL, the
 * High-level Panel on Threats, Challenges and Change). Where the corpus names only a document
 * (Security Council resolutions), its adoption date and the article's subtitle are the published
 * ones. No DOI is given because the corpus gives none; URLs and access dates appear only where the
 * corpus states them (the NUPI summary page and Siddiqi's article carry no address in the corpus).
 * `key` is the citekey, which the cases' footnotes use.
 */

type Csl = Record<string, unknown>;

function source(citekey: string, csl: Csl): SampleSource {
  return { key: citekey, citekey, csl };
}

/** A CSL date from year, month and day. */
function date(year: number, month?: number, day?: number): { 'date-parts': number[][] } {
  const parts = [year];
  if (month !== undefined) parts.push(month);
  if (day !== undefined) parts.push(day);
  return { 'date-parts': [parts] };
}

function person(family: string, given: string, extra: Record<string, string> = {}): Csl {
  return { family, given, ...extra };
}

function org(literal: string): Csl {
  return { literal };
}

const CROCKER = person('Crocker', 'Chester A.');
const HAMPSON = person('Hampson', 'Fen Osler');
const AALL = person('Aall', 'Pamela');
const UNSC = 'UN Security Council';
const USIP = 'US Institute of Peace Press';

/** A Security Council resolution: the UNSC as author and authority, its symbol as number. */
function resolution(no: number, year: number, month: number, day: number, subject: string, extra: Csl = {}): SampleSource {
  return source(`unsc${year}res${no}`, {
    type: 'document',
    title: `Resolution ${no} (${year}) [${subject}]`,
    genre: 'Security Council resolution',
    author: [org(UNSC)],
    authority: UNSC,
    publisher: 'United Nations',
    'publisher-place': 'New York',
    number: `S/RES/${no} (${year})`,
    issued: date(year, month, day),
    ...extra,
  });
}

/** A chapter of Crocker, Hampson & Aall (eds), Rewiring regional security (2011). */
function rewiringChapter(citekey: string, author: Csl[], title: string): SampleSource {
  return source(citekey, {
    type: 'chapter',
    author,
    title,
    'container-title': 'Rewiring regional security in a fragmented world',
    editor: [CROCKER, HAMPSON, AALL],
    publisher: USIP,
    'publisher-place': 'Washington DC',
    issued: date(2011),
  });
}

/** A report for the NATO Parliamentary Assembly, Brussels. */
function natoPaReport(citekey: string, author: Csl, title: string, year: number, extra: Csl = {}): SampleSource {
  return source(citekey, {
    type: 'report',
    author: [author],
    title,
    publisher: 'NATO Parliamentary Assembly',
    'publisher-place': 'Brussels',
    issued: date(year),
    ...extra,
  });
}

export const SAMPLE_SOURCES: SampleSource[] = [
  // ── The corpus itself ────────────────────────────────────────────────────────────────────────
  source('crocker2011collective', {
    type: 'article-journal',
    author: [CROCKER, HAMPSON, AALL],
    title: 'Collective conflict management: a new formula for global peace and security cooperation?',
    'container-title': 'International Affairs',
    volume: '87',
    issue: '1',
    page: '39-58',
    issued: date(2011),
  }),
  source('haugevik2007new', {
    type: 'report',
    author: [person('Haugevik', 'Kristin M.')],
    title: 'New partners, new possibilities: the evolution of inter-organizational security cooperation in international peace operations',
    genre: 'NUPI Report',
    'collection-title': 'Security in Practice',
    number: '6',
    publisher: 'Norwegian Institute of International Affairs (NUPI)',
    'publisher-place': 'Oslo',
    ISBN: '978-82-7002-182-6',
    'number-of-pages': '31',
    issued: date(2007),
  }),
  source('crc1998collective', {
    type: 'webpage',
    author: [org('Conflict Research Consortium, University of Colorado')],
    title: 'Collective security',
    'container-title': 'International Online Training Program on Intractable Conflict',
    URL: 'http://www.colorado.edu/conflict/peace/treatment/collsec.htm',
    issued: date(1998),
    accessed: date(2009, 8, 20),
  }),
  source('nupi2007newpartners', {
    type: 'webpage',
    author: [org('Norwegian Institute of International Affairs (NUPI)')],
    title: 'New partners, new possibilities: the evolution of inter-organizational security cooperation in international peace operations (summary)',
    'container-title': 'NUPI publications',
    issued: date(2007, 12, 20),
    note: 'Publication page of the NUPI report, with its summary; the corpus copy gives no address.',
  }),
  source('siddiqi2023need', {
    type: 'webpage',
    author: [person('Siddiqi', 'M. Ali')],
    title: 'Need for collective security',
    'container-title': 'The Weekender',
    issued: date(2023, 3, 5),
  }),

  // ── Security Council resolutions ─────────────────────────────────────────────────────────────
  resolution(1031, 1995, 12, 15, 'Bosnia and Herzegovina: implementation of the Peace Agreement'),
  resolution(1244, 1999, 6, 10, 'Kosovo'),
  resolution(1396, 2002, 3, 5, 'Bosnia and Herzegovina: EU Police Mission'),
  resolution(1484, 2003, 5, 30, 'Democratic Republic of the Congo: Interim Emergency Multinational Force in Bunia'),
  resolution(1769, 2007, 7, 31, 'Sudan: African Union/United Nations Hybrid operation in Darfur'),
  resolution(1851, 2008, 12, 16, 'Somalia: piracy and armed robbery at sea', {
    URL: 'http://daccess-dds-ny.un.org/doc/UNDOC/GEN/N08/655/01/PDF/N0865501.pdf?OpenElement',
    accessed: date(2010, 11, 28),
  }),

  // ── Other UN documents ───────────────────────────────────────────────────────────────────────
  source('un2004secure', {
    type: 'report',
    author: [org('High-level Panel on Threats, Challenges and Change')],
    title: 'A more secure world: our shared responsibility',
    genre: 'Report of the Secretary-General’s High-level Panel',
    publisher: 'United Nations',
    'publisher-place': 'New York',
    URL: 'http://www.un.org/secureworld/report2.pdf',
    issued: date(2004),
    accessed: date(2010, 10, 24),
  }),
  source('unsg2002bosnia', {
    type: 'report',
    author: [org('United Nations Secretary-General')],
    title: 'Report of the Secretary-General on the United Nations Mission in Bosnia and Herzegovina',
    publisher: UNSC,
    'publisher-place': 'New York',
    issued: date(2002),
  }),
  source('unsg2007afghanistan', {
    type: 'report',
    author: [org('United Nations Secretary-General')],
    title: 'Report of the Secretary-General on the situation in Afghanistan and its implications for international peace and security',
    publisher: 'United Nations General Assembly and Security Council',
    'publisher-place': 'New York',
    issued: date(2007),
  }),
  source('boutrosghali1996letter', {
    type: 'document',
    author: [person('Boutros-Ghali', 'Boutros')],
    title: 'Letter from the Secretary-General addressed to the President of the Security Council',
    publisher: 'United Nations',
    'publisher-place': 'New York',
    issued: date(1996),
  }),
  source('undpko2003artemis', {
    type: 'report',
    author: [org('United Nations Department of Peacekeeping Operations')],
    title: 'Operation Artemis: the lessons of the Interim Emergency Multinational Force',
    publisher: 'UN DPKO',
    'publisher-place': 'New York',
    issued: date(2003),
  }),
  source('un2003jointdeclaration', {
    type: 'document',
    author: [org('United Nations'), org('European Union')],
    title: 'Joint Declaration on UN–EU Co-operation in Crisis Management',
    'publisher-place': 'New York',
    issued: date(2003),
  }),
  source('un1945charter', {
    type: 'treaty',
    author: [org('United Nations')],
    title: 'Charter of the United Nations',
    'publisher-place': 'New York',
    issued: date(1945),
  }),

  // ── NATO, EU and AU documents ────────────────────────────────────────────────────────────────
  source('nato1949treaty', {
    type: 'treaty',
    author: [org('NATO')],
    title: 'The North Atlantic Treaty',
    'publisher-place': 'Washington DC',
    issued: date(1949),
  }),
  source('nato1999strategic', {
    type: 'document',
    author: [org('NATO')],
    title: 'The Alliance’s Strategic Concept',
    'publisher-place': 'Brussels',
    issued: date(1999),
  }),
  source('nato2007african', {
    type: 'webpage',
    author: [org('NATO')],
    title: 'African Union looks to long term cooperation',
    'container-title': 'NATO official homepage',
    issued: date(2007),
    accessed: date(2007, 12, 31),
  }),
  source('nato2007rome', {
    type: 'webpage',
    author: [org('NATO')],
    title: 'UN, NATO chart Afghanistan approach at Rome conference',
    'container-title': 'NATO official homepage',
    issued: date(2007),
    accessed: date(2007, 12, 31),
  }),
  source('europeancouncil2003secure', {
    type: 'document',
    author: [org('European Council')],
    title: 'A secure Europe in a better world: the European Security Strategy',
    'publisher-place': 'Brussels',
    issued: date(2003),
  }),
  source('councileu2003concordia', {
    type: 'legislation',
    author: [org('Council of the European Union')],
    title: 'Council Joint Action 2003/92/CFSP on the European Union military operation in the Former Yugoslav Republic of Macedonia',
    number: '2003/92/CFSP',
    'publisher-place': 'Brussels',
    issued: date(2003),
  }),
  source('councileu2003artemis', {
    type: 'legislation',
    author: [org('Council of the European Union')],
    title: 'Council Joint Action 2003/423/CFSP on the European Union military operation in the Democratic Republic of Congo',
    number: '2003/423/CFSP',
    'publisher-place': 'Brussels',
    issued: date(2003),
  }),
  source('councileu2005africa', {
    type: 'report',
    author: [org('Council of the European Union')],
    title: 'The EU and Africa: towards a strategic partnership',
    publisher: 'Council of the EU',
    'publisher-place': 'Brussels',
    issued: date(2005),
  }),
  source('aueu2007strategy', {
    type: 'document',
    author: [org('African Union'), org('European Union')],
    title: 'The Africa–EU strategic partnership: a joint Africa–EU strategy',
    publisher: 'African Union/European Union',
    'publisher-place': 'Lisbon',
    issued: date(2007),
  }),
  source('eu2007amisfactsheet', {
    type: 'report',
    author: [org('European Union')],
    title: 'EU support to the African Union Mission in Darfur – AMIS',
    genre: 'Factsheet',
    publisher: 'Council of the European Union',
    URL: 'http://www.consilium.europa.eu/uedocs/cmsUpload/070507-factsheet6-AMIS_II.pdf',
    issued: date(2007),
  }),
  source('aupsc2006darfur', {
    type: 'report',
    author: [org('African Union Peace and Security Council')],
    title: 'Report of the Chairperson of the Commission on the situation in Darfur (Sudan)',
    publisher: 'African Union',
    'publisher-place': 'Addis Ababa',
    issued: date(2006),
  }),

  // ── Books and edited volumes ─────────────────────────────────────────────────────────────────
  source('crocker2011rewiring', {
    type: 'book',
    editor: [CROCKER, HAMPSON, AALL],
    title: 'Rewiring regional security in a fragmented world',
    publisher: USIP,
    'publisher-place': 'Washington DC',
    issued: date(2011),
  }),
  source('lepgold1998collective', {
    type: 'book',
    editor: [person('Lepgold', 'Joseph'), person('Weiss', 'Thomas G.')],
    title: 'Collective conflict management and changing world politics',
    publisher: 'State University of New York Press',
    'publisher-place': 'Albany, NY',
    issued: date(1998),
  }),
  source('diehl2003regional', {
    type: 'book',
    editor: [person('Diehl', 'Paul F.'), person('Lepgold', 'Joseph')],
    title: 'Regional conflict management',
    publisher: 'Rowman & Littlefield',
    'publisher-place': 'Lanham, MD',
    issued: date(2003),
  }),
  source('morgenthau1985politics', {
    type: 'book',
    author: [person('Morgenthau', 'Hans J.')],
    title: 'Politics among nations: the struggle for power and peace',
    publisher: 'Knopf',
    'publisher-place': 'New York',
    issued: date(1985),
  }),
  source('buzan2003regions', {
    type: 'book',
    author: [person('Buzan', 'Barry'), person('Waever', 'Ole')],
    title: 'Regions and powers: the structure of international security',
    publisher: 'Cambridge University Press',
    'publisher-place': 'Cambridge',
    issued: date(2003),
  }),
  source('maybee2009globalization', {
    type: 'book',
    author: [person('Maybee', 'Bryan')],
    title: 'The globalization of security: state power, security provision and legitimacy',
    publisher: 'Macmillan',
    'publisher-place': 'Basingstoke',
    issued: date(2009),
  }),
  source('hsc2005human', {
    type: 'book',
    author: [org('Human Security Centre')],
    title: 'Human Security Report 2005: war and peace in the 21st century',
    publisher: 'Oxford University Press',
    'publisher-place': 'New York',
    issued: date(2005),
  }),
  source('talbott2008great', {
    type: 'book',
    author: [person('Talbott', 'Strobe')],
    title: 'The great experiment: the story of ancient empires, modern states, and the quest for a global nation',
    publisher: 'Simon & Schuster',
    'publisher-place': 'New York',
    issued: date(2008),
  }),
  source('heinbecker2005irrelevant', {
    type: 'book',
    editor: [person('Heinbecker', 'Paul'), person('Goff', 'Patricia')],
    title: 'Irrelevant or indispensable? The United Nations in the 21st century',
    publisher: 'Wilfrid Laurier University Press',
    'publisher-place': 'Waterloo, Ont.',
    issued: date(2005),
  }),
  source('kennedy2006parliament', {
    type: 'book',
    author: [person('Kennedy', 'Paul')],
    title: 'The parliament of man: the past, present, and future of the United Nations',
    publisher: 'Random House',
    'publisher-place': 'New York',
    issued: date(2006),
  }),
  source('hewitt2010peace', {
    type: 'book',
    author: [person('Hewitt', 'Joseph J.'), person('Wilkenfeld', 'Jonathan'), person('Gurr', 'Ted Robert')],
    title: 'Peace and conflict 2010',
    publisher: 'Center for International Development and Conflict Management, University of Maryland',
    'publisher-place': 'College Park, MD',
    issued: date(2010),
  }),
  source('cic2007annual', {
    type: 'book',
    author: [org('Center on International Cooperation')],
    title: 'Annual review of global peace operations 2007',
    publisher: 'Lynne Rienner',
    'publisher-place': 'London',
    issued: date(2007),
  }),
  source('morgenthau1948politics', {
    type: 'book',
    author: [person('Morgenthau', 'Hans J.')],
    title: 'Politics among nations: the struggle for power and peace',
    publisher: 'McGraw-Hill',
    'publisher-place': 'New York',
    issued: date(1948),
  }),

  // ── Chapters ─────────────────────────────────────────────────────────────────────────────────
  source('haas1993collective', {
    type: 'chapter',
    author: [person('Haas', 'Ernst B.')],
    title: 'Collective conflict management: evidence for a new world order?',
    'container-title': 'Collective security in a changing world',
    editor: [person('Weiss', 'Thomas G.')],
    publisher: 'Lynne Rienner',
    'publisher-place': 'Boulder, CO',
    issued: date(1993),
  }),
  rewiringChapter('crocker2011toward', [CROCKER, HAMPSON, AALL], 'Toward a concept of collective conflict management'),
  rewiringChapter('herz2011institutional', [person('Herz', 'Monica')], 'Institutional mechanisms for conflict resolution in South America'),
  rewiringChapter('bitzinger2011southeast', [person('Bitzinger', 'Richard'), person('Desker', 'Barry')], 'Southeast Asia and its evolving security architecture'),
  rewiringChapter(
    'dejongeoudraat2011play',
    [person('Jonge Oudraat', 'Chantal', { 'non-dropping-particle': 'de' })],
    'Play it again, Uncle Sam: NATO, the EU, and transatlantic relations',
  ),
  source('claude2006collective', {
    type: 'chapter',
    author: [person('Claude', 'Inis L.', { suffix: 'Jr' })],
    title: 'Collective security as an approach to peace',
    'container-title': 'Classic readings and contemporary debates in international relations',
    editor: [person('Goldstein', 'Donald M.'), person('Williams', 'Phil'), person('Shafritz', 'Jay M.')],
    publisher: 'Thomson Wadsworth',
    'publisher-place': 'Belmont, CA',
    page: '289-302',
    issued: date(2006),
  }),
  source('kriesberg2007contemporary', {
    type: 'chapter',
    author: [person('Kriesberg', 'Louis')],
    title: 'Contemporary conflict resolution applications',
    'container-title': 'Leashing the dogs of war: conflict management in a divided world',
    editor: [CROCKER, HAMPSON, AALL],
    publisher: USIP,
    'publisher-place': 'Washington DC',
    page: '455-476',
    issued: date(2007),
  }),
  source('hampson2008human', {
    type: 'chapter',
    author: [HAMPSON],
    title: 'Human security and international relations',
    'container-title': 'Security studies: an introduction',
    editor: [person('Williams', 'Paul')],
    publisher: 'Routledge',
    'publisher-place': 'London',
    page: '229-243',
    issued: date(2008),
  }),
  source('crocker1999rising', {
    type: 'chapter',
    author: [CROCKER, HAMPSON, AALL],
    title: 'Rising to the challenge of multiparty mediation',
    'container-title': 'Herding cats: multiparty mediation in a complex world',
    editor: [CROCKER, HAMPSON, AALL],
    publisher: 'United States Institute of Peace',
    'publisher-place': 'Washington DC',
    issued: date(1999),
  }),
  source('friman2009wikiforce', {
    type: 'chapter',
    author: [person('Friman', 'Henrik')],
    title: 'WikiForce: global cooperation in new security structures',
    'container-title': 'Crosscutting issues in international transformation',
    editor: [person('Neal', 'Derrick'), person('Friman', 'Henrik'), person('Doughty', 'Ralph'), person('Wells', 'Linton', { suffix: 'II' })],
    publisher: 'National Defense University',
    'publisher-place': 'Washington DC',
    issued: date(2009),
  }),
  source('tardy2005euun', {
    type: 'chapter',
    author: [person('Tardy', 'T.')],
    title: 'EU–UN cooperation in peacekeeping: a promising relationship in a constrained environment',
    'container-title': 'The European Union and the United Nations: partners in effective multilateralism',
    editor: [person('Ortega', 'M.')],
    publisher: 'Institute for Security Studies',
    'publisher-place': 'Brussels',
    issued: date(2005),
  }),

  // ── Journal articles ─────────────────────────────────────────────────────────────────────────
  source('wohlforth1998reality', {
    type: 'article-journal',
    author: [person('Wohlforth', 'William C.')],
    title: 'Reality check: revising theories of international politics in response to the end of the Cold War',
    'container-title': 'World Politics',
    volume: '50',
    issue: '4',
    page: '650-680',
    issued: date(1998),
  }),
  source('waltz2000structural', {
    type: 'article-journal',
    author: [person('Waltz', 'Kenneth N.')],
    title: 'Structural realism after the Cold War',
    'container-title': 'International Security',
    volume: '25',
    issue: '1',
    page: '5-41',
    issued: date(2000),
  }),
  source('gaddis1986long', {
    type: 'article-journal',
    author: [person('Gaddis', 'John Lewis')],
    title: 'The long peace: elements of stability in the postwar international system',
    'container-title': 'International Security',
    volume: '10',
    issue: '4',
    page: '99-142',
    issued: { 'date-parts': [[1986]], season: 'Spring' },
  }),
  source('stedman2007un', {
    type: 'article-journal',
    author: [person('Stedman', 'Stephen John')],
    title: 'UN transformation in an era of soft balancing',
    'container-title': 'International Affairs',
    volume: '83',
    issue: '5',
    page: '933-944',
    issued: date(2007),
  }),
  source('dewaal2010remaking', {
    type: 'article-journal',
    author: [person('Waal', 'Thomas', { 'non-dropping-particle': 'de' })],
    title: 'Remaking the Nagorno-Karabakh peace process',
    'container-title': 'Survival',
    volume: '52',
    issue: '4',
    issued: date(2010),
  }),
  source('dewaal2009mission', {
    type: 'article-journal',
    author: [person('Waal', 'Alex', { 'non-dropping-particle': 'de' })],
    title: 'Mission without end? Peacekeeping in the African political marketplace',
    'container-title': 'International Affairs',
    volume: '85',
    issue: '1',
    page: '99-113',
    issued: date(2009, 1),
  }),
  source('fisher2006coordination', {
    type: 'article-journal',
    author: [person('Fisher', 'Ronald J.')],
    title: 'Coordination between track two and track one diplomacy in successful cases of prenegotiation',
    'container-title': 'International Negotiation',
    volume: '11',
    issue: '1',
    page: '65-89',
    issued: date(2006),
  }),
  source('osland2004eu', {
    type: 'article-journal',
    author: [person('Osland', 'K.')],
    title: 'The EU Police Mission in Bosnia and Herzegovina',
    'container-title': 'International Peacekeeping',
    volume: '11',
    issue: '3',
    issued: date(2004),
  }),
  source('agoagye2004african', {
    type: 'article-journal',
    author: [person('Agoagye', 'F.')],
    title: 'The African Mission in Burundi: lessons learned from the first African Union peacekeeping operation',
    'container-title': 'Conflict Trends',
    issue: '2',
    issued: date(2004),
  }),
  source('keohane2003european', {
    type: 'article-journal',
    author: [person('Keohane', 'Daniel')],
    title: 'The European defence plans: filling the transatlantic gaps',
    'container-title': 'The International Spectator',
    issue: '3',
    issued: date(2003),
  }),
  source('mearsheimer1995false', {
    type: 'article-journal',
    author: [person('Mearsheimer', 'John J.')],
    title: 'The false promise of international institutions',
    'container-title': 'International Security',
    volume: '19',
    issue: '3',
    issued: date(1995),
  }),

  // ── Reports and papers ───────────────────────────────────────────────────────────────────────
  source('haacke2009regional', {
    type: 'report',
    author: [person('Haacke', 'Jürgen'), person('Williams', 'Paul D.')],
    title: 'Regional arrangements and security challenges: a comparative analysis',
    'collection-title': 'Crisis States Research Centre working papers series 2',
    number: '52',
    publisher: 'London School of Economics and Political Science',
    'publisher-place': 'London',
    issued: date(2009),
  }),
  source('iciss2001responsibility', {
    type: 'report',
    author: [org('International Commission on Intervention and State Sovereignty')],
    title: 'The responsibility to protect',
    publisher: 'International Development Research Centre',
    'publisher-place': 'Ottawa',
    issued: date(2001),
  }),
  source('rotberg2010combating', {
    type: 'report',
    author: [person('Rotberg', 'Robert I.')],
    title: 'Combating maritime piracy',
    genre: 'Policy brief',
    number: '11',
    publisher: 'World Peace Foundation',
    'publisher-place': 'Boston',
    issued: date(2010, 1),
  }),
  source('hayner2007negotiating', {
    type: 'report',
    author: [person('Hayner', 'Priscilla')],
    title: 'Negotiating peace in Liberia: preserving the possibility for justice',
    publisher: 'Centre for Humanitarian Dialogue',
    'publisher-place': 'Geneva',
    issued: date(2007, 11),
  }),
  source('icg2006moldova', {
    type: 'report',
    author: [org('International Crisis Group')],
    title: 'Moldova’s uncertain future',
    'collection-title': 'Europe Report',
    number: '175',
    publisher: 'International Crisis Group',
    URL: 'http://www.crisisgroup.org/en/regions/europe/moldova/175-moldovas-uncertain-future.aspx',
    issued: date(2006, 8),
    accessed: date(2010, 10, 26),
  }),
  source('osce2010caucasus', {
    type: 'report',
    author: [org('OSCE')],
    title: 'Caucasus and Moldova',
    'collection-title': 'OSCE mission notes',
    URL: 'http://www.cic.nyu.edu/global/docs_missions/notes/mn_caus_moldova.pdf',
    issued: date(2010, 8, 31),
    accessed: date(2010, 10, 26),
  }),
  source('usnavy2007cooperative', {
    type: 'report',
    author: [org('United States Navy')],
    title: 'A cooperative strategy for 21st century seapower',
    publisher: 'US Navy',
    'publisher-place': 'Washington DC',
    URL: 'http://www.navy.mil/maritime/Maritimestrategy.pdf',
    issued: date(2007),
    accessed: date(2010, 10, 24),
  }),
  source('icg2005darfur', {
    type: 'report',
    author: [org('International Crisis Group')],
    title: 'The EU/AU partnership in Darfur: not yet a winning combination',
    publisher: 'International Crisis Group',
    'publisher-place': 'Brussels',
    issued: date(2005),
  }),
  source('bah2007peacekeeping', {
    type: 'report',
    author: [person('Bah', 'A. M. S.'), person('Johnstone', 'I.')],
    title: 'Peacekeeping in Sudan: the dynamics of protection, partnerships, and inclusive politics',
    publisher: 'Center on International Cooperation',
    'publisher-place': 'New York',
    issued: date(2007),
  }),
  source('babarinde2007eu', {
    type: 'report',
    author: [person('Babarinde', 'O.')],
    title: 'The EU as a model for the African Union: the limits of imitation',
    'collection-title': 'Jean Monnet/Robert Schuman paper series',
    publisher: 'University of Miami',
    'publisher-place': 'Miami',
    issued: date(2007),
  }),
  source('haine2007berlin', {
    type: 'report',
    author: [person('Haine', 'J. Y.')],
    title: 'Berlin Plus',
    publisher: 'Institute for Security Studies',
    'publisher-place': 'Paris',
    issued: date(2007),
  }),
  natoPaReport('mirandacalha2006lessons', person('Miranda-Calha', 'J.'), 'Lessons learned from NATO’s current operations', 2006),
  natoPaReport('shimkus2007nato', person('Shimkus', 'J.'), 'NATO–EU operational cooperation', 2007),
  natoPaReport('chaveau1999securing', person('Chaveau', 'G.-M.'), 'Securing peace in Kosovo: the challenges ahead', 1999, {
    genre: 'Report of the Civilian Affairs Committee',
  }),
  natoPaReport('eekelen1998beyond', person('Eekelen', 'W.', { 'non-dropping-particle': 'van' }), 'Beyond IFOR and SFOR: after the combatant comes the legislator', 1998, {
    genre: 'Report of the Defence and Security Committee',
  }),
  source('greco1997final', {
    type: 'report',
    author: [person('Greco', 'E.')],
    title: 'Final report of the project “The evolving partnership between the United Nations and NATO: lessons from the Yugoslav experience”',
    publisher: 'NATO',
    'publisher-place': 'Brussels',
    issued: date(1997),
  }),
  source('casin2003kosovo', {
    type: 'report',
    author: [org('Centre for Applied Studies in International Negotiations (CASIN)')],
    title: 'Administration and governance in Kosovo: lessons learned and lessons to be learned',
    publisher: 'CASIN',
    'publisher-place': 'Pristina/Geneva',
    issued: date(2003),
  }),
  source('call2009explaining', {
    type: 'paper-conference',
    author: [person('Call', 'Charles'), person('Schmitt', 'John')],
    title: 'Explaining civil war recurrence',
    'event-title': '50th annual convention of the International Studies Association, “Exploring the past, anticipating the future”',
    'event-place': 'New York',
    issued: date(2009, 2, 15),
  }),

  // ── Web pages, press and speeches ────────────────────────────────────────────────────────────
  source('beyondintractability2008', {
    type: 'webpage',
    title: 'Beyond intractability',
    URL: 'http://crinfo.beyondintractability.org',
    accessed: date(2008, 3, 16),
  }),
  source('ucdpprio2010conflict', {
    type: 'webpage',
    author: [org('Uppsala Conflict Data Program'), org('International Peace Research Institute, Oslo')],
    title: 'Armed conflict dataset',
    'container-title': 'PRIO',
    URL: 'http://www.prio.no/CSCW/Datasets/Armed-Conflict',
    accessed: date(2010, 10, 21),
  }),
  source('fundforpeace2010failed', {
    type: 'webpage',
    author: [org('Fund for Peace')],
    title: 'Failed states index',
    'container-title': 'Fund for Peace',
    URL: 'http://www.fundforpeace.org/web/index.php?option=com_content&task=view&id=99&Itemid=140',
    accessed: date(2010, 10, 24),
  }),
  source('betts2009three', {
    type: 'article-magazine',
    author: [person('Betts', 'Richard')],
    title: 'The three faces of NATO',
    'container-title': 'The National Interest online',
    URL: 'http://nationalinterest.org/article/the-three-faces-nato-3031',
    issued: date(2009, 4, 10),
    accessed: date(2010, 11, 27),
  }),
  source('hdcentre2010mindanao', {
    type: 'webpage',
    author: [org('Centre for Humanitarian Dialogue')],
    title: 'Philippines – Mindanao',
    'container-title': 'Centre for Humanitarian Dialogue: projects',
    URL: 'http://www.hdcentre.org/projects/philippines-mindanao',
    accessed: date(2010, 10, 21),
  }),
  source('osce2010magazine', {
    type: 'article-magazine',
    author: [org('OSCE')],
    title: 'OSCE Magazine, no. 2 (2010)',
    'container-title': 'OSCE Magazine',
    issue: '2',
    issued: date(2010),
  }),
  source('startides2010', {
    type: 'webpage',
    author: [org('STAR-TIDES')],
    title: 'STAR-TIDES network',
    'container-title': 'STAR-TIDES',
    URL: 'http://star-tides.com/node',
    accessed: date(2010, 10, 24),
  }),
  source('usstate2010psi', {
    type: 'webpage',
    author: [org('US Department of State')],
    title: 'Proliferation Security Initiative',
    'container-title': 'US State Department website',
    URL: 'http://www.state.gov/t/isn/c10390.htm',
    accessed: date(2010, 12, 2),
  }),
  source('obama2009prague', {
    type: 'speech',
    author: [person('Obama', 'Barack')],
    title: 'Remarks by President Barack Obama in Prague as delivered',
    'container-title': 'The White House',
    'event-place': 'Prague',
    URL: 'http://www.whitehouse.gov/the_press_office/Remarks-By-President-Barack-Obama-In-Prague-As-Delivered/',
    issued: date(2009, 4, 5),
    accessed: date(2010, 11, 28),
  }),
  source('albright1998right', {
    type: 'article-newspaper',
    author: [person('Albright', 'Madeleine')],
    title: 'The right balance will secure NATO’s future',
    'container-title': 'Financial Times',
    genre: 'Op-ed',
    issued: date(1998, 12, 7),
  }),
  source('scheffer2005darfur', {
    type: 'speech',
    author: [person('Scheffer', 'Jaap', { 'non-dropping-particle': 'de Hoop' })],
    title: 'Speech by the Secretary General at the pledging conference for the AU mission in Darfur',
    'event-place': 'Addis Ababa',
    issued: date(2005, 5, 26),
  }),
  source('steiner2003kfor', {
    type: 'speech',
    author: [person('Steiner', 'Michael')],
    title: 'SRSG Michael Steiner’s speech on the 4th anniversary of KFOR’s arrival in Kosovo',
    genre: 'UNMIK press release',
    issued: date(2003, 6, 12),
  }),
  source('kimoon2007remarks', {
    type: 'speech',
    author: [person('Ban', 'Ki-moon'), person('Solana', 'Javier')],
    title: 'Summary of remarks to the press',
    'event-place': 'Brussels',
    issued: date(2007, 1, 25),
  }),
];
