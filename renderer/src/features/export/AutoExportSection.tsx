import { useEffect, useId, useRef, useState } from 'react';
import { AutoExportFormat, exportExtension, type AutoExportSetting } from '../../../../common/domain/exports';
import { useClient } from '../../app/PlatformContext';
import { AUTO_EXPORT_FORMAT_LABELS, fileNameOf, joinPath, safeFileName } from './exportChoices';

interface AutoExportSectionProps {
  /** The knowledge base's name and folder, for the suggested file. */
  kbName: string;
  kbFolder: string;
  /** Announces a change in the dialog's live region. */
  announce(message: string): void;
}

/**
 * "Keep a .bib/.json file in sync": the file (BibTeX, BibLaTeX or CSL-JSON of every source) that
 * the app rewrites a moment after sources change, for LaTeX or Pandoc projects that read it.
 * Setting it writes the file once at once, so a wrong folder is reported here.
 */
export function AutoExportSection({ kbName, kbFolder, announce }: AutoExportSectionProps) {
  const client = useClient();
  const ids = useId();
  const [setting, setSetting] = useState<AutoExportSetting | undefined>(undefined);
  const [format, setFormat] = useState<AutoExportFormat>('bibtex');
  /** The typed path, where the host has no save dialog; null until it says so. */
  const [typedPath, setTypedPath] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pathRef = useRef<HTMLInputElement>(null);
  const stopRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  /** After a change the pressed button is gone: focus moves to the one that replaced it. */
  const [focusAfter, setFocusAfter] = useState(0);

  useEffect(() => {
    if (focusAfter > 0) (stopRef.current ?? startRef.current)?.focus();
  }, [focusAfter]);

  useEffect(() => {
    let live = true;
    client.call('autoExport.get', {}).then(
      (s) => live && setSetting(s),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [client]);

  const suggested = `${safeFileName(kbName)}${exportExtension(format)}`;

  async function save(next: AutoExportSetting) {
    setBusy(true);
    setError(null);
    try {
      const saved = await client.call('autoExport.set', { setting: next });
      setSetting(saved);
      setTypedPath(null);
      setFocusAfter((n) => n + 1);
      announce(saved ? `Keeping ${fileNameOf(saved.path)} in sync with the sources.` : 'No file is kept in sync any more.');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  async function choose() {
    setError(null);
    try {
      const picked = await client.call('dialog.saveFile', {
        title: 'Keep a file in sync',
        defaultName: suggested,
        extensions: [exportExtension(format).slice(1)],
      });
      if (picked.unsupported) {
        setTypedPath(joinPath(kbFolder, suggested));
        window.setTimeout(() => pathRef.current?.focus(), 0);
      } else if (picked.path) {
        await save({ path: picked.path, format });
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <section className="export-sync" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Keep a .bib or .json file in sync</h3>
      {setting === undefined ? (
        <p className="muted">{error ? '' : 'Loading…'}</p>
      ) : setting ? (
        <div className="export-sync-current">
          <p>
            Every source is written to <code className="export-path">{setting.path}</code> ({AUTO_EXPORT_FORMAT_LABELS[setting.format]}) a moment after a
            change.
          </p>
          <button ref={stopRef} type="button" disabled={busy} onClick={() => void save(null)}>
            Stop keeping in sync
          </button>
        </div>
      ) : (
        <form
          className="export-sync-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (typedPath === null) {
              void choose();
              return;
            }
            const path = typedPath.trim();
            if (path === '') setError('Type the full path of the file to keep in sync.');
            else void save({ path, format });
          }}
        >
          <p className="muted">For LaTeX or Pandoc: a file of every source, rewritten a moment after sources change.</p>
          <div className="export-sync-row">
            <label htmlFor={`${ids}-format`}>Sync format</label>
            <select id={`${ids}-format`} value={format} disabled={busy} onChange={(e) => setFormat(e.target.value as AutoExportFormat)}>
              {AutoExportFormat.options.map((f) => (
                <option key={f} value={f}>
                  {AUTO_EXPORT_FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
            {typedPath === null && (
              <button ref={startRef} type="submit" disabled={busy}>
                {busy ? 'Writing…' : 'Keep in sync…'}
              </button>
            )}
          </div>
          {typedPath !== null && (
            <div className="form-row">
              <label htmlFor={`${ids}-path`}>Sync file (full path)</label>
              <input
                ref={pathRef}
                id={`${ids}-path`}
                value={typedPath}
                spellCheck={false}
                disabled={busy}
                onChange={(e) => {
                  setTypedPath(e.target.value);
                  setError(null);
                }}
              />
            </div>
          )}
          {typedPath !== null && (
            <button ref={startRef} type="submit" disabled={busy}>
              {busy ? 'Writing…' : 'Keep in sync'}
            </button>
          )}
        </form>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
