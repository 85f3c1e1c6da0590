import { useEffect, useId, useRef, useState } from 'react';
import {
  BIBLIOGRAPHY_FORMATS,
  EXPORT_FORMAT_LABELS,
  EXPORT_FORMATS,
  defaultExportSources,
  exportExtension,
  type BibliographyFormat,
  type ExportFormat,
  type ExportRequestInput,
  type ExportResult,
  type ExportScope,
  type ExportSources,
} from '../../../../common/domain/exports';
import { ApiError } from '../../../../common/ipc/client';
import { useClient } from '../../app/PlatformContext';
import { Dialog } from '../../ui/Dialog';
import { ImportProgress } from '../import/ImportProgress';
import { useImportJob } from '../import/useImportJob';
import { AutoExportSection } from './AutoExportSection';
import { copyExportResult } from './copyExport';
import {
  BIBLIOGRAPHY_FORMAT_LABELS,
  EXPORT_LOCALES,
  canCopy,
  defaultFileName,
  describeCounts,
  fileNameOf,
  folderOf,
  joinPath,
  usesStyle,
  type CaseSelection,
  type ScopeChoice,
} from './exportChoices';
import { StylePicker } from './StylePicker';
import { useExportChoices } from './useExportChoices';
import '../import/import.css';
import './export.css';

interface ExportDialogProps {
  kb: { name: string; path: string; readOnly: boolean };
  /** The Cases view's selection and open case when the dialog opened (empty from elsewhere). */
  selection: CaseSelection;
  /** The format to start with (the Sources view starts with BibTeX). */
  initialFormat?: ExportFormat;
  onClose(): void;
}

type Stage =
  | { kind: 'form' }
  /** The host has no save dialog (browser host): the user types where to save. */
  | { kind: 'path'; path: string }
  | { kind: 'done'; result: ExportResult; path: string; format: ExportFormat };

function initialScope(selection: CaseSelection): ScopeChoice {
  if (selection.caseIds.length > 0) return 'selection';
  if (selection.openCaseId) return 'open';
  return 'kb';
}

/** A style's title without the list's "(added)" mark, for sentences. */
function plainStyleTitle(title: string): string {
  return title.replace(/ \(added\)$/, '');
}

/** A failed job in words: cancellation is not an error, and the message says what is safe. */
function failure(e: unknown, safe: string): string {
  if (e instanceof ApiError && e.code === 'CANCELLED') return `Cancelled. ${safe}`;
  const message = e instanceof Error ? e.message : String(e);
  return `${message} ${safe}`;
}

/**
 * File ▸ Export…: sources as BibTeX, BibLaTeX, RIS or CSL-JSON, a formatted bibliography, or a
 * dossier of cases (Word with footnotes, Markdown for Pandoc, a web page), for a selection, the
 * open case, a tag or the whole knowledge base. Export… writes a file chosen with the host's save
 * dialog (or typed, where there is none) in the job process with progress and Cancel; Copy puts
 * text formats on the clipboard. Also sets the file kept in sync with the sources.
 */
export function ExportDialog({ kb, selection, initialFormat, onClose }: ExportDialogProps) {
  const client = useClient();
  const job = useImportJob();
  const ids = useId();
  const choices = useExportChoices(selection.openCaseId);
  const [stage, setStage] = useState<Stage>({ kind: 'form' });
  const [scopeChoice, setScopeChoice] = useState<ScopeChoice>(() => initialScope(selection));
  const [tag, setTag] = useState('');
  /** null: the default for the scope (every source for the whole knowledge base, the cited ones otherwise). */
  const [sourcesChoice, setSourcesChoice] = useState<ExportSources | null>(null);
  const [format, setFormat] = useState<ExportFormat>(initialFormat ?? (initialScope(selection) === 'kb' ? 'bibtex' : 'docx'));
  const [bibliographyFormat, setBibliographyFormat] = useState<BibliographyFormat>('html');
  /** null until the knowledge base's style is known. */
  const [style, setStyle] = useState<string | null>(null);
  const [locale, setLocale] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [styleError, setStyleError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const styleFile = useRef<HTMLInputElement>(null);
  const exportButton = useRef<HTMLButtonElement>(null);
  const copyButton = useRef<HTMLButtonElement>(null);
  const doneButton = useRef<HTMLButtonElement>(null);
  const pathInput = useRef<HTMLInputElement>(null);
  /** Where focus goes once a job ends or the stage changes (the pressed button has gone meanwhile). */
  const focusNext = useRef<React.RefObject<HTMLElement | null> | null>(null);

  const busy = job.running !== null;
  const kbStyle = choices.kbStyle?.citationStyle ?? null;
  const effectiveStyle = style ?? kbStyle;
  const firstTag = choices.tags[0]?.name ?? '';
  const effectiveTag = tag || firstTag;

  useEffect(() => {
    if (busy) return;
    const target = focusNext.current;
    focusNext.current = null;
    target?.current?.focus();
  }, [busy, stage]);

  const scope: ExportScope | null =
    scopeChoice === 'selection'
      ? selection.caseIds.length > 0
        ? { kind: 'cases', caseIds: selection.caseIds }
        : null
      : scopeChoice === 'open'
        ? selection.openCaseId
          ? { kind: 'cases', caseIds: [selection.openCaseId] }
          : null
        : scopeChoice === 'tag'
          ? effectiveTag
            ? { kind: 'tag', tag: effectiveTag }
            : null
          : { kind: 'kb' };
  const sources = sourcesChoice ?? (scope ? defaultExportSources(scope) : 'cited');

  const styled = usesStyle(format);
  const styleInfo = choices.styles?.find((s) => s.id === effectiveStyle);
  const noBibliography = styled && styleInfo !== undefined && !styleInfo.hasBibliography;
  const blocked = scope === null || (format === 'bibliography' && noBibliography);

  const scopeTitle =
    scopeChoice === 'kb'
      ? kb.name
      : scopeChoice === 'tag'
        ? effectiveTag
        : scopeChoice === 'open' || (selection.caseIds.length === 1 && selection.caseIds[0] === selection.openCaseId)
          ? (choices.openCaseTitle ?? 'case')
          : `${selection.caseIds.length} cases`;

  function request(jobId: string, path?: string): ExportRequestInput {
    return {
      jobId,
      format,
      scope: scope ?? { kind: 'kb' },
      sources,
      bibliographyFormat,
      ...(styled && effectiveStyle ? { style: effectiveStyle } : {}),
      ...(styled && locale ? { locale } : {}),
      ...(path ? { path } : {}),
    };
  }

  async function chooseFile() {
    if (blocked || busy) return;
    setError(null);
    setAnnouncement('');
    const name = defaultFileName(scopeTitle, format, bibliographyFormat);
    try {
      const picked = await client.call('dialog.saveFile', {
        title: 'Export',
        defaultName: name,
        extensions: [exportExtension(format, bibliographyFormat).slice(1)],
      });
      if (picked.unsupported) {
        focusNext.current = pathInput;
        setStage({ kind: 'path', path: joinPath(folderOf(kb.path), name) });
      } else if (picked.path) {
        await exportTo(picked.path);
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  async function exportTo(path: string) {
    setError(null);
    try {
      const result = await job.run('Exporting', (jobId) => client.call('export.run', request(jobId, path)));
      focusNext.current = doneButton;
      setStage({ kind: 'done', result, path: result.files[0] ?? path, format });
    } catch (e) {
      focusNext.current = stage.kind === 'path' ? pathInput : exportButton;
      setError(failure(e, 'Nothing was written.'));
    }
  }

  async function copy() {
    if (blocked || busy || !canCopy(format)) return;
    setError(null);
    setAnnouncement('');
    focusNext.current = copyButton;
    try {
      const result = await job.run('Preparing the copy', (jobId) => client.call('export.run', request(jobId)));
      await copyExportResult(result, format, bibliographyFormat);
      setAnnouncement(`Copied to the clipboard: ${describeCounts(result, format)}.`);
    } catch (e) {
      setError(failure(e, 'Nothing was copied.'));
    }
  }

  async function addStyle(file: File) {
    setStyleError(null);
    try {
      const added = await choices.addStyle(file);
      setStyle(added.id);
      setAnnouncement(`Added the style “${added.title}”.`);
    } catch (e) {
      setStyleError(e instanceof Error ? e.message : String(e));
    }
  }

  let body: React.ReactNode;
  let footer: React.ReactNode;
  if (busy && job.running) {
    body = <ImportProgress job={job.running} />;
    footer = (
      // The pressed button has gone: Cancel takes focus, so Escape and Enter keep working.
      <button type="button" autoFocus onClick={() => void job.cancel().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))}>
        Cancel
      </button>
    );
  } else if (stage.kind === 'done') {
    body = <ExportReport result={stage.result} path={stage.path} format={stage.format} />;
    footer = (
      <>
        <button
          type="button"
          onClick={() => {
            focusNext.current = exportButton;
            setStage({ kind: 'form' });
          }}
        >
          Export another
        </button>
        <button ref={doneButton} type="button" className="primary" onClick={onClose}>
          Done
        </button>
      </>
    );
  } else if (stage.kind === 'path') {
    const path = stage.path;
    body = (
      <form
        id={`${ids}-path-form`}
        className="export-path-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim() === '') setError('Type the full path of the file to write.');
          else void exportTo(path.trim());
        }}
      >
        <p className="muted">This window cannot show a save dialog: type where to save the {EXPORT_FORMAT_LABELS[format]} export.</p>
        <div className="form-row">
          <label htmlFor={`${ids}-path`}>Save to (full path)</label>
          <input
            ref={pathInput}
            id={`${ids}-path`}
            value={path}
            spellCheck={false}
            aria-describedby={error ? `${ids}-error` : undefined}
            onChange={(e) => {
              setStage({ kind: 'path', path: e.target.value });
              setError(null);
            }}
          />
        </div>
        {format === 'markdown' && <p className="muted">The bibliography (.json) and the style (.csl) are written beside it.</p>}
      </form>
    );
    footer = (
      <>
        <button
          type="button"
          onClick={() => {
            focusNext.current = exportButton;
            setError(null);
            setStage({ kind: 'form' });
          }}
        >
          Back
        </button>
        <button type="submit" form={`${ids}-path-form`} className="primary">
          Save
        </button>
      </>
    );
  } else {
    body = (
      <>
        <form
          id={`${ids}-form`}
          className="export-form"
          onSubmit={(e) => {
            e.preventDefault();
            void chooseFile();
          }}
          onKeyDown={(e) => {
            // Enter on a radio button or checkbox exports too, as in a native dialog.
            const target = e.target as HTMLElement;
            if (e.key !== 'Enter' || e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey || e.shiftKey) return;
            if (target instanceof HTMLInputElement && (target.type === 'radio' || target.type === 'checkbox')) {
              e.preventDefault();
              void chooseFile();
            }
          }}
        >
          <div className="export-columns">
            <div>
              <fieldset className="export-group">
                <legend>What</legend>
                <label>
                  <input
                    type="radio"
                    name={`${ids}-scope`}
                    value="selection"
                    checked={scopeChoice === 'selection'}
                    disabled={selection.caseIds.length === 0}
                    onChange={() => setScopeChoice('selection')}
                    data-autofocus={scopeChoice === 'selection' ? true : undefined}
                  />
                  Selected cases ({selection.caseIds.length.toLocaleString('en-US')})
                </label>
                <label>
                  <input
                    type="radio"
                    name={`${ids}-scope`}
                    value="open"
                    checked={scopeChoice === 'open'}
                    disabled={!selection.openCaseId}
                    onChange={() => setScopeChoice('open')}
                    data-autofocus={scopeChoice === 'open' ? true : undefined}
                  />
                  {selection.openCaseId ? `The open case: ${choices.openCaseTitle ?? '…'}` : 'The open case (none is open)'}
                </label>
                <div className="export-tag-row">
                  <label>
                    <input
                      type="radio"
                      name={`${ids}-scope`}
                      value="tag"
                      checked={scopeChoice === 'tag'}
                      disabled={choices.tags.length === 0}
                      onChange={() => setScopeChoice('tag')}
                    />
                    Cases tagged
                  </label>
                  <select
                    aria-label="Tag"
                    value={effectiveTag}
                    disabled={choices.tags.length === 0}
                    onChange={(e) => {
                      setTag(e.target.value);
                      setScopeChoice('tag');
                    }}
                  >
                    {choices.tags.length === 0 && <option value="">No tags yet</option>}
                    {choices.tags.map((t) => (
                      <option key={t.name} value={t.name}>
                        {t.name} ({t.count.toLocaleString('en-US')})
                      </option>
                    ))}
                  </select>
                </div>
                <label>
                  <input
                    type="radio"
                    name={`${ids}-scope`}
                    value="kb"
                    checked={scopeChoice === 'kb'}
                    onChange={() => setScopeChoice('kb')}
                    data-autofocus={scopeChoice === 'kb' ? true : undefined}
                  />
                  The whole knowledge base
                </label>
              </fieldset>
              <fieldset className="export-group">
                <legend>Sources</legend>
                <label>
                  <input type="radio" name={`${ids}-sources`} value="cited" checked={sources === 'cited'} onChange={() => setSourcesChoice('cited')} />
                  {scopeChoice === 'kb' ? 'Only sources cited in a case' : 'Sources cited in these cases'}
                </label>
                <label>
                  <input type="radio" name={`${ids}-sources`} value="all" checked={sources === 'all'} onChange={() => setSourcesChoice('all')} />
                  All sources in the knowledge base
                </label>
              </fieldset>
            </div>
            <fieldset className="export-group">
              <legend>Format</legend>
              {EXPORT_FORMATS.map((f) => (
                <div key={f}>
                  <label>
                    <input type="radio" name={`${ids}-format`} value={f} checked={format === f} onChange={() => setFormat(f)} />
                    {EXPORT_FORMAT_LABELS[f]}
                  </label>
                  {f === 'bibliography' && format === 'bibliography' && (
                    <div role="radiogroup" aria-label="Bibliography as" className="export-subchoice">
                      {BIBLIOGRAPHY_FORMATS.map((b) => (
                        <label key={b}>
                          <input
                            type="radio"
                            name={`${ids}-bibliography`}
                            value={b}
                            checked={bibliographyFormat === b}
                            onChange={() => setBibliographyFormat(b)}
                          />
                          {BIBLIOGRAPHY_FORMAT_LABELS[b]}
                        </label>
                      ))}
                    </div>
                  )}
                </div>
              ))}
            </fieldset>
          </div>
          <div className="export-style-row">
            <StylePicker
              styles={choices.styles}
              value={effectiveStyle ?? ''}
              onChange={setStyle}
              disabled={!styled}
              disabledReason="BibTeX, BibLaTeX, RIS and CSL-JSON carry the sources as data: no style applies."
            />
            <div className="form-row">
              <label htmlFor={`${ids}-locale`}>Locale</label>
              <select id={`${ids}-locale`} value={locale} disabled={!styled} onChange={(e) => setLocale(e.target.value)}>
                {EXPORT_LOCALES.map((l) => (
                  <option key={l.value} value={l.value}>
                    {l.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {noBibliography && styleInfo && (
            <p className="export-note" role="note">
              {format === 'bibliography'
                ? `${plainStyleTitle(styleInfo.title)} has no bibliography: choose another style to export one.`
                : `${plainStyleTitle(styleInfo.title)} has no bibliography; the dossier will have footnotes only.`}
            </p>
          )}
          <div className="export-add-style">
            <input
              ref={styleFile}
              type="file"
              accept=".csl,.xml"
              className="visually-hidden"
              tabIndex={-1}
              aria-label="Style file (.csl)"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void addStyle(file);
              }}
            />
            <button type="button" disabled={kb.readOnly} onClick={() => styleFile.current?.click()} title={kb.readOnly ? 'This knowledge base is read-only.' : undefined}>
              Add style from .csl file…
            </button>
            {styleError && (
              <p className="field-error" role="alert">
                {styleError}
              </p>
            )}
          </div>
        </form>
        <AutoExportSection kbName={kb.name} kbFolder={folderOf(kb.path)} announce={setAnnouncement} />
      </>
    );
    footer = (
      <>
        <button type="button" onClick={onClose}>
          Close
        </button>
        {canCopy(format) && (
          <button ref={copyButton} type="button" disabled={blocked} onClick={() => void copy()}>
            Copy
          </button>
        )}
        <button ref={exportButton} type="submit" form={`${ids}-form`} className="primary" disabled={blocked}>
          Export…
        </button>
      </>
    );
  }

  return (
    <Dialog title="Export" wide onClose={() => (busy ? void job.cancel().catch(() => undefined) : onClose())} footer={footer}>
      {body}
      {(error ?? choices.error) && (
        <p id={`${ids}-error`} className="field-error" role="alert">
          {error ?? choices.error}
        </p>
      )}
      <p className="export-announcement" role="status" aria-live="polite">
        {announcement}
      </p>
    </Dialog>
  );
}

/** What an export wrote: where, how much, and anything worth knowing about it. */
function ExportReport({ result, path, format }: { result: ExportResult; path: string; format: ExportFormat }) {
  const others = result.files.filter((f) => f !== path);
  return (
    <div className="export-report">
      <p role="status">
        Saved to <code className="export-path">{path}</code>
      </p>
      <p>{describeCounts(result, format)}.</p>
      {others.length > 0 && (
        <p>
          Beside it: {others.map(fileNameOf).join(', ')}.
        </p>
      )}
      {result.warnings.length > 0 && (
        <section aria-label="Warnings">
          <h3>Warnings</h3>
          <ul className="export-warnings">
            {result.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
