import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../common/search/ftsQuery';

function index() {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE t USING fts5 (title, summary, fields, note, tokenize = 'unicode61 remove_diacritics 2')`);
  const insert = db.prepare('INSERT INTO t (rowid, title, summary, fields, note) VALUES (?, ?, ?, ?, ?)');
  insert.run(1, 'Somalia piracy', 'Naval patrols off the Horn', 'AMISOM maritime', 'Negotiations near Mogadishu');
  insert.run(2, 'Darfur hybrid mission', 'UN–AU cooperation', 'peacekeeping', 'Côte d’Ivoire was a precedent');
  insert.run(3, 'NEAR AND OR', 'odd words', '', '');
  return db;
}

function matches(db: Database.Database, q: string): number[] {
  const fts = toFtsQuery(q);
  if (fts.kind === 'all') return [1, 2, 3];
  const ids = (db.prepare('SELECT rowid AS id FROM t WHERE t MATCH ? ORDER BY rowid').all(fts.match) as { id: number }[]).map((r) => r.id);
  return fts.kind === 'match' ? ids : [1, 2, 3].filter((id) => !ids.includes(id));
}

describe('toFtsQuery', () => {
  it('understands words, phrases, prefixes, exclusions and columns', () => {
    const db = index();
    expect(matches(db, 'piracy')).toEqual([1]);
    expect(matches(db, 'somalia PIRACY')).toEqual([1]);
    expect(matches(db, '"naval patrols"')).toEqual([1]);
    expect(matches(db, '"patrols naval"')).toEqual([]);
    expect(matches(db, 'negot*')).toEqual([1]);
    expect(matches(db, '-piracy')).toEqual([2, 3]);
    expect(matches(db, 'mission -hybrid')).toEqual([]);
    expect(matches(db, 'title:darfur')).toEqual([2]);
    expect(matches(db, 'note:darfur')).toEqual([]);
    expect(matches(db, 'field:amisom')).toEqual([1]);
    expect(matches(db, 'cote')).toEqual([2]);
    expect(matches(db, 'UN-AU')).toEqual([2]);
    expect(matches(db, 'NEAR')).toEqual([1, 3]);
    expect(matches(db, 'title:NEAR')).toEqual([3]);
    expect(matches(db, '')).toEqual([1, 2, 3]);
  });

  it('quotes every word, so operators and punctuation are plain text', () => {
    expect(toFtsQuery('a AND b')).toEqual({ kind: 'match', match: '("a" "AND" "b")' });
    expect(toFtsQuery('say "hi" -x title:y*')).toEqual({ kind: 'match', match: '("say" "hi" title:"y"*) NOT "x"' });
    expect(toFtsQuery('-x -"y z"')).toEqual({ kind: 'exclude', match: '"x" OR "y z"' });
    expect(toFtsQuery('  ( ) * " ')).toEqual({ kind: 'all' });
  });

  it('never produces a query FTS5 rejects', () => {
    const db = index();
    const hostile = [
      '"', '""', '"""', "'", '(', ')', '()', '(a OR b', 'a)', 'NEAR(a b, 3)', 'NEAR', 'AND', 'OR', 'NOT', 'a NOT', 'NOT a',
      '*', '**', 'a*b', '*a', '^', '^a', 'a^', ':', 'a:', ':a', 'title:', 'title:"', 'title::x', 'nocolumn:x', '{title}:x',
      '-', '--', '- -', '-"', '-*', '-title:', '+a', 'a + b', 'a\0b', '\u200b', '😀', '😀 piracy', 'Ω∑≈', 'ﷺ', '\u0301',
      'x'.repeat(500), '"'.repeat(99), '('.repeat(50), "'; DROP TABLE t; --", 'a\nb\tc', 'title:"unclosed phrase',
    ];
    for (let i = 0; i < 300; i++) {
      hostile.push(Array.from({ length: 12 }, () => '"()*^:-+ aNOT'[Math.floor(Math.random() * 13)]).join(''));
    }
    for (const q of hostile) expect(() => matches(db, q), JSON.stringify(q)).not.toThrow();
  });
});
