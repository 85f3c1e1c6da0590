import { useCallback, useEffect, useState } from 'react';
import type { KbInfo, RecentKb } from '../../../common/domain/schemas';
import { useClient } from './PlatformContext';

export interface KbState {
  /** undefined while the first answer is on its way. */
  kb: KbInfo | null | undefined;
  recent: RecentKb[];
  open(path: string): Promise<KbInfo>;
  create(path: string, sample: boolean): Promise<KbInfo>;
  close(): Promise<void>;
  refresh(): Promise<void>;
}

/** The open knowledge base, kept current by `kb.changed` pushes (menus and other windows change it too). */
export function useKb(): KbState {
  const client = useClient();
  const [kb, setKb] = useState<KbInfo | null | undefined>(undefined);
  const [recent, setRecent] = useState<RecentKb[]>([]);

  const refresh = useCallback(async () => {
    const [current, list] = await Promise.all([client.call('kb.current', {}), client.call('kb.recent', {})]);
    setKb(current);
    setRecent(list);
  }, [client]);

  useEffect(() => {
    refresh().catch(() => setKb(null));
    return client.on('kb.changed', ({ kb: next }) => {
      setKb(next);
      client.call('kb.recent', {}).then(setRecent, () => undefined);
    });
  }, [client, refresh]);

  const open = useCallback(
    async (path: string) => {
      const info = await client.call('kb.open', { path });
      setKb(info);
      setRecent(await client.call('kb.recent', {}));
      return info;
    },
    [client],
  );

  const create = useCallback(
    async (path: string, sample: boolean) => {
      const info = await client.call('kb.create', { path, sample });
      setKb(info);
      setRecent(await client.call('kb.recent', {}));
      return info;
    },
    [client],
  );

  const close = useCallback(async () => {
    await client.call('kb.close', {});
    setKb(null);
    setRecent(await client.call('kb.recent', {}));
  }, [client]);

  return { kb, recent, open, create, close, refresh };
}
