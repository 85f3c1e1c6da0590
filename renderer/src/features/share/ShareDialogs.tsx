import type { KbInfo } from '../../../../common/domain/schemas';
import type { BackupInfo } from '../../../../common/domain/sharing';
import { BackupsDialog } from './BackupsDialog';
import { ConflictReviewDialog } from './ConflictReviewDialog';
import { MergeDialog } from './MergeDialog';
import { SaveCopyDialog, type CopyPurpose } from './SaveCopyDialog';
import { SettingsDialog } from './SettingsDialog';

/** Which sharing dialog is open (one at a time). */
export type ShareDialogState =
  | { kind: 'copy'; purpose: CopyPurpose; caseIds: string[] }
  | { kind: 'merge'; path?: string }
  | { kind: 'review' }
  | { kind: 'backups' }
  | { kind: 'settings' };

interface ShareDialogsProps {
  kb: KbInfo | null | undefined;
  open: ShareDialogState | null;
  onOpen(next: ShareDialogState | null): void;
  /** Records changed under the views (a merge, an undo, a resolved conflict): they reload. */
  onDataChanged(): void;
  /** The open knowledge base was replaced by a backup and reopened. */
  onRestored(kb: KbInfo, backup: BackupInfo): void;
  onDisplayNameSaved(displayName: string): void;
}

/** The app shell's sharing dialogs: copies, merges, conflict review, backups, and the user's name. */
export function ShareDialogs({ kb, open, onOpen, onDataChanged, onRestored, onDisplayNameSaved }: ShareDialogsProps) {
  const close = () => onOpen(null);
  if (!open) return null;
  if (open.kind === 'settings') return <SettingsDialog onClose={close} onSaved={onDisplayNameSaved} />;
  if (!kb) return null;
  switch (open.kind) {
    case 'copy':
      return <SaveCopyDialog key={kb.path} kb={kb} purpose={open.purpose} caseIds={open.caseIds} onClose={close} />;
    case 'merge':
      return <MergeDialog key={kb.path} kb={kb} initialPath={open.path} onClose={close} onChanged={onDataChanged} onReviewConflicts={() => onOpen({ kind: 'review' })} />;
    case 'review':
      return <ConflictReviewDialog key={kb.path} kb={kb} onClose={close} onResolved={onDataChanged} />;
    case 'backups':
      return <BackupsDialog key={kb.path} kb={kb} onClose={close} onRestored={onRestored} />;
  }
}
