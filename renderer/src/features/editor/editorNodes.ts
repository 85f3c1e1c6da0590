import type { Klass, LexicalNode } from 'lexical';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { FootnoteNode } from '../footnotes/FootnoteNode';

/**
 * Every node type a case note may contain, beyond Lexical's built-ins (root, paragraph, text,
 * line break, tab). One list shared by the live editor and the load check in `loadInitialNote`,
 * so a note that loads in one loads in the other. A new node is added here.
 * AutoLinkNode is registered so notes holding auto-detected links (pasted or from later
 * versions) still load, even though this editor does not create them itself.
 */
export const EDITOR_NODES: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  FootnoteNode,
];
