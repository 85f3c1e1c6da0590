import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
} from 'lexical';
import type { ElementNode, LexicalEditor } from 'lexical';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list';
import { $setBlocksType } from '@lexical/selection';
import type { ToolbarState } from './useToolbarState';

/** What a toolbar button can reach when pressed. */
export interface ToolbarContext {
  editor: LexicalEditor;
  state: ToolbarState;
  openLinkDialog: () => void;
  openFootnoteDialog: () => void;
}

/**
 * One toolbar button. The toolbar is built from this list, so a new capability (e.g. "Insert
 * footnote") is one more entry plus its plugin.
 */
export interface ToolbarAction {
  /** Accessible name; also the tooltip. */
  label: string;
  /** Short visible glyph. */
  glyph: string;
  shortcut?: string;
  /** Whether the selection already has this format; omitted for plain actions (no aria-pressed). */
  pressed?: (state: ToolbarState) => boolean;
  enabled?: (state: ToolbarState) => boolean;
  run: (context: ToolbarContext) => void;
  /** Starts a new visual group in the toolbar. */
  groupStart?: boolean;
}

const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? 'Cmd' : 'Ctrl';

/** Turns the selected blocks into `create()`'s kind, or back into paragraphs if already that kind. */
function toggleBlock(editor: LexicalEditor, active: boolean, create: () => ElementNode): void {
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    $setBlocksType(selection, active ? () => $createParagraphNode() : create);
  });
}

/** The formatting toolbar, in display order. */
export const TOOLBAR_ACTIONS: readonly ToolbarAction[] = [
  {
    label: 'Undo',
    glyph: '↶',
    shortcut: `${MOD}+Z`,
    enabled: (s) => s.canUndo,
    run: ({ editor }) => editor.dispatchCommand(UNDO_COMMAND, undefined),
  },
  {
    label: 'Redo',
    glyph: '↷',
    shortcut: MOD === 'Cmd' ? 'Cmd+Shift+Z' : 'Ctrl+Y',
    enabled: (s) => s.canRedo,
    run: ({ editor }) => editor.dispatchCommand(REDO_COMMAND, undefined),
  },
  {
    label: 'Bold',
    glyph: 'B',
    shortcut: `${MOD}+B`,
    groupStart: true,
    pressed: (s) => s.bold,
    run: ({ editor }) => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'),
  },
  {
    label: 'Italic',
    glyph: 'I',
    shortcut: `${MOD}+I`,
    pressed: (s) => s.italic,
    run: ({ editor }) => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'),
  },
  {
    label: 'Underline',
    glyph: 'U',
    shortcut: `${MOD}+U`,
    pressed: (s) => s.underline,
    run: ({ editor }) => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'underline'),
  },
  {
    label: 'Heading 2',
    glyph: 'H2',
    groupStart: true,
    pressed: (s) => s.block === 'h2',
    run: ({ editor, state }) => toggleBlock(editor, state.block === 'h2', () => $createHeadingNode('h2')),
  },
  {
    label: 'Heading 3',
    glyph: 'H3',
    pressed: (s) => s.block === 'h3',
    run: ({ editor, state }) => toggleBlock(editor, state.block === 'h3', () => $createHeadingNode('h3')),
  },
  {
    label: 'Bulleted list',
    glyph: '•≡',
    pressed: (s) => s.block === 'bullet',
    run: ({ editor, state }) =>
      state.block === 'bullet'
        ? editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined)
        : editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined),
  },
  {
    label: 'Numbered list',
    glyph: '1.',
    pressed: (s) => s.block === 'number',
    run: ({ editor, state }) =>
      state.block === 'number'
        ? editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined)
        : editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined),
  },
  {
    label: 'Quote',
    glyph: '❝',
    pressed: (s) => s.block === 'quote',
    run: ({ editor, state }) => toggleBlock(editor, state.block === 'quote', () => $createQuoteNode()),
  },
  {
    label: 'Link',
    glyph: 'Link',
    shortcut: `${MOD}+K`,
    groupStart: true,
    pressed: (s) => s.link,
    run: ({ openLinkDialog }) => openLinkDialog(),
  },
];

/**
 * "Insert footnote", shown after the formatting buttons when the editor has a knowledge base to
 * pick sources from (the case pane); a bare editor (e.g. in tests of formatting) has none.
 */
export const INSERT_FOOTNOTE_ACTION: ToolbarAction = {
  label: 'Insert footnote',
  glyph: 'Fn',
  shortcut: `${MOD}+Alt+F`,
  groupStart: true,
  run: ({ openFootnoteDialog }) => openFootnoteDialog(),
};

/** The toolbar of an editor that can add footnotes. */
export const TOOLBAR_ACTIONS_WITH_FOOTNOTES: readonly ToolbarAction[] = [...TOOLBAR_ACTIONS, INSERT_FOOTNOTE_ACTION];
