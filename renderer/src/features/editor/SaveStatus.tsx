import { hlcToIso } from '../../../../common/hlc';
import type { SaveState } from './createAutosaver';

const LABELS = { saved: 'Saved', saving: 'Saving…', unsaved: 'Unsaved changes' } as const;

/** The save indicator beside the toolbar; a failed save says why and offers Retry. */
export function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const text = state.kind === 'error' ? `Not saved — ${state.message}` : LABELS[state.kind];
  const title = state.kind === 'saved' && state.savedAt !== null ? `Saved at ${formatTime(state.savedAt)}` : undefined;
  return (
    <div className={`cb-save-status cb-save-status--${state.kind}`}>
      <span role="status" title={title}>
        {text}
      </span>
      {state.kind === 'error' && (
        <button type="button" className="cb-save-status__retry" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}

/** `noteUpdatedAt` is a hybrid-logical-clock string; its wall-clock part is what people read. */
function formatTime(stamp: string): string {
  const date = new Date(hlcToIso(stamp));
  return Number.isNaN(date.getTime()) ? stamp : date.toLocaleTimeString();
}
