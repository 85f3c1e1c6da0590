import { useId, useState } from 'react';
import type { MergeHistoryEntry, MergeReport, UndoMergeResult } from '../../../../common/domain/sharing';
import { useClient } from '../../app/PlatformContext';
import { Dialog } from '../../ui/Dialog';
import { ImportProgress } from '../import/ImportProgress';
import { useImportJob } from '../import/useImportJob';
import { MergeReportView } from './MergeReportView';
import { describeUndo, errorText, formatWhen, jobFailure, readOnlyText, summarizeMerge, undoableMerge } from './shareText';
import { useMergeHistory } from './useMergeHistory';
import { useNativeDialogs } from './useNativeDialogs';
import '../import/import.css';
import '../export/export.css';
import './share.css';

interface MergeDialogProps {
  kb: { name: string; readOnly: boolean; readOnlyReason: string | null };
  onClose(): void;
  /** Records changed (a merge or an undo): the views reload. */
  onChanged(): void;
  /** Closes this dialog and opens the conflict review. */
  onReviewConflicts(): void;
  /** The colleague's file, when it was dropped on the window (Electron knows its path). */
  initialPath?: string | undefined;
}

/** A merge to undo, as the confirmation names it. */
interface UndoTarget {
  mergeId: string;
  peerName: string;
  finishedAt: string | null;
}

type Stage =
  | { kind: 'form' }
  | { kind: 'report'; report: MergeReport }
  | { kind: 'confirm-undo'; target: UndoTarget; back: Stage }
  | { kind: 'undone'; target: UndoTarget; result: UndoMergeResult };

/*
 * A merge needs the colleague's file by path (the backend copies it aside and checks it). In
 * Electron a `.casebook` dropped on the window opens this dialog with its path (the preload's
 * webUtils.getPathForFile); the browser never reveals paths, so there it is typed.
 */

/**
 * File ▸ Merge from File… (Ctrl+Shift+M): explains what will happen, merges a colleague's file
 * in the job process with progress and Cancel, then reports what changed, the conflicts waiting,
 * and the backup taken first, with Undo. Earlier merges are listed below, the newest one undoable.
 */
export function MergeDialog({ kb, onClose, onChanged, onReviewConflicts, initialPath }: MergeDialogProps) {
  const client = useClient();
  const job = useImportJob();
  const native = useNativeDialogs();
  const history = useMergeHistory();
  const ids = useId();
  const [stage, setStage] = useState<Stage>({ kind: 'form' });
  const [file, setFile] = useState(initialPath ?? '');
  const [error, setError] = useState<string | null>(null);
  const [undoing, setUndoing] = useState(false);
  const busy = job.running !== null || undoing;
  const readOnlyId = `${ids}-read-only`;
  const readOnlyProps = kb.readOnly ? { title: readOnlyText(kb), 'aria-describedby': readOnlyId } : {};

  async function chooseFile() {
    setError(null);
    try {
      const picked = await client.call('dialog.openKb', {});
      if (picked.path) setFile(picked.path);
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function merge() {
    if (busy || kb.readOnly) return;
    const path = file.trim();
    if (path === '') {
      setError(native ? 'Choose your colleague’s file first.' : 'Type the full path of your colleague’s .casebook file.');
      return;
    }
    setError(null);
    try {
      const report = await job.run('Merging', (jobId) => client.call('merge.run', { jobId, path }));
      setStage({ kind: 'report', report });
      if (report.mergeId !== null) onChanged();
      void history.reload();
    } catch (e) {
      setError(jobFailure(e, 'Nothing was merged: your knowledge base is as it was, and their file was not touched.'));
    }
  }

  async function undo(target: UndoTarget) {
    if (busy || kb.readOnly) return;
    setError(null);
    setUndoing(true);
    try {
      const result = await client.call('merge.undo', { mergeId: target.mergeId });
      setStage({ kind: 'undone', target, result });
      onChanged();
    } catch (e) {
      setError(`${errorText(e)} Nothing was undone.`);
    } finally {
      setUndoing(false);
      void history.reload();
    }
  }

  const newest = history.history ? undoableMerge(history.history) : null;

  let body: React.ReactNode;
  let footer: React.ReactNode;
  if (job.running) {
    body = (
      <>
        <ImportProgress job={job.running} />
        <p className="muted">Their file is not changed. If you cancel, nothing is merged.</p>
      </>
    );
    footer = (
      <button type="button" autoFocus onClick={() => void job.cancel().catch((e: unknown) => setError(errorText(e)))}>
        Cancel
      </button>
    );
  } else if (stage.kind === 'report') {
    const { report } = stage;
    // A merge just run is the newest, even before the history has reloaded to list it.
    const entry = history.history?.find((h) => h.id === report.mergeId);
    const canUndo = report.mergeId !== null && (entry ? entry.undoneAt === null && newest?.id === entry.id : true);
    body = <MergeReportView report={report} />;
    footer = (
      <>
        {canUndo && report.mergeId && (
          <button
            type="button"
            disabled={kb.readOnly}
            {...readOnlyProps}
            onClick={() => report.mergeId && setStage({ kind: 'confirm-undo', target: { mergeId: report.mergeId, peerName: report.peerName, finishedAt: null }, back: stage })}
          >
            Undo merge…
          </button>
        )}
        {report.conflicts.length > 0 && (
          <button type="button" onClick={onReviewConflicts}>
            Review conflicts ({report.conflicts.length.toLocaleString('en-US')})
          </button>
        )}
        <button type="button" className="primary" autoFocus onClick={onClose}>
          Done
        </button>
      </>
    );
  } else if (stage.kind === 'confirm-undo') {
    const { target, back } = stage;
    body = (
      <div className="share-confirm">
        <p id={`${ids}-undo-question`} role="status">
          Undo the merge from {target.peerName}
          {target.finishedAt ? ` (${formatWhen(target.finishedAt)})` : ''}?
        </p>
        <p>Records the merge added, changed or deleted go back to what they were before it. Records changed again since the merge, and conflicts you have resolved, are kept as they are now; conflicts still waiting for review are dropped.</p>
        <p className="muted">Their file is not affected; you can merge it again later.</p>
      </div>
    );
    footer = (
      <>
        <button type="button" autoFocus disabled={undoing} onClick={() => setStage(back)}>
          Cancel
        </button>
        <button type="button" className="danger" disabled={undoing || kb.readOnly} aria-describedby={`${ids}-undo-question`} onClick={() => void undo(target)}>
          {undoing ? 'Undoing…' : 'Undo merge'}
        </button>
      </>
    );
  } else if (stage.kind === 'undone') {
    body = (
      <div className="share-report">
        <p role="status">Undid the merge from {stage.target.peerName}.</p>
        <p>{describeUndo(stage.result)}</p>
      </div>
    );
    footer = (
      <>
        <button type="button" onClick={() => setStage({ kind: 'form' })}>
          Merge another file…
        </button>
        <button type="button" className="primary" autoFocus onClick={onClose}>
          Done
        </button>
      </>
    );
  } else {
    body = (
      <>
        <form
          id={`${ids}-form`}
          className="share-form"
          onSubmit={(e) => {
            e.preventDefault();
            void merge();
          }}
        >
          <ul className="share-explain">
            <li>Changes your colleague made are brought into “{kb.name}”. Their file is not changed.</li>
            <li>First, a backup of your knowledge base is taken and checked, so the merge can be undone.</li>
            <li>Records changed on one side only are taken in automatically; records you both changed become conflicts you review field by field.</li>
          </ul>
          {native === null ? null : !native ? (
            <div className="form-row export-path-form">
              <label htmlFor={`${ids}-path`}>Colleague’s file (full path)</label>
              <input
                id={`${ids}-path`}
                value={file}
                spellCheck={false}
                placeholder="/home/me/Downloads/colleague.casebook"
                autoFocus
                aria-describedby={error ? `${ids}-error` : undefined}
                onChange={(e) => {
                  setFile(e.target.value);
                  setError(null);
                }}
              />
            </div>
          ) : (
            <div className="form-row">
              <span className="share-label" id={`${ids}-file-label`}>
                Colleague’s file
              </span>
              <div className="share-file-row">
                <output aria-labelledby={`${ids}-file-label`} className="export-path">
                  {file || 'No file chosen'}
                </output>
                <button type="button" autoFocus onClick={() => void chooseFile()}>
                  Choose…
                </button>
              </div>
            </div>
          )}
        </form>
        <MergeHistorySection
          history={history.history}
          error={history.error}
          newestId={newest?.id ?? null}
          readOnly={kb.readOnly}
          readOnlyProps={readOnlyProps}
          onUndo={(entry) =>
            setStage({ kind: 'confirm-undo', target: { mergeId: entry.id, peerName: entry.peerName, finishedAt: entry.finishedAt }, back: { kind: 'form' } })
          }
        />
      </>
    );
    footer = (
      <>
        <button type="button" onClick={onClose}>
          Close
        </button>
        <button type="submit" form={`${ids}-form`} className="primary" disabled={kb.readOnly || file.trim() === ''} {...readOnlyProps}>
          Merge
        </button>
      </>
    );
  }

  return (
    <Dialog title="Merge from File" wide onClose={() => (job.running ? void job.cancel().catch(() => undefined) : busy ? undefined : onClose())} footer={footer}>
      {body}
      {kb.readOnly && (
        <p id={readOnlyId} className="muted">
          {readOnlyText(kb)}
        </p>
      )}
      {error && (
        <p id={`${ids}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}

interface MergeHistorySectionProps {
  history: MergeHistoryEntry[] | null;
  error: string | null;
  /** The newest merge not undone yet: the only one offered for undo. */
  newestId: string | null;
  readOnly: boolean;
  readOnlyProps: { title?: string; 'aria-describedby'?: string };
  onUndo(entry: MergeHistoryEntry): void;
}

/** Earlier merges, newest first; the newest one not undone can be undone. */
function MergeHistorySection({ history, error, newestId, readOnly, readOnlyProps, onUndo }: MergeHistorySectionProps) {
  const ids = useId();
  return (
    <section className="share-history" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Earlier merges</h3>
      {error ? (
        <p className="field-error">{error}</p>
      ) : history === null ? (
        <p className="muted">Loading…</p>
      ) : history.length === 0 ? (
        <p className="muted">No merges yet.</p>
      ) : (
        <ul className="share-history-list" aria-labelledby={`${ids}-title`}>
          {history.map((entry) => (
            <li key={entry.id}>
              <div>
                <strong>{formatWhen(entry.finishedAt)}</strong> — {summarizeMerge(entry.report)}
                {entry.undoneAt && <span className="muted"> Undone {formatWhen(entry.undoneAt)}.</span>}
              </div>
              {entry.id === newestId && (
                <button type="button" disabled={readOnly} {...readOnlyProps} aria-label={`Undo the merge from ${entry.peerName}, ${formatWhen(entry.finishedAt)}`} onClick={() => onUndo(entry)}>
                  Undo…
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
