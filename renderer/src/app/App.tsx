import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ExportFormat } from '../../../common/domain/exports';
import type { MenuCommand } from '../../../common/ipc/contract';
import { CasesView } from '../features/cases/CasesView';
import { ExportDialog } from '../features/export/ExportDialog';
import { NO_CASE_SELECTION, type CaseSelection } from '../features/export/exportChoices';
import { FieldsDialog } from '../features/fields/FieldsDialog';
import { FieldsProvider } from '../features/fields/FieldsContext';
import { DropOverlay } from '../features/import/DropOverlay';
import { ImportDialog } from '../features/import/ImportDialog';
import { isImportableFile } from '../features/import/importFiles';
import { useFileDrop } from '../features/import/useFileDrop';
import { ShortcutsDialog } from '../features/help/ShortcutsDialog';
import { KbPathDialog } from '../features/kb/KbPathDialog';
import { ShareBanners } from '../features/share/ShareBanners';
import { ShareDialogs, type ShareDialogState } from '../features/share/ShareDialogs';
import { formatWhen } from '../features/share/shareText';
import { StartScreen } from '../features/kb/StartScreen';
import { SourcesView } from '../features/sources/SourcesView';
import { TrashView } from '../features/trash/TrashView';
import { MenuBar, type MenuDef } from '../ui/MenuBar';
import { useToasts } from '../ui/Toasts';
import { CommandBus } from './commandBus';
import { useClient, usePlatform } from './PlatformContext';
import { useKb } from './useKb';

type View = 'cases' | 'trash' | 'sources';

/** Commands of the in-app menu that have no native menu command (yet). */

/**
 * The shell: menus (in-app in the browser host, native in Electron, both ending in `runCommand`),
 * the start screen or the open knowledge base's views, and the app-wide dialogs.
 */
export function App() {
  const platform = usePlatform();
  const client = useClient();
  const toasts = useToasts();
  const kbState = useKb();
  const { kb, recent } = kbState;
  const [view, setView] = useState<View>('cases');
  const [kbDialog, setKbDialog] = useState<'new' | 'open' | null>(null);
  const [fieldsOpen, setFieldsOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  /** The import dialog, with the file dropped on the window if that is how it opened. */
  const [importing, setImporting] = useState<{ file?: File } | null>(null);
  const [importCount, setImportCount] = useState(0);
  /** The export dialog, with the Cases view's selection when it opened. */
  const [exporting, setExporting] = useState<{ selection: CaseSelection; format?: ExportFormat } | null>(null);
  const [share, setShare] = useState<ShareDialogState | null>(null);
  /** Bumped when records change under the views (a merge, an undo, a resolved conflict, a restore): they remount and reload. */
  const [dataVersion, setDataVersion] = useState(0);
  const commands = useMemo(() => new CommandBus(), []);

  useEffect(() => {
    document.title = kb ? `${kb.name} — Casebook` : 'Casebook';
  }, [kb]);

  useEffect(() => {
    setView('cases');
    setExporting(null);
    setShare((s) => (s?.kind === 'settings' ? s : null));
  }, [kb?.path]);

  /** The cases the Cases view has selected (or the open one), for a copy of some cases. */
  const chosenCaseIds = useCallback(async () => {
    if (view !== 'cases') return [];
    const selection = await commands.selection();
    return selection.caseIds.length > 0 ? selection.caseIds : selection.openCaseId ? [selection.openCaseId] : [];
  }, [commands, view]);

  /** Records changed under the views: reload the knowledge base's info and the views, reopening the open case. */
  const reloadViews = useCallback(async () => {
    const { openCaseId } = await commands.selection();
    setDataVersion((n) => n + 1);
    await kbState.refresh().catch(() => undefined);
    if (!openCaseId) return;
    // A case the change removed is not reopened.
    client.call('cases.get', { id: openCaseId }).then(
      () => window.setTimeout(() => commands.openCase(openCaseId), 0),
      () => undefined,
    );
  }, [client, commands, kbState]);

  const runCommand = useCallback(
    async (command: MenuCommand, path?: string) => {
      try {
        switch (command) {
          case 'kb.new': {
            const picked = await client.call('dialog.newKb', {});
            if (picked.unsupported) setKbDialog('new');
            else if (picked.path) await kbState.create(picked.path, false);
            break;
          }
          case 'kb.open': {
            const picked = await client.call('dialog.openKb', {});
            if (picked.unsupported) setKbDialog('open');
            else if (picked.path) await kbState.open(picked.path);
            break;
          }
          case 'kb.openRecent':
            if (path) await kbState.open(path);
            break;
          case 'kb.close':
            await kbState.close();
            break;
          case 'view.cases':
            setView('cases');
            break;
          case 'view.trash':
            if (kb) setView('trash');
            break;
          case 'view.sources':
            if (kb) setView('sources');
            break;
          case 'sources.import':
            if (kb && !kb.readOnly) setImporting({});
            break;
          case 'export.open': {
            if (!kb) break;
            const selection = view === 'cases' ? await commands.selection() : NO_CASE_SELECTION;
            // A native accelerator and the window's shortcut may both fire: one dialog.
            setExporting((current) => current ?? { selection, ...(view === 'sources' ? { format: 'bibtex' as const } : {}) });
            break;
          }
          case 'fields.manage':
            if (kb) setFieldsOpen(true);
            break;
          case 'kb.saveCopy':
          case 'kb.exportForColleague': {
            if (!kb) break;
            const caseIds = await chosenCaseIds();
            const purpose = command === 'kb.saveCopy' ? 'copy' : 'colleague';
            // A native accelerator and the window's shortcut may both fire: one dialog.
            setShare((current) => current ?? { kind: 'copy', purpose, caseIds });
            break;
          }
          case 'kb.merge':
            if (kb) setShare((current) => current ?? { kind: 'merge' });
            break;
          case 'merge.review':
            if (kb) setShare((current) => current ?? { kind: 'review' });
            break;
          case 'backups.restore':
            if (kb) setShare((current) => current ?? { kind: 'backups' });
            break;
          case 'settings.open':
            setShare((current) => current ?? { kind: 'settings' });
            break;
          case 'case.new':
          case 'case.trash':
          case 'find':
            if (!kb) break;
            setView('cases');
            // Let the cases view mount first if we just switched to it.
            window.setTimeout(() => commands.emit(command), 0);
            break;
        }
      } catch (e) {
        toasts.fail(e);
      }
    },
    [chosenCaseIds, client, commands, kb, kbState, toasts, view],
  );

  const openCase = useCallback(
    (caseId: string) => {
      setView('cases');
      // Let the cases view mount first if we just switched to it.
      window.setTimeout(() => commands.openCase(caseId), 0);
    },
    [commands],
  );

  // Listening whenever a file is open, so a drop never navigates the window away from the app.
  const dragging = useFileDrop(Boolean(kb), (files) => {
    if (kb?.readOnly) {
      toasts.error('This knowledge base is read-only: nothing can be imported into it.');
      return;
    }
    const importable = files.filter((f) => isImportableFile(f.name));
    const file = importable[0];
    const colleague = files.find((f) => f.name.toLowerCase().endsWith('.casebook'));
    if (!file && colleague) {
      // A merge needs the file by path: Electron can tell it, the browser cannot.
      const path = platform.pathForFile(colleague);
      if (path) setShare((current) => current ?? { kind: 'merge', path });
      else toasts.info('To bring in a colleague’s .casebook file, use File ▸ Merge from File… and type or choose its path there.');
      return;
    }
    if (!file) {
      toasts.error(`Casebook imports .bib, .bibtex, .ris and .json files; “${files[0]?.name ?? 'that'}” is none of these.`);
      return;
    }
    if (files.length > 1) toasts.info(`One file at a time: importing “${file.name}”.`);
    // A new object each time, so the open dialog previews a second drop too.
    setImporting({ file });
  });

  const runRef = useRef(runCommand);
  runRef.current = runCommand;

  useEffect(() => client.on('menu.command', ({ command, path }) => void runRef.current(command, path)), [client]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      const key = e.key.toLowerCase();
      if (key === 'n' && !e.shiftKey) {
        e.preventDefault();
        void runRef.current('case.new');
      } else if (key === 'f' && !e.shiftKey) {
        e.preventDefault();
        void runRef.current('find');
      } else if (key === 'e' && !e.shiftKey) {
        e.preventDefault();
        void runRef.current('export.open');
      } else if (key === 'm' && e.shiftKey) {
        e.preventDefault();
        void runRef.current('kb.merge');
      } else if (key === '/') {
        e.preventDefault();
        setShortcutsOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const menus: MenuDef[] = [
    {
      label: 'File',
      items: [
        { label: 'New…', onSelect: () => void runCommand('kb.new') },
        { label: 'Open…', onSelect: () => void runCommand('kb.open') },
        {
          label: 'Open Recent',
          submenu: recent.length
            ? recent.map((r) => ({ label: r.name, disabled: !r.exists, onSelect: () => void runCommand('kb.openRecent', r.path) }))
            : [{ label: 'No recent files', disabled: true, onSelect: () => undefined }],
        },
        { separator: true },
        { label: 'Save a Copy…', disabled: !kb, onSelect: () => void runCommand('kb.saveCopy') },
        { label: 'Export for a Colleague…', disabled: !kb, onSelect: () => void runCommand('kb.exportForColleague') },
        { label: 'Merge from File…', shortcut: 'Ctrl+Shift+M', disabled: !kb, onSelect: () => void runCommand('kb.merge') },
        {
          label: kb && kb.conflicts > 0 ? `Review Conflicts… (${kb.conflicts.toLocaleString('en-US')})` : 'Review Conflicts…',
          disabled: !kb,
          onSelect: () => void runCommand('merge.review'),
        },
        { label: 'Backups…', disabled: !kb, onSelect: () => void runCommand('backups.restore') },
        { separator: true },
        { label: 'Import sources…', disabled: !kb || kb.readOnly, onSelect: () => void runCommand('sources.import') },
        { label: 'Export…', shortcut: 'Ctrl+E', disabled: !kb, onSelect: () => void runCommand('export.open') },
        { separator: true },
        { label: 'Settings…', onSelect: () => void runCommand('settings.open') },
        { separator: true },
        { label: 'Close', disabled: !kb, onSelect: () => void runCommand('kb.close') },
      ],
    },
    {
      label: 'Case',
      items: [
        { label: 'New case', shortcut: 'Ctrl+N', disabled: !kb || kb.readOnly, onSelect: () => void runCommand('case.new') },
        { label: 'Move to Trash', shortcut: 'Del', disabled: !kb || kb.readOnly, onSelect: () => void runCommand('case.trash') },
        { label: 'Find', shortcut: 'Ctrl+F', disabled: !kb, onSelect: () => void runCommand('find') },
      ],
    },
    {
      label: 'View',
      items: [
        { label: 'Cases', disabled: !kb, onSelect: () => void runCommand('view.cases') },
        { label: 'Sources', disabled: !kb, onSelect: () => void runCommand('view.sources') },
        { label: 'Trash', disabled: !kb, onSelect: () => void runCommand('view.trash') },
        { separator: true },
        { label: 'Fields…', disabled: !kb, onSelect: () => void runCommand('fields.manage') },
      ],
    },
    { label: 'Help', items: [{ label: 'Keyboard shortcuts', shortcut: 'Ctrl+/', onSelect: () => setShortcutsOpen(true) }] },
  ];

  return (
    <div className="app">
      <header className="app-header">
        {platform.kind === 'browser' && <MenuBar menus={menus} />}
        <span className="app-title">{kb ? kb.name : 'Casebook'}</span>
        {kb && (
          <nav className="view-tabs" aria-label="Views">
            <button type="button" aria-pressed={view === 'cases'} onClick={() => setView('cases')}>
              Cases
            </button>
            <button type="button" aria-pressed={view === 'sources'} onClick={() => setView('sources')}>
              Sources
            </button>
            <button type="button" aria-pressed={view === 'trash'} onClick={() => setView('trash')}>
              Trash{kb.counts.trashed > 0 ? ` (${kb.counts.trashed})` : ''}
            </button>
            <button type="button" onClick={() => setFieldsOpen(true)}>
              Fields…
            </button>
          </nav>
        )}
      </header>
      {kb?.readOnly && (
        <div className="banner" role="status">
          <strong>Read-only.</strong> {kb.readOnlyReason ?? 'This knowledge base cannot be changed.'}
        </div>
      )}
      {kb && (
        <ShareBanners
          kb={kb}
          onReview={() => void runCommand('merge.review')}
          onLocalCopy={(info, cloudFolder) => {
            void kbState.refresh().catch(() => undefined);
            toasts.info(`Now working on a local copy: ${info.path}. The file in the ${cloudFolder} folder is no longer open.`);
          }}
        />
      )}
      {kb === undefined ? null : kb === null ? (
        <StartScreen
          recent={recent}
          onNew={() => void runCommand('kb.new')}
          onOpen={() => void runCommand('kb.open')}
          onOpenRecent={(path) => void runCommand('kb.openRecent', path)}
        />
      ) : (
        <FieldsProvider key={`${kb.path}#${dataVersion}`} kbPath={kb.path}>
          {view === 'cases' ? (
            <CasesView readOnly={kb.readOnly} commands={commands} onExport={() => void runCommand('export.open')} />
          ) : view === 'sources' ? (
            <SourcesView
              readOnly={kb.readOnly}
              onImport={() => setImporting({})}
              importCount={importCount}
              onOpenCase={openCase}
              onExport={() => void runCommand('export.open')}
            />
          ) : (
            <TrashView readOnly={kb.readOnly} onBack={() => setView('cases')} />
          )}
          {fieldsOpen && <FieldsDialog readOnly={kb.readOnly} onClose={() => setFieldsOpen(false)} />}
        </FieldsProvider>
      )}
      {kbDialog && (
        <KbPathDialog
          mode={kbDialog}
          onClose={() => setKbDialog(null)}
          onSubmit={async (path, sample) => {
            if (kbDialog === 'new') await kbState.create(path, sample);
            else await kbState.open(path);
            setKbDialog(null);
          }}
        />
      )}
      {kb && importing && (
        <ImportDialog
          dropped={importing}
          onClose={() => setImporting(null)}
          onImported={() => {
            setImportCount((n) => n + 1);
            if (view !== 'sources') setView('sources');
          }}
        />
      )}
      {kb && exporting && (
        <ExportDialog
          key={kb.path}
          kb={kb}
          selection={exporting.selection}
          initialFormat={exporting.format}
          onClose={() => setExporting(null)}
        />
      )}
      <ShareDialogs
        kb={kb}
        open={share}
        onOpen={setShare}
        onDataChanged={() => void reloadViews()}
        onRestored={(_info, backup) => {
          setShare(null);
          void reloadViews();
          toasts.info(`Restored the backup of ${formatWhen(backup.createdAt)}. The state before it was backed up first (File ▸ Backups…).`);
        }}
        onDisplayNameSaved={(name) => {
          setShare(null);
          toasts.info(`Your changes are now signed “${name}”.`);
        }}
      />
      {dragging && <DropOverlay />}
      {shortcutsOpen && <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />}
    </div>
  );
}
