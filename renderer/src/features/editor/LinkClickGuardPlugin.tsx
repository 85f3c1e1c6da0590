import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';

/**
 * Clicking a link in a note never navigates the app window (a read-only note is not
 * contenteditable, so the browser would follow it). Links come from imports and colleagues'
 * files and are untrusted; opening them is a separate, explicit action.
 */
export function LinkClickGuardPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let current: HTMLElement | null = null;
    const attach = (root: HTMLElement | null): void => {
      current?.removeEventListener('click', stopLinkNavigation, true);
      current?.removeEventListener('auxclick', stopLinkNavigation, true);
      current = root;
      current?.addEventListener('click', stopLinkNavigation, true);
      current?.addEventListener('auxclick', stopLinkNavigation, true);
    };
    const unregister = editor.registerRootListener((root) => attach(root));
    return () => {
      unregister();
      attach(null);
    };
  }, [editor]);
  return null;
}

function stopLinkNavigation(event: MouseEvent): void {
  const target = event.target;
  if (target instanceof Element && target.closest('a') !== null) event.preventDefault();
}
