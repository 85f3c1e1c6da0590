import { useId, useState } from 'react';
import type { CopyResult, CopyScope } from '../../../../common/domain/sharing';
import { useClient } from '../../app/PlatformContext';
import { Dialog } from '../../ui/Dialog';
import { fileNameOf, folderOf, joinPath } from '../export/exportChoices';
import { ImportProgress } from '../import/ImportProgress';
import { useImportJob } from '../import/useImportJob';
import { defaultCopyName, describeCopyResult, errorText, isAlreadyExists, jobFailure, plural, withKbExtension } from './shareText';
import { useNativeDialogs } from './useNativeDialogs';
import '../import/import.css';
import '../export/export.css';
import './share.css';

export type CopyPurpose = 'copy' | 'colleague';

interface SaveCopyDialogProps {
  kb: { name: string; path: string; counts: { cases: number; sources: number } };
  /** "Save a Copy…" keeps the whole file by default; "Export for a Colleague…" the selected cases. */
  purpose: CopyPurpose;
  /** The cases selected in the Cases view when the dialog opened (empty from elsewhere). */
  caseIds: string[];
  onClose(): void;
}

type Stage =
  | { kind: 'form' }
  /** The typed file exists: replace it, or go back and type another. */
  | { kind: 'overwrite'; path: string }
  | { kind: 'done'; result: CopyResult };

export const COPY_TITLES: Record<CopyPurpose, string> = { copy: 'Save a Copy', colleague: 'Export for a Colleague' };

/**
 * File ▸ Save a Copy… and File ▸ Export for a Colleague…: a consistent snapshot of the open
 * knowledge base (all of it, or the selected cases with the sources they cite), written and
 * checked with quick_check in the job process, with progress and Cancel. The file to write comes
 * from the host's save dialog, or is typed where there is none (the browser host).
 */
export function SaveCopyDialog({ kb, purpose, caseIds, onClose }: SaveCopyDialogProps) {
  const client = useClient();
  const job = useImportJob();
  const native = useNativeDialogs();
  const ids = useId();
  const [stage, setStage] = useState<Stage>({ kind: 'form' });
  const [scopeChoice, setScopeChoice] = useState<'all' | 'cases'>(purpose === 'colleague' && caseIds.length > 0 ? 'cases' : 'all');
  const [path, setPath] = useState(() => joinPath(folderOf(kb.path), defaultCopyName(kb.name, purpose)));
  const [error, setError] = useState<string | null>(null);
  const busy = job.running !== null;
  const title = COPY_TITLES[purpose];

  const scope: CopyScope = scopeChoice === 'cases' && caseIds.length > 0 ? { kind: 'cases', caseIds } : { kind: 'all' };

  async function save(target: string, overwrite: boolean) {
    setError(null);
    try {
      const result = await job.run('Saving the copy', (jobId) => client.call('kb.saveCopy', { jobId, path: target, scope, overwrite }));
      setStage({ kind: 'done', result });
    } catch (e) {
      if (!overwrite && isAlreadyExists(e)) {
        setStage({ kind: 'overwrite', path: target });
        return;
      }
      setStage({ kind: 'form' });
      setError(jobFailure(e, 'Nothing was written.'));
    }
  }

  async function submit() {
    if (busy || native === null) return;
    setError(null);
    if (!native) {
      if (path.trim() === '') {
        setError('Type the full path of the file to write.');
        return;
      }
      await save(withKbExtension(path), false);
      return;
    }
    try {
      const picked = await client.call('dialog.saveFile', { title, defaultName: defaultCopyName(kb.name, purpose), extensions: ['casebook'] });
      // The native save dialog has already asked before replacing a file.
      if (picked.path) await save(picked.path, true);
    } catch (e) {
      setError(errorText(e));
    }
  }

  let body: React.ReactNode;
  let footer: React.ReactNode;
  if (job.running) {
    body = <ImportProgress job={job.running} />;
    footer = (
      <button type="button" autoFocus onClick={() => void job.cancel().catch((e: unknown) => setError(errorText(e)))}>
        Cancel
      </button>
    );
  } else if (stage.kind === 'done') {
    body = (
      <div className="share-report">
        <p role="status">
          Saved to <code className="export-path">{stage.result.path}</code>
        </p>
        <p>{describeCopyResult(stage.result)}.</p>
        {purpose === 'colleague' && (
          <p className="muted">Send this file to your colleague. They can open it, or bring it into their own knowledge base with File ▸ Merge from File…; their changes come back to you the same way.</p>
        )}
      </div>
    );
    footer = (
      <button type="button" className="primary" autoFocus onClick={onClose}>
        Done
      </button>
    );
  } else if (stage.kind === 'overwrite') {
    const target = stage.path;
    body = (
      <div className="share-confirm">
        <p id={`${ids}-overwrite`} role="status">
          “{fileNameOf(target)}” already exists in <code className="export-path">{folderOf(target) || '.'}</code>. Replace it with the copy?
        </p>
        <p className="muted">The file there now is overwritten; your open knowledge base is not changed either way.</p>
      </div>
    );
    footer = (
      <>
        <button type="button" autoFocus onClick={() => setStage({ kind: 'form' })}>
          Back
        </button>
        <button type="button" className="danger" aria-describedby={`${ids}-overwrite`} onClick={() => void save(target, true)}>
          Replace
        </button>
      </>
    );
  } else {
    body = (
      <form
        id={`${ids}-form`}
        className="share-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="muted">
          {purpose === 'colleague'
            ? 'A knowledge base file of its own for a colleague: they open it or merge it into theirs, and their changes can be merged back into yours later.'
            : 'A complete knowledge base file of its own, written from a consistent snapshot and checked before it is reported done. Changes made in it can be merged back later.'}
        </p>
        <fieldset className="export-group">
          <legend>What</legend>
          <label>
            <input
              type="radio"
              name={`${ids}-scope`}
              value="all"
              checked={scopeChoice === 'all'}
              onChange={() => setScopeChoice('all')}
              data-autofocus={scopeChoice === 'all' ? true : undefined}
            />
            The whole knowledge base ({plural(kb.counts.cases, 'case')}, {plural(kb.counts.sources, 'source')})
          </label>
          <label>
            <input
              type="radio"
              name={`${ids}-scope`}
              value="cases"
              checked={scopeChoice === 'cases'}
              disabled={caseIds.length === 0}
              onChange={() => setScopeChoice('cases')}
              data-autofocus={scopeChoice === 'cases' ? true : undefined}
            />
            {caseIds.length === 0 ? 'Selected cases (none is selected)' : `Selected cases (${caseIds.length.toLocaleString('en-US')}) with the sources they cite`}
          </label>
        </fieldset>
        {native === false && (
          <div className="form-row export-path-form">
            <label htmlFor={`${ids}-path`}>Save to (full path)</label>
            <input
              id={`${ids}-path`}
              value={path}
              spellCheck={false}
              aria-describedby={`${ids}-path-help${error ? ` ${ids}-error` : ''}`}
              onChange={(e) => {
                setPath(e.target.value);
                setError(null);
              }}
            />
            <p id={`${ids}-path-help`} className="muted">
              This window cannot show a save dialog: type where to write the copy (.casebook is added if missing).
            </p>
          </div>
        )}
      </form>
    );
    footer = (
      <>
        <button type="button" onClick={onClose}>
          Close
        </button>
        <button type="submit" form={`${ids}-form`} className="primary" disabled={native === null}>
          {native ? 'Save…' : 'Save'}
        </button>
      </>
    );
  }

  return (
    <Dialog title={title} onClose={() => (busy ? void job.cancel().catch(() => undefined) : onClose())} footer={footer}>
      {body}
      {error && (
        <p id={`${ids}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
