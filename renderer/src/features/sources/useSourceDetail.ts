import { useCallback, useEffect, useRef, useState } from 'react';
import type { CslItem, SourceDetail } from '../../../../common/domain/sources';
import { useClient } from '../../app/PlatformContext';

export interface SourceDetailApi {
  detail: SourceDetail | null;
  error: string | null;
  /** Sets (or with `undefined` removes) CSL variables; rejects with the server's message. */
  setVariables(patch: Record<string, unknown>): Promise<void>;
  setCitekey(citekey: string): Promise<void>;
  remove(): Promise<void>;
}

/** Variables the store owns; the record sent back never carries them. */
const STORE_OWNED = ['id', 'citation-key'];

/**
 * One source, loaded and saved through `sources.get` / `sources.update`. Saves are serialised so
 * that two quick edits (a title, then an author on blur) never overwrite each other's record.
 */
export function useSourceDetail(id: string, onChanged: (detail: SourceDetail) => void): SourceDetailApi {
  const client = useClient();
  const [detail, setDetail] = useState<SourceDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = useRef<SourceDetail | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const onChangedRef = useRef(onChanged);
  onChangedRef.current = onChanged;

  useEffect(() => {
    let live = true;
    client.call('sources.get', { id }).then(
      (d) => {
        if (!live) return;
        current.current = d;
        setDetail(d);
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [client, id]);

  const apply = useCallback((d: SourceDetail) => {
    current.current = d;
    setDetail(d);
    onChangedRef.current(d);
  }, []);

  const enqueue = useCallback(<T,>(work: () => Promise<T>): Promise<T> => {
    const run = queue.current.then(work, work);
    queue.current = run.catch(() => undefined);
    return run;
  }, []);

  const setVariables = useCallback(
    (patch: Record<string, unknown>) =>
      enqueue(async () => {
        const base = current.current;
        if (!base) return;
        const csl: CslItem = { ...base.csl };
        for (const key of STORE_OWNED) delete csl[key];
        for (const [key, value] of Object.entries(patch)) {
          if (value === undefined) delete csl[key];
          else csl[key] = value;
        }
        apply(await client.call('sources.update', { id, csl }));
      }),
    [apply, client, enqueue, id],
  );

  const setCitekey = useCallback(
    (citekey: string) =>
      enqueue(async () => {
        apply(await client.call('sources.update', { id, citekey }));
      }),
    [apply, client, enqueue, id],
  );

  const remove = useCallback(async () => {
    await client.call('sources.delete', { id });
  }, [client, id]);

  return { detail, error, setVariables, setCitekey, remove };
}
