import { useEffect } from 'react';
import { BLUR_COMMAND, COMMAND_PRIORITY_LOW, HISTORY_MERGE_TAG, mergeRegister } from 'lexical';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { LexicalJson } from '../../../../common/domain/schemas';
import type { Autosaver } from './createAutosaver';

interface AutosavePluginProps {
  autosaver: Autosaver<LexicalJson>;
  /** Serialized state the editor was loaded with: reaching it again is not a change. */
  baseline: string | undefined;
  /** A damaged note is never saved, so the degraded copy cannot replace the original. */
  enabled: boolean;
}

/**
 * Feeds content changes to the autosaver and flushes it when work could be lost: on blur, when
 * the page is hidden or unloaded, and on unmount (a case switch remounts the editor). Selection
 * moves and the initial load are not changes; they are filtered by dirty nodes and by comparing
 * the serialized JSON with the last value seen.
 */
export function AutosavePlugin({ autosaver, baseline, enabled }: AutosavePluginProps): null {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    if (!enabled) return;
    let lastSeen = baseline;
    let userChanged = false;
    const onHidden = (): void => {
      if (document.visibilityState === 'hidden') autosaver.flush();
    };
    const onPageHide = (): void => autosaver.flush();
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    const unregister = mergeRegister(
      editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, tags }) => {
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
        const serialized = editorState.toJSON();
        const text = JSON.stringify(serialized);
        if (text === lastSeen) return;
        lastSeen = text;
        // Loading the initial state is tagged history-merge; it re-baselines rather than saves.
        if (!userChanged && tags.has(HISTORY_MERGE_TAG)) return;
        userChanged = true;
        autosaver.change(LexicalJson.parse(serialized));
      }),
      editor.registerCommand(
        BLUR_COMMAND,
        () => {
          autosaver.flush();
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
    return () => {
      unregister();
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onPageHide);
      autosaver.flush();
    };
  }, [editor, autosaver, baseline, enabled]);

  return null;
}
