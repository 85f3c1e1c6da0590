import { Menu, app, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../common/ipc/contract';
import type { RecentKb } from '../../common/domain/schemas';

export interface MenuActions {
  /** Sends a `menu.command` push event to the page, which performs the command. */
  command(command: MenuCommand, path?: string): void;
  showAbout(): void;
}

/** What the menu shows about the open knowledge base (none open: null). */
export interface MenuKbState {
  /** Merge conflicts waiting for review, shown beside Review Conflicts…. */
  conflicts: number;
}

/**
 * The native menu. Items do not act themselves: each sends a `menu.command` event, so the page runs
 * the same code as its own buttons (a new-case form, a file dialog through `dialog.openKb`…).
 */
export function buildAppMenu(recent: readonly RecentKb[], actions: MenuActions, kb: MenuKbState | null = null): Menu {
  const isMac = process.platform === 'darwin';
  const send = (command: MenuCommand, path?: string) => () => actions.command(command, path);

  const recentItems: MenuItemConstructorOptions[] = recent
    .filter((r) => r.exists)
    .map((r) => ({ label: r.name, sublabel: r.path, click: send('kb.openRecent', r.path) }));

  const template: MenuItemConstructorOptions[] = [
    ...(isMac
      ? [
          {
            label: app.name,
            submenu: [
              { label: 'About Casebook', click: () => actions.showAbout() },
              { type: 'separator' },
              { role: 'services' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Knowledge Base…', accelerator: 'CmdOrCtrl+Shift+N', click: send('kb.new') },
        { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: send('kb.open') },
        {
          label: 'Open Recent',
          submenu: recentItems.length > 0 ? recentItems : [{ label: 'No recent knowledge bases', enabled: false }],
        },
        { type: 'separator' },
        { label: 'New Case', accelerator: 'CmdOrCtrl+N', click: send('case.new') },
        { type: 'separator' },
        { label: 'Save a Copy…', click: send('kb.saveCopy') },
        { label: 'Export for a Colleague…', click: send('kb.exportForColleague') },
        { label: 'Merge from File…', accelerator: 'CmdOrCtrl+Shift+M', click: send('kb.merge') },
        { label: kb && kb.conflicts > 0 ? `Review Conflicts… (${kb.conflicts})` : 'Review Conflicts…', click: send('merge.review') },
        { label: 'Backups…', click: send('backups.restore') },
        { type: 'separator' },
        { label: 'Import Sources…', click: send('sources.import') },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: send('export.open') },
        { type: 'separator' },
        { label: 'Close Knowledge Base', click: send('kb.close') },
        { type: 'separator' },
        { label: 'Settings…', accelerator: 'CmdOrCtrl+,', click: send('settings.open') },
        ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find…', accelerator: 'CmdOrCtrl+F', click: send('find') },
        { label: 'Move Case to Trash', click: send('case.trash') },
      ],
    },
    {
      label: '&View',
      submenu: [
        { label: 'Cases', accelerator: 'CmdOrCtrl+1', click: send('view.cases') },
        { label: 'Sources', accelerator: 'CmdOrCtrl+3', click: send('view.sources') },
        { label: 'Trash', accelerator: 'CmdOrCtrl+2', click: send('view.trash') },
        { label: 'Fields…', click: send('fields.manage') },
        { type: 'separator' },
        ...(app.isPackaged ? [] : [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const]),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: '&Help',
      role: 'help',
      submenu: [...(isMac ? [] : [{ label: 'About Casebook', click: () => actions.showAbout() }])],
    },
  ];
  return Menu.buildFromTemplate(template);
}
