import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ImportFormat, ImportPreview, ImportReport, OnDuplicate } from '../../../../common/domain/sources';
import { ApiError } from '../../../../common/ipc/client';
import { useClient } from '../../app/PlatformContext';
import { Dialog } from '../../ui/Dialog';
import { typeLabel } from '../sources/SourcesTable';
import { describeProblem, duplicateReason, formatForFileName, IMPORT_EXTENSIONS, MAX_IMPORT_BYTES } from './importFiles';
import { ImportProgress } from './ImportProgress';
import { useImportJob } from './useImportJob';
import './import.css';

interface ImportDialogProps {
  /** A file dropped on the window (a new object per drop): previewed at once. */
  dropped?: { file?: File };
  onClose(): void;
  /** After a commit wrote something, so the sources table refreshes. */
  onImported(report: ImportReport): void;
}

type Stage = { kind: 'choose' } | { kind: 'preview'; preview: ImportPreview; source: string } | { kind: 'report'; report: ImportReport };

const ENTRY_LIMIT = 500;

const CHOICES: { value: OnDuplicate; label: string }[] = [
  { value: 'skip', label: 'Skip' },
  { value: 'merge', label: 'Merge' },
  { value: 'keep', label: 'Keep both' },
];

/** "Imported 12, merged 1, skipped 2". */
export function reportSummary(report: ImportReport): string {
  return `Imported ${report.imported.toLocaleString('en-US')}, merged ${report.merged.toLocaleString('en-US')}, skipped ${report.skipped.toLocaleString('en-US')}`;
}

/**
 * Import sources from a BibTeX, RIS or CSL-JSON file (picked, dropped, or pasted): the job
 * process parses it with progress and Cancel, the preview shows every entry, each duplicate
 * with a choice and each problem with its line, and Import writes the lot in one transaction.
 */
export function ImportDialog({ dropped, onClose, onImported }: ImportDialogProps) {
  const client = useClient();
  const job = useImportJob();
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [tab, setTab] = useState<'file' | 'paste'>('file');
  const [error, setError] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const [pastedFormat, setPastedFormat] = useState<ImportFormat | ''>('');
  const [onDuplicate, setOnDuplicate] = useState<OnDuplicate>('skip');
  const [decisions, setDecisions] = useState<Record<string, OnDuplicate>>({});
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = useId();
  const handledDrop = useRef<{ file?: File } | undefined>(undefined);

  async function preview(text: string, fileName: string, format: ImportFormat | undefined, source: string) {
    setError(null);
    if (text.trim() === '') {
      setError(fileName ? `${fileName} is empty: there is nothing to import.` : 'Paste some BibTeX, RIS or CSL-JSON first.');
      return;
    }
    try {
      const result = await job.run('Reading the entries', (jobId) => client.call('import.preview', { jobId, text, fileName, ...(format ? { format } : {}) }));
      setDecisions({});
      setOnDuplicate('skip');
      setStage({ kind: 'preview', preview: result, source });
    } catch (e) {
      setError(failure(e, 'Nothing was imported.'));
    }
  }

  async function previewFile(file: File) {
    setError(null);
    if (!formatForFileName(file.name)) {
      setError(`“${file.name}” is not a file Casebook imports: choose a ${IMPORT_EXTENSIONS.join(', ')} file.`);
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      setError(`“${file.name}” is larger than 50 MB; split it into smaller files.`);
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      setError(`Could not read “${file.name}”: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    await preview(text, file.name, formatForFileName(file.name), file.name);
  }

  const busyRef = useRef(false);
  busyRef.current = job.running !== null;
  useEffect(() => {
    if (!dropped?.file || handledDrop.current === dropped) return;
    handledDrop.current = dropped;
    if (busyRef.current) setError(`“${dropped.file.name}” was not opened: wait for this step to finish, or cancel it, then drop it again.`);
    else void previewFile(dropped.file);
    // Each drop once; previewFile reads the latest state.
  }, [dropped]);

  async function commit(p: ImportPreview) {
    setError(null);
    try {
      const report = await job.run('Importing', (jobId) => client.call('import.commit', { jobId, previewId: p.previewId, onDuplicate, decisions }));
      setStage({ kind: 'report', report });
      onImported(report);
    } catch (e) {
      setError(failure(e, 'Nothing was imported; the knowledge base is as it was.'));
    }
  }

  const busy = job.running !== null;
  const title = 'Import sources';

  let body: React.ReactNode;
  let footer: React.ReactNode;
  if (busy && job.running) {
    body = <ImportProgress job={job.running} />;
    footer = (
      <button type="button" onClick={() => void job.cancel().catch((e: unknown) => setError(failure(e, '')))}>
        Cancel
      </button>
    );
  } else if (stage.kind === 'preview') {
    body = (
      <PreviewView
        preview={stage.preview}
        source={stage.source}
        onDuplicate={onDuplicate}
        onDefaultChange={(v) => {
          setOnDuplicate(v);
          setDecisions({});
        }}
        decisions={decisions}
        onDecision={(index, v) => setDecisions((d) => ({ ...d, [String(index)]: v }))}
      />
    );
    const importable = stage.preview.entries.length;
    footer = (
      <>
        <button type="button" onClick={() => setStage({ kind: 'choose' })}>
          Back
        </button>
        <button type="button" className="primary" disabled={importable === 0} onClick={() => void commit(stage.preview)}>
          Import
        </button>
      </>
    );
  } else if (stage.kind === 'report') {
    body = <ReportView report={stage.report} />;
    footer = (
      <button type="button" className="primary" onClick={onClose} data-autofocus>
        Done
      </button>
    );
  } else {
    body = (
      <>
        <div
          role="tablist"
          aria-label="Import from"
          className="import-tabs"
          onKeyDown={(e) => {
            // Arrow keys move between tabs, as in any tab list.
            if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
            e.preventDefault();
            const next = tab === 'file' ? 'paste' : 'file';
            setTab(next);
            document.getElementById(`${ids}-tab-${next}`)?.focus();
          }}
        >
          <button
            type="button"
            role="tab"
            id={`${ids}-tab-file`}
            aria-controls={`${ids}-panel-file`}
            aria-selected={tab === 'file'}
            tabIndex={tab === 'file' ? 0 : -1}
            onClick={() => setTab('file')}
          >
            File
          </button>
          <button
            type="button"
            role="tab"
            id={`${ids}-tab-paste`}
            aria-controls={`${ids}-panel-paste`}
            aria-selected={tab === 'paste'}
            tabIndex={tab === 'paste' ? 0 : -1}
            onClick={() => setTab('paste')}
          >
            Paste
          </button>
        </div>
        {tab === 'file' ? (
          <div role="tabpanel" id={`${ids}-panel-file`} aria-labelledby={`${ids}-tab-file`} className="import-panel">
            <p>Choose a BibTeX (.bib, .bibtex), RIS (.ris) or CSL-JSON (.json) file — or drop one anywhere on the window.</p>
            <input
              ref={fileInput}
              type="file"
              accept={IMPORT_EXTENSIONS.join(',')}
              className="visually-hidden"
              tabIndex={-1}
              aria-label="Choose file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void previewFile(file);
              }}
            />
            <button type="button" className="primary" data-autofocus onClick={() => fileInput.current?.click()}>
              Choose file…
            </button>
          </div>
        ) : (
          <div role="tabpanel" id={`${ids}-panel-paste`} aria-labelledby={`${ids}-tab-paste`} className="import-panel">
            <div className="form-row">
              <label htmlFor={`${ids}-paste`}>BibTeX, RIS or CSL-JSON</label>
              <textarea id={`${ids}-paste`} rows={10} value={pasted} onChange={(e) => setPasted(e.target.value)} spellCheck={false} />
            </div>
            <div className="form-row form-row-inline">
              <label htmlFor={`${ids}-format`}>Format</label>
              <select id={`${ids}-format`} value={pastedFormat} onChange={(e) => setPastedFormat(e.target.value as ImportFormat | '')}>
                <option value="">Detect</option>
                <option value="bibtex">BibTeX</option>
                <option value="biblatex">BibLaTeX</option>
                <option value="ris">RIS</option>
                <option value="csl-json">CSL-JSON</option>
              </select>
              <button type="button" className="primary" onClick={() => void preview(pasted, '', pastedFormat || undefined, 'pasted text')}>
                Preview
              </button>
            </div>
          </div>
        )}
      </>
    );
    footer = (
      <button type="button" onClick={onClose}>
        Cancel
      </button>
    );
  }

  return (
    <Dialog title={title} wide onClose={() => (busy ? void job.cancel().catch(() => undefined) : onClose())} footer={footer}>
      {body}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}

/** A failed job in words: cancellation is not an error, and says what is safe. */
function failure(e: unknown, safe: string): string {
  if (e instanceof ApiError && e.code === 'CANCELLED') return `Cancelled. ${safe}`.trim();
  const message = e instanceof Error ? e.message : String(e);
  return safe ? `${message} ${safe}` : message;
}

interface PreviewViewProps {
  preview: ImportPreview;
  source: string;
  onDuplicate: OnDuplicate;
  onDefaultChange(value: OnDuplicate): void;
  decisions: Record<string, OnDuplicate>;
  onDecision(index: number, value: OnDuplicate): void;
}

function PreviewView({ preview, source, onDuplicate, onDefaultChange, decisions, onDecision }: PreviewViewProps) {
  const ids = useId();
  const duplicates = useMemo(() => preview.entries.filter((e) => e.duplicateOf), [preview]);
  const counts = [
    ['Entries', preview.entries.length],
    ['New', preview.entries.length - duplicates.length],
    ['Duplicates', duplicates.length],
    ['Errors', preview.errors.length],
  ] as const;

  return (
    <div className="import-preview">
      <p className="muted">
        From {source} ({preview.format}).
      </p>
      <dl className="import-counts" aria-label="Import summary">
        {counts.map(([label, n]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{n.toLocaleString('en-US')}</dd>
          </div>
        ))}
      </dl>
      {preview.errors.length > 0 && (
        <section aria-labelledby={`${ids}-problems`}>
          <h3 id={`${ids}-problems`}>Problems (these entries will not be imported)</h3>
          <ul className="import-problems">
            {preview.errors.map((p, i) => (
              <li key={i}>{describeProblem(p)}</li>
            ))}
          </ul>
        </section>
      )}
      {duplicates.length > 0 && (
        <section aria-labelledby={`${ids}-duplicates`}>
          <h3 id={`${ids}-duplicates`}>Duplicates</h3>
          <div className="form-row form-row-inline">
            <label htmlFor={`${ids}-default`}>For every duplicate</label>
            <select id={`${ids}-default`} value={onDuplicate} onChange={(e) => onDefaultChange(e.target.value as OnDuplicate)}>
              {CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
          <ul className="import-duplicates">
            {duplicates.map((entry) => {
              const dup = entry.duplicateOf;
              if (!dup) return null;
              return (
                <li key={entry.index}>
                  <span>
                    <code>{entry.key}</code> (line {entry.line}) duplicates <code>{dup.citekey}</code> “{dup.title}” — {duplicateReason(dup.reason)}
                  </span>{' '}
                  <select
                    aria-label={`What to do with ${entry.key}`}
                    value={decisions[String(entry.index)] ?? onDuplicate}
                    onChange={(e) => onDecision(entry.index, e.target.value as OnDuplicate)}
                  >
                    {CHOICES.map((c) => (
                      <option key={c.value} value={c.value}>
                        {c.label}
                      </option>
                    ))}
                  </select>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <section aria-labelledby={`${ids}-entries`}>
        <h3 id={`${ids}-entries`}>Entries</h3>
        {preview.entries.length === 0 ? (
          <p>No entries could be read{preview.errors.length > 0 ? ' — see the problems above' : ''}.</p>
        ) : (
          <div className="import-entries-scroll">
            <table className="import-entries" aria-labelledby={`${ids}-entries`}>
              <thead>
                <tr>
                  <th scope="col">Type</th>
                  <th scope="col">Authors</th>
                  <th scope="col">Year</th>
                  <th scope="col">Title</th>
                  <th scope="col">Citekey</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {preview.entries.slice(0, ENTRY_LIMIT).map((e) => (
                  <tr key={e.index}>
                    <td>{typeLabel(e.type)}</td>
                    <td>{e.authors}</td>
                    <td>{e.year ?? ''}</td>
                    <td>{e.title}</td>
                    <td>
                      <code>{e.key}</code>
                    </td>
                    <td>{e.duplicateOf ? `Duplicate of ${e.duplicateOf.citekey}` : 'New'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {preview.entries.length > ENTRY_LIMIT && (
              <p className="muted">…and {(preview.entries.length - ENTRY_LIMIT).toLocaleString('en-US')} more entries.</p>
            )}
          </div>
        )}
      </section>
    </div>
  );
}

function ReportView({ report }: { report: ImportReport }) {
  return (
    <div className="import-report">
      <p role="status">{reportSummary(report)}.</p>
      {report.errors.length > 0 && (
        <>
          <p>These entries were not imported:</p>
          <ul className="import-problems">
            {report.errors.map((p, i) => (
              <li key={i}>{describeProblem(p)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
