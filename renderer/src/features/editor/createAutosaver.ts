/** What the save indicator shows. */
export type SaveState =
  | { kind: 'saved'; savedAt: string | null }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'error'; message: string };

export interface AutosaverOptions<T> {
  /** Persists one value; resolves when it is stored. */
  save: (value: T) => Promise<{ noteUpdatedAt: string }>;
  /** Quiet time after the last change before saving. */
  debounceMs?: number;
  /** Longest a change may stay unsaved while the user keeps typing. */
  maxWaitMs?: number;
}

export interface Autosaver<T> {
  /** Records the newest value; it is saved after the debounce (or max wait), whichever is first. */
  change(value: T): void;
  /** Saves the newest value now (or right after the save in flight). */
  flush(): void;
  /** Receives every state change; `null` detaches (the component unmounted). */
  setListener(listener: ((state: SaveState) => void) | null): void;
  getState(): SaveState;
}

/**
 * Debounced, single-flight saving for the note editor. A crash loses at most about `maxWaitMs`
 * of typing; there is never more than one save in flight, so saves reach the store in order and
 * the newest value always wins. It keeps working after the component unmounts, so a flush on a
 * case switch still completes (and saves changes made while an earlier save was in flight).
 */
export function createAutosaver<T>(options: AutosaverOptions<T>): Autosaver<T> {
  const debounceMs = options.debounceMs ?? 500;
  const maxWaitMs = options.maxWaitMs ?? 1000;
  let pending: { value: T } | null = null;
  let inFlight = false;
  let flushWhenIdle = false;
  let debounceTimer: ReturnType<typeof setTimeout> | null = null;
  let maxWaitTimer: ReturnType<typeof setTimeout> | null = null;
  let state: SaveState = { kind: 'saved', savedAt: null };
  let listener: ((state: SaveState) => void) | null = null;

  function setState(next: SaveState): void {
    state = next;
    listener?.(next);
  }

  function clearTimers(): void {
    if (debounceTimer !== null) clearTimeout(debounceTimer);
    if (maxWaitTimer !== null) clearTimeout(maxWaitTimer);
    debounceTimer = null;
    maxWaitTimer = null;
  }

  function flush(): void {
    clearTimers();
    if (pending === null) return;
    if (inFlight) {
      flushWhenIdle = true;
      return;
    }
    const { value } = pending;
    pending = null;
    inFlight = true;
    setState({ kind: 'saving' });
    let saving: Promise<{ noteUpdatedAt: string }>;
    try {
      saving = options.save(value);
    } catch (error) {
      saving = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    saving.then(
      (result) => {
        inFlight = false;
        if (pending === null) {
          setState({ kind: 'saved', savedAt: result.noteUpdatedAt });
          return;
        }
        setState({ kind: 'unsaved' });
        if (flushWhenIdle) {
          flushWhenIdle = false;
          flush();
        }
      },
      (error: unknown) => {
        inFlight = false;
        flushWhenIdle = false;
        // A newer value supersedes the failed one; otherwise keep it for Retry.
        if (pending === null) pending = { value };
        setState({ kind: 'error', message: errorMessage(error) });
      },
    );
  }

  return {
    change(value) {
      pending = { value };
      // Keep an error visible until the next attempt starts, so it is not hidden by typing.
      if (!inFlight && state.kind !== 'error') setState({ kind: 'unsaved' });
      if (debounceTimer !== null) clearTimeout(debounceTimer);
      debounceTimer = setTimeout(flush, debounceMs);
      maxWaitTimer ??= setTimeout(flush, maxWaitMs);
    },
    flush,
    setListener(next) {
      listener = next;
    },
    getState: () => state,
  };
}

function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return 'the note could not be stored';
}
