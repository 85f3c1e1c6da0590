import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

export const PAGE_SIZE = 100;

/** One window of a query's rows, as the `*.list` channels answer. */
export interface ListWindow<Row> {
  total: number;
  rows: Row[];
}

interface QueryCache<Row> {
  total: number | null;
  pages: Map<number, Row[]>;
  inflight: Set<number>;
}

export interface WindowedList<Row extends { id: string }> {
  /** Rows matching the query; null until the first window has arrived. */
  total: number | null;
  error: string | null;
  /** The row at a position in the query's order, or undefined while its window loads. */
  rowAt(index: number): Row | undefined;
  /** Fetches the windows covering [start, end] that are not cached yet. */
  ensureRange(start: number, end: number): void;
  /** Replaces a row everywhere it is cached (after an edit), without refetching. */
  patchRow(row: Row): void;
  /** Drops every cached window (after creating, deleting, importing) and refetches what is visible. */
  reload(): Promise<void>;
  /** Ids of every matching row, paged; only for explicit bulk actions such as "select all + Delete". */
  allIds(): Promise<string[]>;
  /** Changes whenever cached rows change, for memoisation. */
  version: number;
}

const MAX_CACHED_QUERIES = 6;

/**
 * Windowed access to a list channel (`cases.list`, `sources.list`): sorting, filtering and paging
 * happen in SQLite; this hook only asks for the ~100-row windows a table is about to show and
 * caches them per query, so a table of 100k rows never holds more than a few hundred.
 */
export function useWindowedList<Q, Row extends { id: string }>(
  query: Q,
  fetchWindow: (query: Q, offset: number, limit: number) => Promise<ListWindow<Row>>,
): WindowedList<Row> {
  const key = useMemo(() => JSON.stringify(query), [query]);
  const fetchRef = useRef(fetchWindow);
  fetchRef.current = fetchWindow;
  const caches = useRef(new Map<string, QueryCache<Row>>());
  const range = useRef<[number, number]>([0, PAGE_SIZE]);
  const generation = useRef(0);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const bump = useCallback(() => setVersion((v) => v + 1), []);

  const cacheFor = useCallback((k: string): QueryCache<Row> => {
    let cache = caches.current.get(k);
    if (!cache) {
      cache = { total: null, pages: new Map(), inflight: new Set() };
      caches.current.set(k, cache);
      while (caches.current.size > MAX_CACHED_QUERIES) {
        const oldest = caches.current.keys().next().value;
        if (oldest === undefined) break;
        caches.current.delete(oldest);
      }
    } else {
      // Refresh LRU position.
      caches.current.delete(k);
      caches.current.set(k, cache);
    }
    return cache;
  }, []);

  const fetchPage = useCallback(
    async (page: number) => {
      const cache = cacheFor(key);
      if (cache.pages.has(page) || cache.inflight.has(page)) return;
      cache.inflight.add(page);
      const gen = generation.current;
      try {
        const result = await fetchRef.current(query, page * PAGE_SIZE, PAGE_SIZE);
        if (gen !== generation.current) return;
        cache.total = result.total;
        cache.pages.set(page, result.rows);
        setError(null);
      } catch (e) {
        if (gen === generation.current) setError(e instanceof Error ? e.message : String(e));
      } finally {
        cache.inflight.delete(page);
        if (gen === generation.current) bump();
      }
    },
    // query is represented by key.
    [key, cacheFor, bump],
  );

  const ensureRange = useCallback(
    (start: number, end: number) => {
      range.current = [start, end];
      const cache = cacheFor(key);
      const last = cache.total === null ? 0 : Math.max(0, Math.ceil(cache.total / PAGE_SIZE) - 1);
      const from = Math.max(0, Math.floor(start / PAGE_SIZE));
      const to = Math.min(last, Math.floor(Math.max(start, end) / PAGE_SIZE));
      for (let p = from; p <= to; p++) void fetchPage(p);
    },
    [key, cacheFor, fetchPage],
  );

  useEffect(() => {
    const cache = cacheFor(key);
    if (cache.total === null) void fetchPage(0);
    else bump();
  }, [key, cacheFor, fetchPage, bump]);

  const reload = useCallback(async () => {
    generation.current++;
    caches.current.clear();
    bump();
    const [start, end] = range.current;
    await fetchPage(0);
    ensureRange(start, end);
  }, [fetchPage, ensureRange, bump]);

  const patchRow = useCallback(
    (row: Row) => {
      for (const cache of caches.current.values()) {
        for (const rows of cache.pages.values()) {
          const i = rows.findIndex((r) => r.id === row.id);
          if (i >= 0) rows[i] = row;
        }
      }
      bump();
    },
    [bump],
  );

  const allIds = useCallback(async () => {
    const ids: string[] = [];
    for (let offset = 0; ; offset += 500) {
      const result = await fetchRef.current(query, offset, 500);
      ids.push(...result.rows.map((r) => r.id));
      if (offset + 500 >= result.total || result.rows.length === 0) break;
    }
    return ids;
  }, [key]);

  const cache = caches.current.get(key);
  const rowAt = useCallback(
    (index: number) => cache?.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    // version is a dependency because rows are patched in place.
    [cache, version],
  );

  return { total: cache?.total ?? null, error, rowAt, ensureRange, patchRow, reload, allIds, version };
}
