import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../common/errors';
import { parseImport } from '../../main/import/parseImport';
import type { ParsedImport } from '../../main/import/importTypes';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/import');

function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

function parseFixture(name: string): ParsedImport {
  return parseImport({ text: fixtureText(name), fileName: name });
}

function byKey(result: ParsedImport, key: string): Record<string, unknown> {
  const entry = result.entries.find((e) => e.key === key);
  if (!entry) throw new Error(`no entry ${key}; have ${result.entries.map((e) => e.key).join(', ')}`);
  return entry.csl;
}

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected the import to be refused');
}

describe('BibTeX and BibLaTeX', () => {
  const bib = parseFixture('horn-of-africa.bib');

  it('reads every entry with its key and line, and says the file is BibLaTeX', () => {
    expect(bib.format).toBe('biblatex');
    expect(bib.errors).toEqual([]);
    expect(bib.entries.map((e) => [e.key, e.line])).toEqual([
      ['bueger2013piracy', 8],
      ['kraska2009', 20],
      ['menkhaus2004somalia', 29],
      ['hanson2010', 39],
      ['williams2011book', 48],
      ['williams2011amisom', 57],
      ['unsc2009', 64],
      ['ecfr2020darfur', 73],
    ]);
  });

  it('expands @string macros and month macros', () => {
    const article = byKey(bib, 'bueger2013piracy');
    expect(article['container-title']).toBe('International Affairs');
    expect(article.issued).toEqual({ 'date-parts': [[2013, 1]] });
    expect(byKey(bib, 'kraska2009')['container-title']).toBe('Survival: Global Politics and Strategy');
    expect(byKey(bib, 'kraska2009').issued).toEqual({ 'date-parts': [[2009, 9]] });
    expect(byKey(bib, 'menkhaus2004somalia').publisher).toBe('Oxford University Press');
  });

  it('decodes LaTeX accents, escapes and protective braces', () => {
    const item = byKey(bib, 'hanson2010');
    const families = (item.author as { family: string }[]).map((a) => a.family);
    expect(families).toEqual(['Schönfeld', 'Cañas', 'Åberg', 'Østergaard', 'Müller']);
    expect((item.author as { given: string }[]).map((a) => a.given)).toContain('Søren');
    // `{EU NAVFOR}` protects a phrase (a nocase span); `{Atalanta}` protects one word, which a title stored as written needs no mark for.
    expect(item.title).toBe('Naval Diplomacy & Burden-Sharing in <span class="nocase">EU NAVFOR</span> Atalanta: 50% of the Escorts');
    expect(byKey(bib, 'bueger2013piracy').page).toBe('127-147');
  });

  it('fills a crossref child from its parent: the book title becomes the container', () => {
    const chapter = byKey(bib, 'williams2011amisom');
    expect(chapter.type).toBe('chapter');
    expect(chapter.title).toBe('The African Union Mission in Somalia');
    expect(chapter['container-title']).toBe('War and Conflict in Africa');
    expect(chapter.publisher).toBe('Polity');
    expect(chapter.issued).toEqual({ 'date-parts': [[2011]] });
    expect(chapter.crossref).toBeUndefined();
  });

  it('reads braced institution names as literal names, and BibLaTeX dates and types', () => {
    const report = byKey(bib, 'unsc2009');
    expect(report.author).toEqual([{ literal: 'United Nations Security Council' }]);
    expect(report.issued).toEqual({ 'date-parts': [[2009, 3, 16]] });
    const online = byKey(bib, 'ecfr2020darfur');
    expect(online.type).toBe('webpage');
    expect(online.title).toBe('UNAMID’s Exit from Darfur: Lessons for UN–AU Cooperation'.replace('’', "'"));
  });

  it('names each broken entry and its line, and still reads the others', () => {
    const result = parseFixture('malformed.bib');
    expect(result.entries.map((e) => e.key)).toEqual(['deWaal2007', 'prunier2005', 'crisisgroup2014']);
    expect(result.errors).toEqual([
      { entry: 'smith2001', line: 11, message: 'has no closing brace' },
      { entry: 'omar2019', line: 23, message: 'has an unknown entry type “@blogpost”' },
      { entry: 'notitle2012', line: 29, message: 'has no title' },
      { entry: 'prunier2005', line: 34, message: 'repeats the citation key “prunier2005” first used at line 16' },
    ]);
    expect(byKey(result, 'deWaal2007').author).toEqual([{ family: 'Waal', given: 'Alex', 'non-dropping-particle': 'de' }]);
  });

  it('reports a field that is not closed at the end of the file with its line', () => {
    const text = '@book{ok1, title={Fine}, year=2001}\n\n@article{cut,\n  title = {Piracy in the Gulf of Aden,\n  year = 2009\n';
    const result = parseImport({ text, fileName: 'cut.bib' });
    expect(result.entries.map((e) => e.key)).toEqual(['ok1']);
    expect(result.errors).toEqual([{ entry: 'cut', line: 3, message: 'has no closing brace' }]);
  });

  it('skips closed @comment blocks but reports an unclosed one, and a broken @string', () => {
    const text = [
      '@comment{jabref-meta: databaseType:biblatex;}',
      '@comment{ @book{old2001, title={Withdrawn}} }',
      '@string{au = {African Union}',
      '@book{ok1, title={AMISOM at Ten}, publisher={Routledge}, year=2017}',
      '@comment{ unfinished',
      '@book{hidden, title={Never Read}}',
    ].join('\n');
    const result = parseImport({ text, fileName: 'c.bib' });
    expect(result.entries.map((e) => e.key)).toEqual(['ok1']);
    expect(result.errors).toEqual([
      { entry: '@string at line 3', line: 3, message: 'has no closing brace' },
      { entry: '@comment at line 5', line: 5, message: 'is not closed, so the rest of the file was read as a comment' },
    ]);
  });

  it('reports a syntax error inside an entry at the line where it is', () => {
    const text = '@book{ok1, title={Fine}, year=2001}\n@article{broken,\n  title = {Somalia},\n  year 2009\n}\n';
    const result = parseImport({ text, fileName: 'x.bib' });
    expect(result.entries).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ entry: 'broken', line: 2 });
    expect(result.errors[0]?.message).toMatch(/line 4/);
  });
});

describe('BibTeX: case protection, institutions, entry types', () => {
  const text = [
    '@article{inst2001,',
    '  author = {{NATO} and {\\AA}berg, Ingrid and Lloyd George, and {Food and Agriculture Organization}},',
    '  title = {{Whole Title In Braces}},',
    '  journal = {Journal of {Peace Research}},',
    '  year = 2001',
    '}',
    "@book{case2001, title = {The {D}ynamics of {Caf{\\'e}} {\\'E}tudes, \\textit{{EU NAVFOR} and {Atalanta}}, {{\\\"O}sterreich Heute} and {A~B}}, year = 2001}",
    '@mastersthesis{ma2001, title = {Piracy}, author = {Nur, Ali}, school = {Oslo}, year = 2001}',
    '@phdthesis{phd2001, title = {Piracy}, author = {Nur, Ali}, school = {Oslo}, year = 2001, type = {Doctoral dissertation}}',
    '@phdthesis{phd2002, title = {Piracy}, author = {Nur, Ali}, school = {Oslo}, year = 2002}',
    '@techreport{tr2001, title = {Piracy}, institution = {ISS}, year = 2001, number = {42}}',
    '@article{mag2001, title = {Piracy}, journal = {The Economist}, entrysubtype = {magazine}, date = {2001-02-03}, number = {7}}',
    '@misc{res1851, title = {Resolution 1851}, number = {S/RES/1851 (2008)}}',
  ].join('\n');
  const result = parseImport({ text, fileName: 'x.bib' });
  const get = (key: string) => byKey(result, key);

  it('reads a name written as one brace group as an institution, space or not', () => {
    expect(result.errors).toEqual([]);
    expect(get('inst2001').author).toEqual([
      { literal: 'NATO' },
      { family: 'Åberg', given: 'Ingrid' },
      { family: 'Lloyd George' },
      { literal: 'Food and Agriculture Organization' },
    ]);
  });

  it('turns a braced phrase in a title into a nocase span, but not a braced word, letter, accent or whole title', () => {
    expect(get('inst2001').title).toBe('Whole Title In Braces');
    expect(get('inst2001')['container-title']).toBe('Journal of <span class="nocase">Peace Research</span>');
    expect(get('case2001').title).toBe(
      'The Dynamics of Café Études, <i><span class="nocase">EU NAVFOR</span> and Atalanta</i>, <span class="nocase">Österreich Heute</span> and <span class="nocase">A\u00A0B</span>',
    );
  });

  it('cannot be made to forge a nocase span or an institution with the marker characters', () => {
    const forged = parseImport({ text: '@misc{f1, title = {a \uFDD0b\uFDD1 c}, author = {\uFDD2Smith}}', fileName: 'f.bib' });
    expect(forged.entries[0]?.csl.title).toBe('a b c');
    expect(forged.entries[0]?.csl.author).toEqual([{ family: 'Smith' }]);
  });

  it('drops placeholder genres of @techreport and @phdthesis, keeps `type`, and names a master’s thesis', () => {
    expect(get('tr2001').genre).toBeUndefined();
    expect(get('phd2002').genre).toBeUndefined();
    expect(get('phd2001').genre).toBe('Doctoral dissertation');
    expect(get('ma2001').genre).toBe('Master’s thesis');
  });

  it('reads entrysubtype magazine as a magazine article, and keeps a number nothing else took', () => {
    expect(get('mag2001')).toMatchObject({ type: 'article-magazine', issue: '7', issued: { 'date-parts': [[2001, 2, 3]] } });
    expect(get('mag2001').genre).toBeUndefined();
    expect(get('tr2001').number).toBe('42');
    expect(get('res1851').number).toBe('S/RES/1851 (2008)');
  });
});

describe('RIS as Zotero writes it', () => {
  const text = [
    'TY  - CHAP', 'TI  - The African Union Mission in Somalia', 'AU  - Williams, Paul D.', 'A2  - Cilliers, Jakkie', 'A2  - Sturman, Kathryn',
    'T2  - Peace Operations in Africa', 'CY  - Pretoria', 'PB  - Institute for Security Studies', 'PY  - 2011', 'DA  - 2011/05/02/', 'SP  - 183', 'EP  - 205', 'ER  - ', '',
    'TY  - JOUR', 'TI  - Coalitions and the Law of the Sea', 'AU  - Kraska, James', 'T2  - Survival', 'VL  - 51', 'IS  - 4', 'SP  - 95', 'EP  - 117',
    'PY  - 2009', 'DA  - 2009/09//', 'Y2  - 2021/03/01/14:22:05', 'ER  - ', '',
    'TY  - ELEC', "TI  - UNAMID's Exit from Darfur", 'AU  - Berg, Anna', 'T2  - European Council on Foreign Relations', 'PY  - 2020', 'DA  - 2020/12/10/',
    'UR  - https://ecfr.eu/', 'Y2  - 2021/02/01/09:30:00', 'ER  - ', '',
    'TY  - NEWS', 'TI  - Pirates Seize Saudi Tanker', 'AU  - Gettleman, Jeffrey', 'AU  - Worth, Robert F.', 'T2  - The New York Times', 'CY  - New York',
    'PY  - 2008', 'DA  - 2008/11/18/', 'SP  - A1', 'ER  - ', '',
    'TY  - BOOK', 'TI  - Understanding Somalia and Somaliland', 'AU  - Lewis, Ioan', 'A3  - Harper, Mary', 'T2  - Hurst Paperbacks', 'CY  - London', 'PB  - Hurst',
    'PY  - 2008', 'SP  - 160', 'ER  - ', '',
    'TY  - CONF', 'TI  - Naval Cooperation in the Gulf of Aden', 'AU  - Doe, Ann', 'T2  - Maritime Security Conference', 'C3  - Proceedings of the Maritime Security Conference',
    'CY  - Mombasa', 'PY  - 2010', 'DA  - 2010/06/14/', 'ER  - ', '',
    'TY  - CONF', 'TI  - Escort Convoys Revisited', 'AU  - Roe, Ben', 'PY  - 2012', 'ER  - ', '',
    'TY  - GEN', 'TI  - Somalia Report', 'ED  - Hansen, Stig Jarle', 'ED  - Bradbury, Mark', 'PY  - 2007', 'ER  - ', '',
  ].join('\r\n');
  const result = parseImport({ text, fileName: 'zotero.ris' });
  const [chapter, article, webpage, news, book, paper, paperYearOnly, report] = result.entries.map((e) => e.csl);

  it('keeps what citation-js already read well: A2 editors and T2 book of a chapter, T2 journal, Y2 accessed', () => {
    expect(result.errors).toEqual([]);
    expect(chapter).toEqual({
      type: 'chapter',
      title: 'The African Union Mission in Somalia',
      author: [{ family: 'Williams', given: 'Paul D.' }],
      editor: [{ family: 'Cilliers', given: 'Jakkie' }, { family: 'Sturman', given: 'Kathryn' }],
      'container-title': 'Peace Operations in Africa',
      'publisher-place': 'Pretoria',
      publisher: 'Institute for Security Studies',
      issued: { 'date-parts': [[2011, 5, 2]] },
      page: '183-205',
    });
    expect(article).toMatchObject({ type: 'article-journal', 'container-title': 'Survival', volume: '51', issue: '4', page: '95-117' });
    expect(article?.issued).toEqual({ 'date-parts': [[2009, 9]] });
    expect(article?.accessed).toEqual({ 'date-parts': [[2021, 3, 1]] });
  });

  it('ELEC: T2 is the website and Y2 the access date', () => {
    expect(webpage).toMatchObject({ type: 'webpage', 'container-title': 'European Council on Foreign Relations', accessed: { 'date-parts': [[2021, 2, 1]] } });
    expect(webpage?.['collection-title']).toBeUndefined();
  });

  it('NEWS: AU lines are the authors and DA the full date', () => {
    expect(news).toMatchObject({ type: 'article-newspaper', 'container-title': 'The New York Times', page: 'A1', issued: { 'date-parts': [[2008, 11, 18]] } });
    expect(news?.author).toEqual([{ family: 'Gettleman', given: 'Jeffrey' }, { family: 'Worth', given: 'Robert F.' }]);
    expect(news?.reporter).toBeUndefined();
  });

  it('BOOK: SP is the number of pages, not a page; A3 the editor; T2 the series', () => {
    expect(book).toMatchObject({ type: 'book', 'number-of-pages': '160', editor: [{ family: 'Harper', given: 'Mary' }], 'collection-title': 'Hurst Paperbacks' });
    expect(book?.page).toBeUndefined();
  });

  it('CONF: the date is DA, else PY, and never the event date', () => {
    expect(paper).toMatchObject({ type: 'paper-conference', 'event-title': 'Maritime Security Conference', issued: { 'date-parts': [[2010, 6, 14]] } });
    expect(paper?.['event-date']).toBeUndefined();
    expect(paperYearOnly?.issued).toEqual({ 'date-parts': [[2012]] });
    expect(paperYearOnly?.['event-date']).toBeUndefined();
  });

  it('ED lines are editors', () => {
    expect(report?.editor).toEqual([{ family: 'Hansen', given: 'Stig Jarle' }, { family: 'Bradbury', given: 'Mark' }]);
  });

  it('keeps PY when DA is not a RIS date or names another year, and Y2 of other types as before', () => {
    const other = parseImport({
      text: 'TY  - NEWS\nTI  - A\nPY  - 2008\nDA  - Nov 18\nER  - \nTY  - CHAP\nTI  - B\nPY  - 2008\nDA  - 2009/01/02/\nER  - \nTY  - CONF\nTI  - C\nPY  - 2006\nY2  - 2021/01/05/\nER  - \n',
      fileName: 'x.ris',
    }).entries.map((e) => e.csl);
    expect(other.map((c) => c.issued)).toEqual([{ 'date-parts': [[2008]] }, { 'date-parts': [[2008]] }, { 'date-parts': [[2006]] }]);
    expect(other[2]?.accessed).toEqual({ 'date-parts': [[2021, 1, 5]] });
  });
});

describe('RIS', () => {
  const ris = parseFixture('somalia.ris');

  it('reads CRLF records with a byte-order mark, naming records by their TY line', () => {
    expect(ris.format).toBe('ris');
    expect(ris.entries.map((e) => e.line)).toEqual([1, 16, 29, 39]);
    expect(ris.errors).toEqual([
      { entry: '“A record of an unknown kind”', line: 48, message: 'has an unknown RIS type “XXXX”' },
      { entry: 'record at line 52', line: 52, message: 'has no title (no TI or T1 line)' },
    ]);
  });

  it('maps the tags real databases export', () => {
    const [bueger, percy, flint, psc] = ris.entries.map((e) => e.csl);
    expect(ris.entries[0]?.key).toBe('bueger2015learning');
    expect(bueger).toMatchObject({ type: 'article-journal', DOI: '10.1080/23340460.2015.960170', page: '33-42', 'container-title': 'Global Affairs', URL: 'https://doi.org/10.1080/23340460.2015.960170' });
    expect(bueger?.issued).toEqual({ 'date-parts': [[2015]] });
    // Old-style A1 authors, Y1 "2013///" and the full journal name from JF over the JO abbreviation.
    expect(percy?.author).toEqual([{ family: 'Percy', given: 'Sarah' }, { family: 'Shortland', given: 'Anja' }]);
    expect(percy?.issued).toEqual({ 'date-parts': [[2013]] });
    expect(percy?.['container-title']).toBe('Journal of Strategic Studies');
    expect(percy?.ISSN).toBe('0140-2390');
    expect(flint).toMatchObject({ type: 'book', ISBN: '978-1-84277-950-9', publisher: 'Zed Books', 'publisher-place': 'London' });
    expect(psc?.title).toBe('Communiqué of the 69th Meeting of the Peace and Security Council');
    expect(psc?.abstract).toBe('The Council authorised the deployment of AMISOM for an initial period of six months.');
  });

  it('accepts a last record without ER and one-space tags', () => {
    const result = parseImport({ text: 'TY - BOOK\nAU - Lewis, Ioan\nPY - 2002\nTI - A Modern History of the Somali\n', fileName: 'x.ris' });
    expect(result.errors).toEqual([]);
    expect(result.entries[0]?.csl).toMatchObject({ type: 'book', title: 'A Modern History of the Somali' });
  });
});

describe('CSL-JSON', () => {
  it('reads an array, naming a malformed element by its id and line', () => {
    const result = parseFixture('darfur.json');
    expect(result.format).toBe('csl-json');
    expect(result.entries.map((e) => [e.key, e.line])).toEqual([
      ['dewaal2007darfur', 2],
      ['unsc1769', 12],
    ]);
    expect(result.errors).toHaveLength(2);
    expect(result.errors[0]).toMatchObject({ entry: 'badentry', line: 20 });
    expect(result.errors[0]?.message).toMatch(/not valid JSON at line 24/);
    expect(result.errors[1]).toEqual({ entry: 'notitle', line: 26, message: 'has no title' });
  });

  it('takes citation-key, or a readable id, as the key but not URI or numeric ids', () => {
    const text = JSON.stringify([
      { id: 'http://zotero.org/users/1/items/ABCD', 'citation-key': 'harper2012', type: 'book', title: 'Getting Somalia Wrong?' },
      { id: 'http://zotero.org/users/1/items/EFGH', type: 'book', title: 'The Somali Civil War' },
      { id: 17, type: 'book', title: 'Darfur: A Short History' },
      { id: 'lewis2002', type: 'book', title: 'A Modern History of the Somali' },
    ]);
    expect(parseImport({ text, fileName: 'zotero.json' }).entries.map((e) => e.key)).toEqual(['harper2012', '', '', 'lewis2002']);
  });

  it('reads a single object', () => {
    const result = parseImport({ text: '{"type":"book","title":"Somalia Calling","author":[{"family":"Harper","given":"Mary"}]}', fileName: '' });
    expect(result.entries).toHaveLength(1);
    expect(result.entries[0]?.csl.title).toBe('Somalia Calling');
  });

  it('keeps hostile strings as text and drops __proto__ and constructor keys', () => {
    const result = parseFixture('hostile.json');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const csl = result.entries[0]?.csl as Record<string, unknown>;
    expect(Object.getPrototypeOf(csl)).toBe(Object.prototype);
    expect(Object.keys(csl)).not.toContain('__proto__');
    expect(Object.keys(csl)).not.toContain('constructor');
    expect(csl.polluted).toBeUndefined();
    expect(csl.title).toBe("<img src=x onerror=alert(1)><script>alert('x')</script> Piracy \u202Egnp.exe");
    expect(csl.author).toEqual([{ family: '<b>Bold</b>', given: '\u202EEve' }]);
  });
});

describe('hostile BibTeX', () => {
  it('keeps markup as text and ignores __proto__ and constructor fields and macros', () => {
    const text = [
      '@string{__proto__ = "polluted"}',
      '@string{constructor = "polluted"}',
      '@misc{evil2024,',
      '  title = {<script>alert(1)</script> Report on \u202Eexe.fdp},',
      '  __proto__ = {polluted},',
      '  constructor = {polluted},',
      '  note = __proto__ # constructor,',
      '  year = 2024',
      '}',
    ].join('\n');
    const result = parseImport({ text, fileName: 'evil.bib' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.errors).toEqual([]);
    const csl = result.entries[0]?.csl as Record<string, unknown>;
    expect(csl.title).toBe('<script>alert(1)</script> Report on \u202Eexe.fdp');
    expect(Object.getPrototypeOf(csl)).toBe(Object.prototype);
    expect(Object.keys(csl)).not.toContain('constructor');
  });
});

describe('format detection', () => {
  it('goes by the content when the file name says otherwise', () => {
    expect(parseImport({ text: fixtureText('darfur.json'), fileName: 'export.bib' }).format).toBe('csl-json');
    expect(parseImport({ text: fixtureText('somalia.ris'), fileName: 'savedrecs.txt' }).format).toBe('ris');
    expect(parseImport({ text: fixtureText('malformed.bib'), fileName: '' }).format).toBe('biblatex');
  });

  it('says which format it read when a forced format finds nothing', () => {
    const e = refusal(() => parseImport({ text: fixtureText('malformed.bib'), fileName: 'malformed.bib', format: 'ris' }));
    expect(e.message).toBe('No entries found in “malformed.bib” (read as RIS).');
  });
});

describe('files that are not bibliographies', () => {
  it('refuses an empty file', () => {
    expect(refusal(() => parseImport({ text: '  \n\n', fileName: 'empty.bib' })).message).toMatch(/empty: no entries found/);
  });

  it('refuses a text file with no entries', () => {
    const e = refusal(() => parseImport({ text: 'Just some notes about AMISOM.\n', fileName: 'notes.txt' }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/no entries found/);
  });

  it('refuses binary garbage with a clear message', () => {
    let seed = 7;
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      bytes[i] = seed % 256;
    }
    const e = refusal(() => parseImport({ text: Buffer.from(bytes).toString('utf8'), fileName: 'photo.bib' }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/“photo\.bib” is not a text bibliography/);
  });

  it('refuses more than 100,000 entries before parsing them', () => {
    const json = `[${'{"type":"book","title":"x"},'.repeat(100_000)}{"type":"book","title":"y"}]`;
    const e = refusal(() => parseImport({ text: json, fileName: 'huge.json' }));
    expect(e.code).toBe('LIMIT');
    expect(e.message).toBe('The file has 100,001 entries; at most 100,000 can be imported at once. Split the file.');
    const bib = Array.from({ length: 100_001 }, (_, i) => `@misc{k${i}, title={t}}`).join('\n');
    expect(refusal(() => parseImport({ text: bib, fileName: 'huge.bib' })).code).toBe('LIMIT');
  });

  it('parses a generated 5 MB BibTeX file', () => {
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 5 * 1024 * 1024; i++) {
      const entry = `@article{gen${i},\n  author = {M{\\"u}ller, Anna and Okafor, Chidi},\n  title = {Maritime Security Governance, Part ${i}},\n  journal = {Journal of African Security},\n  year = {${1990 + (i % 35)}},\n  pages = {${i}--${i + 20}},\n  abstract = {${'Counter-piracy patrols off Somalia. '.repeat(8)}}\n}\n\n`;
      parts.push(entry);
      size += entry.length;
    }
    const result = parseImport({ text: parts.join(''), fileName: 'big.bib' });
    expect(result.errors).toEqual([]);
    expect(result.entries).toHaveLength(parts.length);
    expect(result.entries.at(-1)?.line).toBe(1 + (parts.length - 1) * 9);
    expect((result.entries[0]?.csl.author as { family: string }[])[0]?.family).toBe('Müller');
  });
});
