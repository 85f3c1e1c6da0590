import { extname, resolve } from 'node:path';
import { EXPORT_FORMATS, ExportFormat, type BibliographyFormat, type ExportScope, type ExportSources } from '../../common/domain/exports';
import { openKb } from '../db/openKb';
import { runExport } from '../export/runExport';
import { CliError } from './cliErrors';
import type { CliCommand } from './commands';

const BIBLIOGRAPHY_BY_EXTENSION: Record<string, BibliographyFormat> = { '.html': 'html', '.htm': 'html', '.rtf': 'rtf', '.txt': 'text' };

/** Case ids for `--case` values: an id, or a title (exact, ignoring case) of a case outside the Trash. */
function resolveCases(file: string, wanted: string[]): string[] {
  const opened = openKb(resolve(file), { readOnly: true });
  try {
    const byId = opened.db.prepare<[string], { id: string }>('SELECT id FROM cases WHERE id = ? AND deleted_at IS NULL');
    const byTitle = opened.db.prepare<[string], { id: string }>(
      'SELECT id FROM cases WHERE title = ? COLLATE NOCASE AND deleted_at IS NULL AND trashed_at IS NULL ORDER BY id',
    );
    return wanted.map((w) => {
      const exact = byId.get(w);
      if (exact) return exact.id;
      const matches = byTitle.all(w.trim());
      if (matches.length === 1) return (matches[0] as { id: string }).id;
      if (matches.length > 1) throw new CliError(`--case: ${matches.length} cases are titled “${w}”; use one of their ids: ${matches.map((m) => m.id).join(', ')}.`);
      throw new CliError(`--case: no case has the id or title “${w}” (cases in the Trash are not exported).`);
    });
  } finally {
    opened.db.close();
  }
}

/**
 * `casebook export`: everything the export dialog can make, for scripts and Makefiles. Text
 * formats go to stdout without --out; files are written whole or not at all.
 */
export const exportCommand: CliCommand = {
  name: 'export',
  usage: `<file> --format ${EXPORT_FORMATS.join('|')} [--style ID|path.csl] [--locale xx-XX] [--case ID-or-title]… [--tag T] [--sources cited|all] [--as html|text|rtf] [--out FILE] [--json]`,
  summary: 'Export sources (BibTeX, BibLaTeX, RIS, CSL-JSON), a bibliography, or cases as Word, Markdown or HTML.',
  help: `Scope: --case (repeatable; an id or an exact title), or --tag, or neither for the whole knowledge base.
--sources: the sources cited in the scope (default), or all sources (default for the whole knowledge base).
--style: a style id (chicago-note-bibliography, chicago-fullnote-bibliography, chicago-author-date, apa,
harvard-cite-them-right, modern-language-association, international-affairs …), an id of a style
added to the knowledge base (custom:…), or a .csl file. Default: the knowledge base's style.
--format bibliography: HTML, plain text or RTF, from --as or the --out extension (.html, .txt, .rtf);
text to stdout by default. docx and markdown need --out (markdown also writes <name>.json and <name>.csl
beside it for pandoc --citeproc).`,
  positionals: ['file'],
  options: {
    format: { type: 'string' },
    style: { type: 'string' },
    locale: { type: 'string' },
    case: { type: 'string', multiple: true },
    tag: { type: 'string' },
    sources: { type: 'string' },
    as: { type: 'string' },
    out: { type: 'string', short: 'o' },
    json: { type: 'boolean' },
  },
  async run({ positionals: [file], values, io }) {
    const kbPath = resolve(file as string);
    const parsedFormat = ExportFormat.safeParse(values.format);
    if (!parsedFormat.success) throw new CliError(`--format: choose one of ${EXPORT_FORMATS.join(', ')}.`, true);
    const format = parsedFormat.data;
    const cases = (values.case as string[] | undefined) ?? [];
    const tag = values.tag as string | undefined;
    if (cases.length > 0 && tag !== undefined) throw new CliError('Use either --case or --tag, not both.', true);
    const sources = values.sources as string | undefined;
    if (sources !== undefined && sources !== 'cited' && sources !== 'all') throw new CliError('--sources: use cited or all.', true);
    const out = values.out === undefined ? undefined : resolve(values.out as string);
    const as = values.as as string | undefined;
    let bibliographyFormat: BibliographyFormat = 'text';
    if (as !== undefined) {
      if (as !== 'html' && as !== 'text' && as !== 'rtf') throw new CliError('--as: use html, text or rtf.', true);
      bibliographyFormat = as;
    } else if (out) bibliographyFormat = BIBLIOGRAPHY_BY_EXTENSION[extname(out).toLowerCase()] ?? 'text';
    if ((format === 'docx' || format === 'markdown') && !out) throw new CliError(`--format ${format} writes files: give --out FILE.`, true);

    const scope: ExportScope = tag !== undefined ? { kind: 'tag', tag } : cases.length > 0 ? { kind: 'cases', caseIds: resolveCases(kbPath, cases) } : { kind: 'kb' };
    const result = await runExport({
      kbPath,
      format,
      scope,
      sources: sources as ExportSources | undefined,
      bibliographyFormat,
      style: values.style as string | undefined,
      locale: values.locale as string | undefined,
      path: out,
      allowStyleFiles: true,
    });
    if (values.json === true) {
      io.out(`${JSON.stringify(result, null, 2)}\n`);
      return;
    }
    if (result.text !== null) io.out(result.text.endsWith('\n') ? result.text : `${result.text}\n`);
    for (const warning of result.warnings) io.err(`Warning: ${warning}\n`);
    if (result.files.length > 0) {
      const what = [`${result.sources} source${result.sources === 1 ? '' : 's'}`];
      if (format === 'docx' || format === 'markdown' || format === 'html') what.unshift(`${result.cases} case${result.cases === 1 ? '' : 's'}`, `${result.footnotes} footnote${result.footnotes === 1 ? '' : 's'}`);
      io.err(`Wrote ${result.files.join(', ')} (${what.join(', ')}).\n`);
    }
  },
};
