import { useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { LexicalEditor } from 'lexical';
import { TOOLBAR_ACTIONS } from './toolbarActions';
import type { ToolbarAction } from './toolbarActions';
import type { ToolbarState } from './useToolbarState';

interface ToolbarProps {
  editor: LexicalEditor;
  state: ToolbarState;
  /** False for read-only notes: every button is disabled. */
  editable: boolean;
  openLinkDialog: () => void;
  openFootnoteDialog?: () => void;
  actions?: readonly ToolbarAction[];
}

/**
 * The formatting toolbar: one tab stop, arrow keys move between buttons (WAI-ARIA toolbar
 * pattern), Escape returns to the text. Buttons keep the editor's focus and selection on mouse
 * use so formatting applies to what is selected.
 */
export function Toolbar({ editor, state, editable, openLinkDialog, openFootnoteDialog = noop, actions = TOOLBAR_ACTIONS }: ToolbarProps) {
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const enabled = actions.map((action) => editable && (action.enabled?.(state) ?? true));
  const firstEnabled = enabled.indexOf(true);
  const tabStop = enabled[focusIndex] ? focusIndex : firstEnabled;

  const move = (from: number, step: 1 | -1): void => {
    for (let i = 1; i <= actions.length; i++) {
      const next = (from + step * i + actions.length * i) % actions.length;
      if (enabled[next]) {
        focusButton(next);
        return;
      }
    }
  };

  const focusButton = (index: number): void => {
    setFocusIndex(index);
    buttons.current[index]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const current = buttons.current.findIndex((b) => b === document.activeElement);
    if (current < 0) return;
    if (event.key === 'ArrowRight') move(current, 1);
    else if (event.key === 'ArrowLeft') move(current, -1);
    else if (event.key === 'Home') move(actions.length - 1, 1);
    else if (event.key === 'End') move(0, -1);
    else if (event.key === 'Escape') editor.focus();
    else return;
    event.preventDefault();
  };

  return (
    <div className="cb-toolbar" role="toolbar" aria-label="Formatting" onKeyDown={onKeyDown}>
      {actions.map((action, index) => {
        const pressed = action.pressed?.(state);
        return (
          <button
            key={action.label}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            className={`cb-toolbar__button${action.groupStart ? ' cb-toolbar__button--group' : ''}`}
            aria-label={action.label}
            aria-pressed={pressed}
            aria-keyshortcuts={action.shortcut?.replace('Cmd', 'Meta').replace('Ctrl', 'Control')}
            title={action.shortcut ? `${action.label} (${action.shortcut})` : action.label}
            disabled={!enabled[index]}
            tabIndex={index === tabStop ? 0 : -1}
            onMouseDown={(event) => event.preventDefault()}
            onFocus={() => setFocusIndex(index)}
            onClick={() => action.run({ editor, state, openLinkDialog, openFootnoteDialog })}
          >
            <span aria-hidden="true">{action.glyph}</span>
          </button>
        );
      })}
    </div>
  );
}

function noop(): void {}
