import type { Handlers } from './dispatch';
import type { KbSession } from '../store/kbSession';

/** Channels that act on the open knowledge base (everything but app, settings, kb and dialogs). */
export type KbChannel = Exclude<
  keyof Handlers,
  'app.info' | 'settings.get' | 'settings.set' | 'kb.current' | 'kb.open' | 'kb.create' | 'kb.close' | 'kb.recent' | 'dialog.openKb' | 'dialog.newKb'
>;

// PLACEHOLDER — the store helper replaces this file with the real handlers.
export function createKbHandlers(_session: () => KbSession): Pick<Handlers, KbChannel> {
  throw new Error('not yet written');
}
