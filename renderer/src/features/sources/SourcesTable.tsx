import { useEffect, useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { SOURCE_TYPE_LABELS, type SourceRow, type SourceType } from '../../../../common/domain/sources';
import { ROW_HEIGHT } from '../cases/CasesTable';
import type { SourceColumn, SourceList, SourceListQuery } from './useSourceList';

interface ColumnSpec {
  id: SourceColumn;
  label: string;
  width: number;
  text(row: SourceRow): string;
}

/** "Journal article" for known CSL types, the raw type otherwise (imports may bring others). */
export function typeLabel(type: string): string {
  return (SOURCE_TYPE_LABELS as Record<string, string | undefined>)[type as SourceType] ?? type;
}

const COLUMNS: ColumnSpec[] = [
  { id: 'type', label: 'Type', width: 130, text: (r) => typeLabel(r.type) },
  { id: 'authors', label: 'Authors', width: 200, text: (r) => r.authors },
  { id: 'year', label: 'Year', width: 70, text: (r) => (r.year === null ? '' : String(r.year)) },
  { id: 'title', label: 'Title', width: 320, text: (r) => r.title },
  { id: 'container', label: 'Container', width: 180, text: (r) => r.container },
  { id: 'citekey', label: 'Citekey', width: 150, text: (r) => r.citekey },
  { id: 'citedIn', label: 'Cited in', width: 80, text: (r) => (r.citedIn === 0 ? '' : r.citedIn.toLocaleString('en-US')) },
];
const TOTAL_WIDTH = COLUMNS.reduce((sum, c) => sum + c.width, 0);

interface SourcesTableProps {
  list: SourceList;
  sort: SourceListQuery['sort'];
  onSortChange(sort: SourceListQuery['sort']): void;
  selectedId: string | null;
  active: number;
  onActiveChange(index: number, row: SourceRow | undefined): void;
  /** Click or Enter on a row; `focusDetail` for Enter. */
  onOpen(row: SourceRow, focusDetail: boolean): void;
  empty: ReactNode;
  gridRef: React.RefObject<HTMLDivElement | null>;
}

/**
 * The sources grid: the same windowed, virtualised grid as the cases table (rows fetched from
 * SQLite a window at a time, only the visible ones in the DOM, the same grid semantics and
 * keyboard), with a fixed set of bibliographic columns.
 */
export function SourcesTable({ list, sort, onSortChange, selectedId, active, onActiveChange, onOpen, empty, gridRef }: SourcesTableProps) {
  const total = list.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => gridRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (list.total !== null) list.ensureRange(first, last);
  }, [list, first, last]);

  function toggleSort(column: SourceColumn, add: boolean) {
    const existing = sort.find((s) => s.column === column);
    // asc → desc → unsorted, like the cases table.
    const next = existing ? (existing.desc ? null : { column, desc: true }) : { column, desc: false };
    const others = add ? sort.filter((s) => s.column !== column) : [];
    const result = next ? (add && existing ? sort.map((s) => (s.column === column ? next : s)) : [...others, next]) : others;
    onSortChange(result.slice(0, 3));
  }

  const anchor = useRef(0);

  function select(index: number) {
    const target = Math.max(0, Math.min(total - 1, index));
    anchor.current = target;
    virtualizer.scrollToIndex(target, { align: 'auto' });
    onActiveChange(target, list.rowAt(target));
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.target !== e.currentTarget || total === 0) return;
    const page = Math.max(1, Math.floor((gridRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 2);
    const move: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (e.key in move) {
      e.preventDefault();
      select(active + (move[e.key] ?? 0));
    } else if (e.key === 'Home') {
      e.preventDefault();
      select(0);
    } else if (e.key === 'End') {
      e.preventDefault();
      select(total - 1);
    } else if (e.key === 'Enter') {
      const row = list.rowAt(active);
      if (row) {
        e.preventDefault();
        onOpen(row, true);
      }
    }
  }

  const activeRowId = total > 0 && active < total ? `sources-row-${active}` : undefined;

  return (
    <div
      ref={gridRef}
      className="grid"
      role="grid"
      aria-label="Sources"
      aria-rowcount={total + 1}
      aria-colcount={COLUMNS.length}
      aria-activedescendant={activeRowId}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        if (e.target === e.currentTarget && total > 0 && selectedId === null) select(Math.min(active, total - 1));
      }}
    >
      <div className="grid-head" role="rowgroup" style={{ width: TOTAL_WIDTH }}>
        <div role="row" aria-rowindex={1} className="grid-row grid-header-row">
          {COLUMNS.map((column, i) => {
            const s = sort.find((x) => x.column === column.id);
            const position = sort.findIndex((x) => x.column === column.id);
            return (
              <div
                key={column.id}
                role="columnheader"
                aria-colindex={i + 1}
                aria-sort={s ? (s.desc ? 'descending' : 'ascending') : 'none'}
                className="grid-header-cell"
                style={{ width: column.width }}
              >
                <button
                  type="button"
                  className="grid-sort-button"
                  title="Sort (Shift-click to add a secondary sort)"
                  onClick={(e) => toggleSort(column.id, e.shiftKey)}
                >
                  <span className="grid-header-label">{column.label}</span>
                  {s && (
                    <span className="sort-indicator" aria-hidden="true">
                      {s.desc ? '▼' : '▲'}
                      {sort.length > 1 ? position + 1 : ''}
                    </span>
                  )}
                </button>
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize(), width: TOTAL_WIDTH }}>
        {items.map((item) => {
          const row = list.rowAt(item.index);
          const selected = row !== undefined && row.id === selectedId;
          return (
            <div
              key={item.key}
              id={`sources-row-${item.index}`}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={selected}
              className={['grid-row', selected ? 'selected' : '', item.index === active ? 'active' : ''].join(' ')}
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              onClick={() => {
                gridRef.current?.focus({ preventScroll: true });
                if (!row) return;
                anchor.current = item.index;
                onActiveChange(item.index, row);
                onOpen(row, false);
              }}
            >
              {COLUMNS.map((column) =>
                row ? (
                  <div role="gridcell" className="grid-cell" key={column.id} style={{ width: column.width }}>
                    <span title={column.text(row).length > 30 ? column.text(row) : undefined}>{column.text(row)}</span>
                  </div>
                ) : (
                  <div role="gridcell" className="grid-cell loading" key={column.id} style={{ width: column.width }} aria-busy="true" />
                ),
              )}
            </div>
          );
        })}
      </div>
      {list.total === 0 && <div className="grid-empty">{empty}</div>}
    </div>
  );
}
