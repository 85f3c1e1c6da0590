import { useCallback, useEffect, useState } from 'react';
import type { ConflictDetail, ConflictSummary } from '../../../../common/domain/sharing';
import { useClient } from '../../app/PlatformContext';
import { errorText } from './shareText';

export interface ConflictsApi {
  /** null while loading. */
  conflicts: ConflictSummary[] | null;
  error: string | null;
  /** Loads the list again and returns it (so the caller can pick the next one). */
  reload(): Promise<ConflictSummary[]>;
}

/** Merge conflicts waiting for review in the open knowledge base. */
export function useConflicts(): ConflictsApi {
  const client = useClient();
  const [conflicts, setConflicts] = useState<ConflictSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const list = await client.call('merge.conflicts', {});
      setConflicts(list);
      setError(null);
      return list;
    } catch (e) {
      setConflicts([]);
      setError(errorText(e));
      return [];
    }
  }, [client]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { conflicts, error, reload };
}

/** One conflict's fields, both sides; reloads when `id` changes and ignores answers for an earlier id. */
export function useConflictDetail(id: string | null): { detail: ConflictDetail | null; error: string | null } {
  const client = useClient();
  const [state, setState] = useState<{ id: string | null; detail: ConflictDetail | null; error: string | null }>({ id: null, detail: null, error: null });

  useEffect(() => {
    if (id === null) return;
    let live = true;
    client.call('merge.conflict', { id }).then(
      (detail) => live && setState({ id, detail, error: null }),
      (e: unknown) => live && setState({ id, detail: null, error: errorText(e) }),
    );
    return () => {
      live = false;
    };
  }, [client, id]);

  // An answer for another conflict is never shown, not even for a moment.
  return state.id === id ? { detail: state.detail, error: state.error } : { detail: null, error: null };
}
