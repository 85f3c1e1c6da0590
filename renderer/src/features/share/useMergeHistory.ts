import { useCallback, useEffect, useState } from 'react';
import type { MergeHistoryEntry } from '../../../../common/domain/sharing';
import { useClient } from '../../app/PlatformContext';
import { errorText } from './shareText';

export interface MergeHistoryApi {
  /** null while loading. */
  history: MergeHistoryEntry[] | null;
  error: string | null;
  reload(): Promise<void>;
}

/** Earlier merges into the open knowledge base, newest first. */
export function useMergeHistory(): MergeHistoryApi {
  const client = useClient();
  const [history, setHistory] = useState<MergeHistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const entries = await client.call('merge.history', {});
      setHistory([...entries].sort((a, b) => b.finishedAt.localeCompare(a.finishedAt)));
      setError(null);
    } catch (e) {
      setHistory([]);
      setError(errorText(e));
    }
  }, [client]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { history, error, reload };
}
