import type { MenuCommand } from '../../../common/ipc/contract';

export type CaseCommand = Extract<MenuCommand, 'case.new' | 'case.trash' | 'find'>;

/**
 * Commands from menus (native or in-app) and global shortcuts that the cases view carries out.
 * A plain EventTarget, so the app shell does not need to know the view's internals.
 */
export class CommandBus extends EventTarget {
  emit(command: CaseCommand): void {
    this.dispatchEvent(new CustomEvent<CaseCommand>('command', { detail: command }));
  }

  subscribe(listener: (command: CaseCommand) => void): () => void {
    const handler = (e: Event) => listener((e as CustomEvent<CaseCommand>).detail);
    this.addEventListener('command', handler);
    return () => this.removeEventListener('command', handler);
  }
}
