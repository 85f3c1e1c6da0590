import { useCallback, useEffect, useId, useState } from 'react';
import type { KbInfo } from '../../../../common/domain/schemas';
import type { BackupInfo, RestorePreview } from '../../../../common/domain/sharing';
import { useClient } from '../../app/PlatformContext';
import { Dialog } from '../../ui/Dialog';
import { ImportProgress } from '../import/ImportProgress';
import { useImportJob } from '../import/useImportJob';
import { BACKUP_REASON_LABELS, describeRestoreLoss, errorText, formatBytes, formatWhen, jobFailure, readOnlyText, sortBackups } from './shareText';
import '../import/import.css';
import '../export/export.css';
import './share.css';

interface BackupsDialogProps {
  kb: { readOnly: boolean; readOnlyReason: string | null };
  onClose(): void;
  /** The knowledge base was replaced by a backup and reopened. */
  onRestored(kb: KbInfo, backup: BackupInfo): void;
}

type Stage = { kind: 'list' } | { kind: 'confirm'; preview: RestorePreview };

/** The verified backups of the open knowledge base, newest first; null while loading. */
function useBackups() {
  const client = useClient();
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setBackups(sortBackups(await client.call('backups.list', {})));
      setError(null);
    } catch (e) {
      setBackups([]);
      setError(errorText(e));
    }
  }, [client]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { backups, error, reload };
}

/**
 * File ▸ Backups…: the knowledge base's verified backups (before merges, upgrades, restores, daily
 * and on demand). Back up now runs in the job process with progress and Cancel; Restore… first
 * shows what would be lost, and a backup of the current state is taken before the file is replaced.
 */
export function BackupsDialog({ kb, onClose, onRestored }: BackupsDialogProps) {
  const client = useClient();
  const job = useImportJob();
  const list = useBackups();
  const ids = useId();
  const [stage, setStage] = useState<Stage>({ kind: 'list' });
  /** The backup whose preview or restore is under way. */
  const [pending, setPending] = useState<{ path: string; action: 'preview' | 'restore' } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const busy = job.running !== null || pending !== null;
  const readOnlyId = `${ids}-read-only`;

  async function backUpNow() {
    if (busy) return;
    setError(null);
    setAnnouncement('');
    try {
      const backup = await job.run('Backing up', (jobId) => client.call('backups.create', { jobId }));
      await list.reload();
      setAnnouncement(`Backed up and checked: ${formatWhen(backup.createdAt)}, ${formatBytes(backup.bytes)}.`);
    } catch (e) {
      setError(jobFailure(e, 'No backup was written.'));
    }
  }

  async function preview(backup: BackupInfo) {
    if (busy || kb.readOnly) return;
    setError(null);
    setAnnouncement('');
    setPending({ path: backup.path, action: 'preview' });
    try {
      setStage({ kind: 'confirm', preview: await client.call('backups.preview', { path: backup.path }) });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setPending(null);
    }
  }

  async function restore(backup: BackupInfo) {
    if (busy || kb.readOnly) return;
    setError(null);
    setPending({ path: backup.path, action: 'restore' });
    try {
      const info = await client.call('backups.restore', { path: backup.path });
      onRestored(info, backup);
    } catch (e) {
      setError(`${errorText(e)} Your knowledge base was not replaced.`);
      setPending(null);
    }
  }

  let body: React.ReactNode;
  let footer: React.ReactNode;
  if (stage.kind === 'confirm') {
    const { backup } = stage.preview;
    const loss = describeRestoreLoss(stage.preview);
    const restoring = pending?.action === 'restore';
    body = (
      <div className="share-confirm" aria-busy={restoring}>
        <h3 id={`${ids}-confirm-title`}>Restore the backup of {formatWhen(backup.createdAt)}?</h3>
        <p className="muted">
          {BACKUP_REASON_LABELS[backup.reason]}, {formatBytes(backup.bytes)}: <code className="export-path">{backup.path}</code>
        </p>
        <div id={`${ids}-loss`} role="status">
          {loss.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
        <p>A backup of the current state is taken first, so you can come back to it from this list.</p>
        {restoring && <p role="status">Restoring…</p>}
      </div>
    );
    footer = (
      <>
        <button type="button" autoFocus disabled={restoring} onClick={() => setStage({ kind: 'list' })}>
          Cancel
        </button>
        <button type="button" className="danger" disabled={restoring || kb.readOnly} aria-describedby={`${ids}-loss`} onClick={() => void restore(backup)}>
          Restore this backup
        </button>
      </>
    );
  } else {
    body = (
      <>
        <p className="muted">
          Casebook keeps checked backups of this knowledge base: before every merge, before the file is upgraded, once a day while you work, and whenever you back up
          now. Restoring one replaces the open knowledge base, after a backup of its current state.
        </p>
        {job.running && <ImportProgress job={job.running} />}
        {list.error ? (
          <p className="field-error" role="alert">
            {list.error}
          </p>
        ) : list.backups === null ? (
          <p className="muted">Loading backups…</p>
        ) : list.backups.length === 0 ? (
          <p className="share-empty" role="status">
            No backups yet. Back up now takes the first one.
          </p>
        ) : (
          <div className="share-table-scroll">
            <table className="share-backups">
              <caption className="visually-hidden">Backups, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Why</th>
                  <th scope="col" className="numeric">
                    Size
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.backups.map((b, i) => (
                  <tr key={b.path} title={b.path}>
                    <td>{formatWhen(b.createdAt)}</td>
                    <td>{BACKUP_REASON_LABELS[b.reason]}</td>
                    <td className="numeric">{formatBytes(b.bytes)}</td>
                    <td>
                      <button
                        type="button"
                        disabled={busy || kb.readOnly}
                        data-autofocus={i === 0 ? true : undefined}
                        title={kb.readOnly ? readOnlyText(kb) : undefined}
                        aria-describedby={kb.readOnly ? readOnlyId : undefined}
                        aria-label={`Restore the backup of ${formatWhen(b.createdAt)}`}
                        onClick={() => void preview(b)}
                      >
                        {pending?.path === b.path ? 'Checking…' : 'Restore…'}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </>
    );
    footer = job.running ? (
      <button type="button" autoFocus onClick={() => void job.cancel().catch((e: unknown) => setError(errorText(e)))}>
        Cancel
      </button>
    ) : (
      <>
        <button type="button" onClick={onClose}>
          Close
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void backUpNow()}>
          Back up now
        </button>
      </>
    );
  }

  return (
    <Dialog
      title="Backups"
      wide
      onClose={() => (job.running ? void job.cancel().catch(() => undefined) : pending?.action === 'restore' ? undefined : onClose())}
      footer={footer}
    >
      {body}
      {kb.readOnly && (
        <p id={readOnlyId} className="muted">
          {readOnlyText(kb)}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <p className="export-announcement" role="status" aria-live="polite">
        {announcement}
      </p>
    </Dialog>
  );
}
