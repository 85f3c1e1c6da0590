import { useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import {
  columnOrderingFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ColumnSizingState,
  type ColumnVisibilityState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CaseRow, ColumnFilter } from '../../../../common/domain/schemas';
import { cellText, type CaseColumnSpec } from './caseColumns';
import type { CaseList } from './useCaseList';
import type { TableLayoutApi } from './useTableLayout';
import { FilterPopover } from './FilterPopover';

const features = tableFeatures({
  columnOrderingFeature,
  columnVisibilityFeature,
  columnSizingFeature,
  columnResizingFeature,
  rowSortingFeature,
});
type Features = typeof features;

export const ROW_HEIGHT = 28;

/** Multi-selection: explicit ids, or every row of the query (Ctrl+A) without fetching them. */
export interface Selection {
  all: boolean;
  ids: ReadonlySet<string>;
}
export const NO_SELECTION: Selection = { all: false, ids: new Set() };

export function isSelected(selection: Selection, id: string): boolean {
  return selection.all || selection.ids.has(id);
}

export interface CasesTableProps {
  label: string;
  list: CaseList;
  specs: CaseColumnSpec[];
  layout: TableLayoutApi;
  filters: ColumnFilter[];
  onFiltersChange(filters: ColumnFilter[]): void;
  selection: Selection;
  onSelectionChange(selection: Selection): void;
  active: number;
  onActiveChange(index: number): void;
  /** Click or Enter on a row. `focusDetail` is true for Enter (keyboard users go to the detail). */
  onOpen(row: CaseRow, focusDetail: boolean): void;
  onDelete?(): void;
  empty: ReactNode;
  gridRef?: React.RefObject<HTMLDivElement | null>;
}

/** The id of a row's element, for `aria-activedescendant`. */
function rowDomId(label: string, index: number): string {
  return `${label.replace(/\W+/g, '-').toLowerCase()}-row-${index}`;
}

/**
 * The virtualised cases grid. TanStack Table owns the column model (order, visibility, widths,
 * sort state); the rows come windowed from SQLite through `useCaseList`, so the grid is as tall as
 * the whole result but only the visible rows exist in the DOM.
 */
export function CasesTable(props: CasesTableProps) {
  const { label, list, specs, layout, filters, onFiltersChange, selection, onSelectionChange, active, onActiveChange, onOpen, onDelete, empty } = props;
  const ownRef = useRef<HTMLDivElement>(null);
  const scrollRef = props.gridRef ?? ownRef;
  const total = list.total ?? 0;

  const specById = useMemo(() => new Map(specs.map((s) => [s.id, s])), [specs]);

  const columns = useMemo<ColumnDef<Features, CaseRow, unknown>[]>(
    () =>
      specs.map((spec) => ({
        id: spec.id,
        header: spec.label,
        accessorFn: (row: CaseRow) => cellText(row, spec),
        size: spec.defaultSize,
        minSize: 50,
        maxSize: 1200,
        cell: ({ row }) => <CellContent row={row.original} spec={spec} />,
      })),
    [specs],
  );

  const columnOrder = useMemo(() => {
    const known = new Set(specs.map((s) => s.id));
    const saved = layout.layout.columnOrder.filter((id) => known.has(id));
    return [...saved, ...specs.map((s) => s.id).filter((id) => !saved.includes(id))];
  }, [layout.layout.columnOrder, specs]);

  const columnVisibility = useMemo<ColumnVisibilityState>(
    () => Object.fromEntries(layout.layout.hidden.map((id) => [id, false])),
    [layout.layout.hidden],
  );
  const sorting = useMemo<SortingState>(() => layout.layout.sort.map((s) => ({ id: s.column, desc: s.desc })), [layout.layout.sort]);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (list.total !== null) list.ensureRange(first, last);
  }, [list, first, last]);

  // The rows of the rendered window, as the table's data: stable until the window or the cache changes.
  const windowRows = useMemo(() => {
    const rows: CaseRow[] = [];
    for (let i = first; i <= last && i < total; i++) {
      const row = list.rowAt(i);
      if (row) rows.push(row);
    }
    return rows;
    // list.version changes whenever a cached row does.
  }, [list, first, last, total]);

  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  const resolve = <T,>(updater: Updater<T>, current: T): T => (typeof updater === 'function' ? (updater as (old: T) => T)(current) : updater);

  const table = useTable({
    features,
    columns,
    data: windowRows,
    getRowId: (row: CaseRow) => row.id,
    manualSorting: true,
    enableMultiSort: true,
    maxMultiSortColCount: 5,
    columnResizeMode: 'onChange',
    state: { columnOrder, columnVisibility, sorting, columnSizing: layout.layout.sizes },
    onColumnOrderChange: (u) => layoutRef.current.setColumnOrder(resolve(u, columnOrder)),
    onColumnVisibilityChange: (u) => {
      const next = resolve(u, columnVisibility);
      layoutRef.current.setHidden(Object.keys(next).filter((id) => next[id] === false));
    },
    onSortingChange: (u) => layoutRef.current.setSort(resolve(u, sorting).map((s) => ({ column: s.id, desc: s.desc }))),
    onColumnSizingChange: (u) => layoutRef.current.setSizes(resolve<ColumnSizingState>(u, layoutRef.current.layout.sizes)),
  });

  const rowsById = useMemo(() => new Map(table.getRowModel().rows.map((r) => [r.id, r])), [table, windowRows]);
  const visibleColumns = table.getVisibleLeafColumns();
  const totalWidth = table.getTotalSize();

  const scrollToIndex = useCallback((index: number) => virtualizer.scrollToIndex(index, { align: 'auto' }), [virtualizer]);

  const selectOnly = useCallback(
    (index: number) => {
      const row = list.rowAt(index);
      onActiveChange(index);
      onSelectionChange(row ? { all: false, ids: new Set([row.id]) } : NO_SELECTION);
    },
    [list, onActiveChange, onSelectionChange],
  );

  const anchor = useRef(0);

  function selectRange(from: number, to: number, add: boolean) {
    const ids = new Set(add && !selection.all ? selection.ids : []);
    const [a, b] = from < to ? [from, to] : [to, from];
    for (let i = a; i <= b; i++) {
      const row = list.rowAt(i);
      if (row) ids.add(row.id);
    }
    onSelectionChange({ all: false, ids });
  }

  function onRowClick(e: React.MouseEvent, index: number, row: CaseRow | undefined) {
    scrollRef.current?.focus({ preventScroll: true });
    if (!row) return;
    if (e.shiftKey) {
      selectRange(anchor.current, index, e.ctrlKey || e.metaKey);
      onActiveChange(index);
      return;
    }
    if (e.ctrlKey || e.metaKey) {
      const ids = new Set(selection.all ? [] : selection.ids);
      if (ids.has(row.id)) ids.delete(row.id);
      else ids.add(row.id);
      anchor.current = index;
      onActiveChange(index);
      onSelectionChange({ all: false, ids });
      return;
    }
    anchor.current = index;
    selectOnly(index);
    onOpen(row, false);
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.target !== e.currentTarget) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 2);
    const move: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    let target: number | null = null;
    if (e.key in move) target = active + (move[e.key] ?? 0);
    else if (e.key === 'Home') target = 0;
    else if (e.key === 'End') target = total - 1;
    if (target !== null) {
      e.preventDefault();
      if (total === 0) return;
      target = Math.max(0, Math.min(total - 1, target));
      scrollToIndex(target);
      if (e.shiftKey) {
        selectRange(anchor.current, target, false);
        onActiveChange(target);
      } else {
        anchor.current = target;
        selectOnly(target);
      }
      return;
    }
    if (e.key === 'a' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onSelectionChange({ all: true, ids: new Set() });
      return;
    }
    if (e.key === ' ' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      const row = list.rowAt(active);
      if (!row) return;
      const ids = new Set(selection.all ? [] : selection.ids);
      if (ids.has(row.id)) ids.delete(row.id);
      else ids.add(row.id);
      onSelectionChange({ all: false, ids });
      return;
    }
    if (e.key === 'Enter') {
      const row = list.rowAt(active);
      if (row) {
        e.preventDefault();
        onOpen(row, true);
      }
      return;
    }
    if ((e.key === 'Delete' || (e.key === 'Backspace' && (e.metaKey || e.ctrlKey))) && onDelete) {
      e.preventDefault();
      onDelete();
    }
  }

  function onFocus(e: React.FocusEvent) {
    // Only the grid itself, not a header button inside it.
    if (e.target !== e.currentTarget) return;
    if (total > 0 && selection.ids.size === 0 && !selection.all) selectOnly(Math.min(active, total - 1));
  }

  const activeRowId = total > 0 && active < total ? rowDomId(label, active) : undefined;

  return (
    <div
      ref={scrollRef}
      className="grid"
      role="grid"
      aria-label={label}
      aria-rowcount={total + 1}
      aria-colcount={visibleColumns.length}
      aria-multiselectable="true"
      aria-activedescendant={activeRowId}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      <div className="grid-head" role="rowgroup" style={{ width: totalWidth }}>
        {table.getHeaderGroups().map((group) => (
          <div role="row" aria-rowindex={1} className="grid-row grid-header-row" key={group.id}>
            {group.headers.map((header, colIndex) => {
              const spec = specById.get(header.column.id);
              if (!spec) return null;
              const sorted = header.column.getIsSorted();
              const sortIndex = header.column.getSortIndex();
              const filter = filters.find((f) => f.column === spec.id);
              return (
                <div
                  key={header.id}
                  role="columnheader"
                  aria-colindex={colIndex + 1}
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                  className="grid-header-cell"
                  style={{ width: header.getSize() }}
                  draggable
                  onDragStart={(e) => {
                    e.dataTransfer.setData('text/x-casebook-column', spec.id);
                    e.dataTransfer.effectAllowed = 'move';
                  }}
                  onDragOver={(e) => {
                    if (e.dataTransfer.types.includes('text/x-casebook-column')) e.preventDefault();
                  }}
                  onDrop={(e) => {
                    const moving = e.dataTransfer.getData('text/x-casebook-column');
                    if (!moving || moving === spec.id) return;
                    e.preventDefault();
                    const order = columnOrder.filter((id) => id !== moving);
                    order.splice(order.indexOf(spec.id), 0, moving);
                    layout.setColumnOrder(order);
                  }}
                >
                  <button
                    type="button"
                    className="grid-sort-button"
                    title="Sort (Shift-click to add a secondary sort)"
                    onClick={(e) => header.column.getToggleSortingHandler()?.(e)}
                  >
                    <span className="grid-header-label">{spec.label}</span>
                    {sorted && (
                      <span className="sort-indicator" aria-hidden="true">
                        {sorted === 'asc' ? '▲' : '▼'}
                        {sorting.length > 1 ? sortIndex + 1 : ''}
                      </span>
                    )}
                  </button>
                  <FilterPopover
                    spec={spec}
                    filter={filter}
                    onChange={(next) => onFiltersChange([...filters.filter((f) => f.column !== spec.id), ...(next ? [next] : [])])}
                  />
                  <div
                    role="separator"
                    aria-orientation="vertical"
                    aria-label={`Resize ${spec.label}`}
                    aria-valuenow={header.getSize()}
                    aria-valuemin={50}
                    aria-valuemax={1200}
                    tabIndex={0}
                    className={header.column.getIsResizing() ? 'resize-handle resizing' : 'resize-handle'}
                    onMouseDown={header.getResizeHandler()}
                    onTouchStart={header.getResizeHandler()}
                    onKeyDown={(e) => {
                      const step = e.shiftKey ? 50 : 10;
                      const delta = e.key === 'ArrowRight' ? step : e.key === 'ArrowLeft' ? -step : 0;
                      if (!delta) return;
                      e.preventDefault();
                      layout.setSizes({ ...layout.layout.sizes, [spec.id]: Math.max(50, Math.min(1200, header.getSize() + delta)) });
                    }}
                  />
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize(), width: totalWidth }}>
        {items.map((item) => {
          const data = list.rowAt(item.index);
          const row = data ? rowsById.get(data.id) : undefined;
          const selected = data ? isSelected(selection, data.id) : false;
          const classes = ['grid-row', selected ? 'selected' : '', item.index === active ? 'active' : ''].join(' ');
          return (
            <div
              key={item.key}
              id={rowDomId(label, item.index)}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={selected}
              className={classes}
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              onMouseDown={(e) => e.shiftKey && e.preventDefault()}
              onClick={(e) => onRowClick(e, item.index, data)}
              onDoubleClick={() => data && onOpen(data, true)}
            >
              {row
                ? row.getVisibleCells().map((cell) => (
                    <div role="gridcell" className="grid-cell" key={cell.id} style={{ width: cell.column.getSize() }}>
                      <table.FlexRender cell={cell} />
                    </div>
                  ))
                : visibleColumns.map((column) => (
                    <div role="gridcell" className="grid-cell loading" key={column.id} style={{ width: column.getSize() }} aria-busy="true" />
                  ))}
            </div>
          );
        })}
      </div>
      {list.total === 0 && <div className="grid-empty">{empty}</div>}
    </div>
  );
}

function CellContent({ row, spec }: { row: CaseRow; spec: CaseColumnSpec }) {
  const text = cellText(row, spec);
  if (spec.kind === 'status') return <span className={`status-chip status-${row.status}`}>{text}</span>;
  if ((spec.kind === 'list' || spec.kind === 'multi') && text) {
    const values = spec.id === 'tags' ? row.tags : spec.id === 'actors' ? row.actors : text.split(', ');
    return (
      <span className="cell-chips" title={text}>
        {values.map((v) => (
          <span className="chip" key={v}>
            {v}
          </span>
        ))}
      </span>
    );
  }
  return <span title={text.length > 30 ? text : undefined}>{text}</span>;
}
