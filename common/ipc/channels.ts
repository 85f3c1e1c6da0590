/**
 * Every invoke channel and push channel, by name only. The preload imports this file and nothing
 * else from the app, so its bundle stays small and cannot expose anything that is not listed here.
 * `contract.ts` checks at compile time that its schemas cover exactly these names.
 */
export const INVOKE_CHANNELS = [
  'app.info',
  'settings.get',
  'settings.set',
  'kb.current',
  'kb.open',
  'kb.create',
  'kb.close',
  'kb.recent',
  'dialog.openKb',
  'dialog.newKb',
  'dialog.saveFile',
  'cases.list',
  'cases.get',
  'cases.create',
  'cases.update',
  'cases.setValue',
  'cases.setTags',
  'cases.trash',
  'cases.restore',
  'cases.purge',
  'notes.save',
  'fields.list',
  'fields.create',
  'fields.update',
  'fields.reorder',
  'fields.delete',
  'tags.list',
  'actors.list',
  'actors.create',
  'actors.update',
  'cases.linkActor',
  'cases.updateActorLink',
  'cases.unlinkActor',
  'views.get',
  'views.save',
  'sources.list',
  'sources.get',
  'sources.create',
  'sources.update',
  'sources.delete',
  'sources.pick',
  'import.preview',
  'import.commit',
  'jobs.cancel',
  'citations.format',
  'styles.list',
  'kbSettings.get',
  'kbSettings.set',
  'styles.add',
  'styles.remove',
  'export.run',
  'autoExport.get',
  'autoExport.set',
  'kb.saveCopy',
  'kb.localCopy',
  'merge.run',
  'merge.history',
  'merge.conflicts',
  'merge.conflict',
  'merge.resolve',
  'merge.undo',
  'backups.list',
  'backups.create',
  'backups.preview',
  'backups.restore',
] as const;
export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];

/** Events main sends to the renderer (Electron `webContents.send`, browser host server-sent events). */
export const PUSH_CHANNELS = ['kb.changed', 'menu.command', 'job.progress'] as const;
export type PushChannel = (typeof PUSH_CHANNELS)[number];

export function isInvokeChannel(name: string): name is InvokeChannel {
  return (INVOKE_CHANNELS as readonly string[]).includes(name);
}
