import { useCallback, useEffect, useRef, useState } from 'react';
import type { SortSpec, TableLayout } from '../../../../common/domain/schemas';
import { useClient } from '../../app/PlatformContext';
import { DEFAULT_HIDDEN } from './caseColumns';

export interface TableLayoutApi {
  layout: TableLayout;
  setColumnOrder(order: string[]): void;
  setHidden(hidden: string[]): void;
  setSizes(sizes: Record<string, number>): void;
  setSort(sort: SortSpec[]): void;
}

const INITIAL: TableLayout = { columnOrder: [], hidden: DEFAULT_HIDDEN, sizes: {}, sort: [] };
const SAVE_DELAY_MS = 600;

/**
 * The cases table's column layout (order, visibility, widths, sort), loaded from and saved to the
 * knowledge base with `views.get/save` so it travels with the file. Saves are debounced, because a
 * column resize produces a change per mouse move. `persist: false` keeps it in memory (Trash).
 */
export function useTableLayout(persist: boolean): TableLayoutApi {
  const client = useClient();
  const [layout, setLayout] = useState<TableLayout>(INITIAL);
  const loaded = useRef(!persist);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (!persist) return;
    let live = true;
    client.call('views.get', { table: 'cases' }).then(
      (saved) => {
        if (!live) return;
        loaded.current = true;
        if (saved) setLayout(saved);
      },
      () => {
        loaded.current = true;
      },
    );
    return () => {
      live = false;
    };
  }, [client, persist]);

  const update = useCallback(
    (patch: Partial<TableLayout>) => {
      setLayout((current) => {
        const next = { ...current, ...patch };
        if (persist && loaded.current) {
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => {
            client.call('views.save', { table: 'cases', layout: sanitize(next) }).catch(() => undefined);
          }, SAVE_DELAY_MS);
        }
        return next;
      });
    },
    [client, persist],
  );

  useEffect(() => () => window.clearTimeout(timer.current), []);

  return {
    layout,
    setColumnOrder: useCallback((columnOrder) => update({ columnOrder }), [update]),
    setHidden: useCallback((hidden) => update({ hidden }), [update]),
    setSizes: useCallback((sizes) => update({ sizes }), [update]),
    setSort: useCallback((sort) => update({ sort }), [update]),
  };
}

/** Keeps saved widths inside the range the contract accepts. */
function sanitize(layout: TableLayout): TableLayout {
  const sizes: Record<string, number> = {};
  for (const [id, size] of Object.entries(layout.sizes)) sizes[id] = Math.round(Math.min(2000, Math.max(30, size)));
  return { ...layout, sizes, sort: layout.sort.slice(0, 5) };
}
