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

  /** Asks the cases view to select and open a case (from "Cited in" in the Sources view). */
  openCase(caseId: string): void {
    this.dispatchEvent(new CustomEvent<string>('open-case', { detail: caseId }));
  }

  onOpenCase(listener: (caseId: string) => void): () => void {
    const handler = (e: Event) => listener((e as CustomEvent<string>).detail);
    this.addEventListener('open-case', handler);
    return () => this.removeEventListener('open-case', handler);
  }

  subscribe(listener: (command: CaseCommand) => void): () => void {
    const handler = (e: Event) => listener((e as CustomEvent<CaseCommand>).detail);
    this.addEventListener('command', handler);
    return () => this.removeEventListener('command', handler);
  }
}
