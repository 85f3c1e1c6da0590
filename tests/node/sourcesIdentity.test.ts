import { describe, expect, it } from 'vitest';
import {
  authorsDisplay,
  generateCitekey,
  normaliseDoi,
  normaliseIsbn,
  titleAuthorYearKey,
} from '../../main/store/sourceIdentity';

const free = () => false;

describe('citekeys', () => {
  it('are author, year and first significant title word', () => {
    const csl = {
      type: 'book',
      title: 'The Collective Conflict Management',
      author: [{ family: 'Crocker', given: 'Chester A.' }, { family: 'Hampson', given: 'Fen Osler' }],
      issued: { 'date-parts': [[2011]] },
    };
    expect(generateCitekey(csl, free)).toBe('crocker2011collective');
  });

  it('fold accents and particles into ASCII', () => {
    const csl = { title: 'Critical Geopolitics', author: [{ family: 'Ó Tuathail', given: 'Gearóid' }], issued: { 'date-parts': [[1996]] } };
    expect(generateCitekey(csl, free)).toBe('otuathail1996critical');
    expect(generateCitekey({ title: 'Éléments de droit', author: [{ family: 'Müller' }], issued: { 'date-parts': [[2001]] } }, free)).toBe(
      'muller2001elements',
    );
  });

  it('abbreviate institutions', () => {
    const year = { issued: { 'date-parts': [[2009]] } };
    expect(generateCitekey({ title: 'Resolution 1851', author: [{ literal: 'UNSC' }], ...year }, free)).toBe('unsc2009resolution');
    expect(generateCitekey({ title: 'Somalia: the trouble with Puntland', author: [{ literal: 'International Crisis Group' }], ...year }, free)).toBe(
      'icg2009somalia',
    );
    expect(generateCitekey({ title: 'Annual report', author: [{ literal: 'African Union (AU)' }], ...year }, free)).toBe('au2009annual');
  });

  it('say nd without a year and fall back to the title without an author', () => {
    expect(generateCitekey({ title: 'On Piracy', author: [{ family: 'Smith' }] }, free)).toBe('smithndpiracy');
    expect(generateCitekey({ title: 'Anonymous pamphlet', issued: { 'date-parts': [[1850]] } }, free)).toBe('anonymous1850');
  });

  it('get a, b … on clashes', () => {
    const taken = new Set(['crocker2011collective', 'crocker2011collectivea']);
    const csl = { title: 'Collective conflict management', author: [{ family: 'Crocker' }], issued: { 'date-parts': [[2011]] } };
    expect(generateCitekey(csl, (k) => taken.has(k))).toBe('crocker2011collectiveb');
  });
});

describe('identity', () => {
  it('normalises DOIs and ISBNs so the two spellings of one work compare equal', () => {
    expect(normaliseDoi('https://doi.org/10.1080/ABC.123')).toBe('10.1080/abc.123');
    expect(normaliseDoi('doi:10.1080/abc.123.')).toBe('10.1080/abc.123');
    expect(normaliseDoi('not a doi')).toBeNull();
    expect(normaliseIsbn('0-19-852663-6')).toBe('9780198526636');
    expect(normaliseIsbn('978-0-19-852663-6 (pbk)')).toBe('9780198526636');
    expect(normaliseIsbn('12345')).toBeNull();
  });

  it('keys title, first author and year ignoring case, accents and punctuation', () => {
    const a = titleAuthorYearKey({ title: 'Critical Geopolitics: The Politics of Writing', author: [{ family: 'Ó Tuathail' }], issued: { 'date-parts': [[1996]] } });
    const b = titleAuthorYearKey({ title: 'critical geopolitics — the politics of writing', author: [{ family: 'O Tuathail' }], issued: { 'date-parts': [['1996']] } });
    expect(a).toBe(b);
    expect(titleAuthorYearKey({ author: [{ family: 'X' }] })).toBeNull();
  });

  it('shows authors as a reader would list them', () => {
    const names = (...f: string[]) => ({ author: f.map((family) => ({ family })) });
    expect(authorsDisplay(names('Crocker'))).toBe('Crocker');
    expect(authorsDisplay(names('Crocker', 'Hampson'))).toBe('Crocker and Hampson');
    expect(authorsDisplay(names('Crocker', 'Hampson', 'Aall'))).toBe('Crocker, Hampson and Aall');
    expect(authorsDisplay(names('Crocker', 'Hampson', 'Aall', 'Zartman'))).toBe('Crocker et al.');
    expect(authorsDisplay({ author: [{ literal: 'Council of the EU' }] })).toBe('Council of the EU');
    expect(authorsDisplay({ editor: [{ family: 'Williams' }] })).toBe('Williams');
  });
});
