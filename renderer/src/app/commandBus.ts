import type { MenuCommand } from '../../../common/ipc/contract';
import { NO_CASE_SELECTION, type CaseSelection } from '../features/export/exportChoices';

export type CaseCommand = Extract<MenuCommand, 'case.new' | 'case.trash' | 'find'>;

/**
 * Commands from menus (native or in-app) and global shortcuts that the cases view carries out.
 * A plain EventTarget, so the app shell does not need to know the view's internals.
 */
export class CommandBus extends EventTarget {
  private selectionSource: (() => Promise<CaseSelection>) | null = null;

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

  /** The cases view offers its selection and open case, for an export opened from a menu or shortcut. */
  provideSelection(source: () => Promise<CaseSelection>): () => void {
    this.selectionSource = source;
    return () => {
      if (this.selectionSource === source) this.selectionSource = null;
    };
  }

  /** The cases view's selection and open case; nothing when the view is not showing. */
  async selection(): Promise<CaseSelection> {
    return this.selectionSource ? this.selectionSource() : NO_CASE_SELECTION;
  }
}
