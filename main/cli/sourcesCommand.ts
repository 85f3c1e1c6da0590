import { resolve } from 'node:path';
import type { CslItem } from '../../common/domain/sources';
import { openKb } from '../db/openKb';
import { parseStoredCsl } from '../store/sourcesCsl';
import { authorsDisplay, cslText, cslYear } from '../store/sourceIdentity';
import type { CliCommand } from './commands';

/**
 * Every live source as CSL-JSON, with `id` and `citation-key`. Reads only columns every schema
 * version has, because a read opens the file read-only and so never migrates it.
 */
export function readSourcesAsCsl(file: string): CslItem[] {
  const opened = openKb(resolve(file), { readOnly: true });
  try {
    const rows = opened.db
      .prepare('SELECT id, citekey, csl FROM sources WHERE deleted_at IS NULL ORDER BY citekey, id')
      .all() as { id: string; citekey: string; csl: string }[];
    return rows.map((r) => ({ ...parseStoredCsl(r.csl), id: r.id, 'citation-key': r.citekey }));
  } finally {
    opened.db.close();
  }
}

/** `casebook sources`: the knowledge base's bibliography for scripts (CSL-JSON with --json, for pandoc and citeproc). */
export const sourcesCommand: CliCommand = {
  name: 'sources',
  usage: '<file> [--json]',
  summary: 'List every source; with --json as CSL-JSON with citation-key and id.',
  positionals: ['file'],
  options: { json: { type: 'boolean' } },
  run({ positionals: [file], values, io }) {
    const items = readSourcesAsCsl(file as string);
    if (values.json === true) {
      io.out(`${JSON.stringify(items, null, 2)}\n`);
      return;
    }
    const lines = items.map((csl) =>
      [String(csl['citation-key']), authorsDisplay(csl), cslYear(csl) ?? 'n.d.', cslText(csl, 'title')].join('\t'),
    );
    io.out(lines.length ? `${lines.join('\n')}\n` : 'No sources.\n');
  },
};
