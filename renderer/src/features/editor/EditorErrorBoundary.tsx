import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import type { LexicalJson } from '../../../../common/domain/schemas';
import { noteToPlainText } from '../../../../common/editor/noteText';
import { DAMAGED_NOTE_NOTICE } from './damagedNote';

interface Props {
  initialNote: LexicalJson | null;
  children: ReactNode;
}

/**
 * Last line of defence: if the editor itself throws while rendering a note, the case pane still
 * shows the note's text, read-only, instead of the whole app failing.
 */
export class EditorErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('The note editor failed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    let text = '';
    try {
      text = noteToPlainText(this.props.initialNote);
    } catch {
      text = '';
    }
    return (
      <div className="cb-note-editor cb-note-editor--failed">
        <div className="cb-note-editor__notice" role="alert">
          {DAMAGED_NOTE_NOTICE}
        </div>
        <div className="cb-note-editor__surface cb-note-editor__surface--plain" aria-label="Case note" role="document">
          {text.split('\n').map((line, index) => (
            <p key={index}>{line}</p>
          ))}
        </div>
      </div>
    );
  }
}
