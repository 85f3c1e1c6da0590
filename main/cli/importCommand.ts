import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { IMPORT_FORMATS, ImportFormat, OnDuplicate, type ImportProblem } from '../../common/domain/sources';
import { openKbForCliWrite } from './shareCommands';
import { createKbSession } from '../store/kbSession';
import { createSourcesService } from '../store/sourcesService';
import { findDuplicates } from '../import/findDuplicates';
import type { ParsedEntry } from '../import/importTypes';
import { runCommit } from '../import/importJob';
import { parseImport } from '../import/parseImport';
import { planImport } from '../import/planImport';
import { CliError } from './cliErrors';
import type { CliCommand } from './commands';

const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** A problem in one of several files: which file, which entry, which line. */
type FileProblem = ImportProblem & { file: string };

/**
 * `casebook import`: the same parsing, duplicate detection and one-transaction write as the app's
 * import, run in-process (a command line has no UI to keep responsive). Any entry with a problem
 * refuses the whole import and nothing is written, so a script never gets half a bibliography.
 */
export function createImportCommand(cliUser: () => string): CliCommand {
  return {
    name: 'import',
    usage: '<kb> <file>… [--format bibtex|biblatex|ris|csl-json] [--on-duplicate skip|merge|keep] [--json]',
    summary: 'Import BibTeX, BibLaTeX, RIS or CSL-JSON files as sources, all or nothing.',
    help: [
      'The format is detected from each file unless --format is given. Entries already in the',
      'knowledge base (same DOI, ISBN, citekey, or title + first author + year) are skipped by',
      'default; --on-duplicate merge fills in missing fields of the stored source, keep adds a',
      'second source. If any entry has a problem (syntax, no title, unknown type, repeated key)',
      'the import is refused, every problem is listed with its file and line, and nothing is',
      'written (exit status 1).',
    ].join('\n'),
    positionals: ['kb', 'file…'],
    options: { format: { type: 'string' }, 'on-duplicate': { type: 'string' }, json: { type: 'boolean' } },
    async run({ positionals, values, io }) {
      const [kb, ...files] = positionals as [string, ...string[]];
      const format = values.format === undefined ? undefined : ImportFormat.safeParse(values.format);
      if (format && !format.success) throw new CliError(`--format must be one of ${IMPORT_FORMATS.join(', ')}.`, true);
      const onDuplicate = OnDuplicate.safeParse(values['on-duplicate'] ?? 'skip');
      if (!onDuplicate.success) throw new CliError('--on-duplicate must be skip, merge or keep.', true);

      const entries: ParsedEntry[] = [];
      const errors: FileProblem[] = [];
      const keyFile = new Map<string, string>();
      for (const file of files) {
        const path = resolve(file);
        let size: number;
        try {
          size = statSync(path).size;
        } catch {
          throw new CliError(`cannot read “${file}”: no such file.`);
        }
        if (size > MAX_FILE_BYTES) throw new CliError(`“${file}” is larger than 50 MB; split it.`);
        const parsed = parseImport({ text: readFileSync(path, 'utf8'), fileName: basename(path), format: format?.data });
        for (const e of parsed.errors) errors.push({ file, ...e });
        for (const e of parsed.entries) {
          const other = e.key ? keyFile.get(e.key) : undefined;
          if (other !== undefined) {
            errors.push({ file, entry: e.key, line: e.line, message: `repeats the citation key “${e.key}” of an entry in ${other}` });
            continue;
          }
          if (e.key) keyFile.set(e.key, file);
          entries.push({ ...e, index: entries.length });
        }
      }

      // Refuses when the file is open in Casebook; the writer's lock is held until the commit is done.
      const session = createKbSession(openKbForCliWrite(kb, {}, cliUser()), cliUser);
      try {
        session.assertWritable();
        const duplicates = findDuplicates(entries, createSourcesService(session).identities());
        const plan = planImport({ entries, errors, duplicates }, onDuplicate.data, {});
        if (errors.length > 0) {
          const report = { imported: 0, merged: 0, skipped: 0, duplicates: plan.duplicates, errors };
          if (values.json === true) io.out(`${JSON.stringify(report, null, 2)}\n`);
          else io.out(`${errors.map((e) => `${e.file}:${e.line}: ${e.entry} ${e.message}`).join('\n')}\n`);
          throw new CliError(`import refused: ${errors.length} ${errors.length === 1 ? 'entry has a problem' : 'entries have problems'}; nothing was written.`);
        }
        const counts = await runCommit({ kbPath: session.opened.path, who: cliUser(), items: plan.items }, () => {});
        const report = { ...counts, duplicates: plan.duplicates, errors: [] };
        if (values.json === true) io.out(`${JSON.stringify(report, null, 2)}\n`);
        else io.out(`Imported ${counts.imported} sources (${counts.merged} merged, ${counts.skipped} duplicates skipped).\n`);
      } finally {
        session.close();
      }
    },
  };
}
