import { $createTextNode, $getSelection, $isRangeSelection, $setSelection } from 'lexical';
import type { BaseSelection, LexicalEditor, LexicalNode } from 'lexical';
import { $createLinkNode, $isLinkNode, $toggleLink } from '@lexical/link';
import type { LinkNode } from '@lexical/link';
import { $findMatchingParent } from '@lexical/utils';

/** Link attributes for every link the editor creates: never leak the app as referrer. */
const LINK_ATTRIBUTES = { rel: 'noopener noreferrer' } as const;

/** The link the selection is in, if any. */
export function $selectedLink(selection: BaseSelection | null): LinkNode | null {
  if (!$isRangeSelection(selection)) return null;
  return $linkOf(selection.anchor.getNode()) ?? $linkOf(selection.focus.getNode());
}

function $linkOf(node: LexicalNode): LinkNode | null {
  const link = $isLinkNode(node) ? node : $findMatchingParent(node, $isLinkNode);
  return $isLinkNode(link) ? link : null;
}

/**
 * Applies `url` at `selection` (captured when the link dialog opened, because focus has since
 * moved to the dialog): edits the link there, links the selected text, or — with nothing
 * selected — inserts the URL itself as a linked text.
 */
export function applyLink(editor: LexicalEditor, selection: BaseSelection | null, url: string): void {
  editor.update(() => {
    if (selection !== null) $setSelection(selection.clone());
    const current = $getSelection();
    if (!$isRangeSelection(current)) return;
    const existing = $selectedLink(current);
    if (existing !== null && current.isCollapsed()) {
      existing.setURL(url);
      return;
    }
    if (current.isCollapsed()) {
      const link = $createLinkNode(url, LINK_ATTRIBUTES);
      link.append($createTextNode(url));
      current.insertNodes([link]);
      link.selectEnd();
      return;
    }
    $toggleLink(url, LINK_ATTRIBUTES);
  });
}

/** Removes the whole link at `selection`, keeping its text. */
export function removeLink(editor: LexicalEditor, selection: BaseSelection | null): void {
  editor.update(() => {
    if (selection !== null) $setSelection(selection.clone());
    const link = $selectedLink($getSelection());
    if (link === null) {
      $toggleLink(null);
      return;
    }
    for (const child of link.getChildren()) link.insertBefore(child);
    link.remove();
  });
}
