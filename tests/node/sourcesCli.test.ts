import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKb, openKb } from '../../main/db/openKb';
import { createWriteContext } from '../../main/store/kbSession';
import { kbStoreFor } from '../../main/store/kbStore';
import { tempDir } from './support/builders';
import { buildArticle, buildBook } from './support/sourceBuilders';
import { casebook } from './support/cliSupport';



describe('casebook sources', { timeout: 120_000 }, () => {
  it('prints every live source as CSL-JSON with citation-key and id', () => {
    const file = join(tempDir(), 'kb.casebook');
    createKb(file);
    const opened = openKb(file);
    const ids: string[] = [];
    try {
      const store = kbStoreFor(createWriteContext(opened.db, () => 'tester'));
      ids.push(store.sources.create(buildBook()).id, store.sources.create(buildArticle(), 'menkhaus-piracy').id);
      const gone = store.sources.create(buildBook({ title: 'Withdrawn' }));
      store.sources.remove(gone.id);
    } finally {
      opened.db.close();
    }

    const r = casebook('sources', file, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const items = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(items).toEqual([
      { ...buildBook(), id: ids[0], 'citation-key': 'crocker2004taming' },
      { ...buildArticle(), id: ids[1], 'citation-key': 'menkhaus-piracy' },
    ]);

    const text = casebook('sources', file);
    expect(text.stdout).toBe(
      'crocker2004taming\tCrocker, Hampson and Aall\t2004\tTaming Intractable Conflicts\nmenkhaus-piracy\tMenkhaus\t2009\tPiracy off the Horn of Africa\n',
    );
  });

  it('fails with one line for a file that is not a knowledge base', () => {
    const r = casebook('sources', join(tempDir(), 'missing.casebook'), '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^casebook: .*does not exist\.\n$/);
  });
});
