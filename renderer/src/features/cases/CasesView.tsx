import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseDetail, CaseRow } from '../../../../common/domain/schemas';
import type { CommandBus } from '../../app/commandBus';
import { useClient } from '../../app/PlatformContext';
import { useToasts } from '../../ui/Toasts';
import { CaseDetailPane } from './CaseDetailPane';
import { CasesTable, NO_SELECTION } from './CasesTable';
import { ColumnsMenu } from './ColumnsMenu';
import { describeFilter } from './FilterPopover';
import { countCases, useCasesGrid } from './useCasesGrid';

interface CasesViewProps {
  readOnly: boolean;
  commands: CommandBus;
  /** Opens the export dialog (it asks `commands` for the selection). */
  onExport(): void;
}

/** The main view: search and filters, the cases grid, and the selected case's detail beside it. */
export function CasesView({ readOnly, commands, onExport }: CasesViewProps) {
  const client = useClient();
  const toasts = useToasts();
  const grid = useCasesGrid(false);
  const { list, specs } = grid;
  const [openId, setOpenId] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState<{ id: string; n: number } | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);

  const onChanged = useCallback((detail: CaseDetail) => list.patchRow(detail), [list]);

  const newCase = useCallback(async () => {
    if (readOnly) return;
    try {
      const created = await client.call('cases.create', { title: 'Untitled case' });
      await list.reload();
      grid.setSelection({ all: false, ids: new Set([created.id]) });
      setOpenId(created.id);
      setFocusRequest((f) => ({ id: created.id, n: (f?.n ?? 0) + 1 }));
    } catch (e) {
      toasts.fail(e);
    }
  }, [client, list, readOnly, toasts, grid]);

  const trashSelected = useCallback(async () => {
    if (readOnly || grid.selectedCount === 0) return;
    try {
      const ids = await grid.selectedIds();
      if (ids.length === 0) return;
      const { count } = await client.call('cases.trash', { ids });
      if (openId && ids.includes(openId)) setOpenId(null);
      grid.setSelection(NO_SELECTION);
      await list.reload();
      gridRef.current?.focus();
      toasts.info(`Moved ${countCases(count)} to the Trash`, {
        label: 'Undo',
        run: () => {
          client
            .call('cases.restore', { ids })
            .then(() => list.reload())
            .then(() => grid.setSelection({ all: false, ids: new Set(ids) }))
            .catch(toasts.fail);
        },
      });
    } catch (e) {
      toasts.fail(e);
    }
  }, [client, grid, list, openId, readOnly, toasts]);

  useEffect(
    () =>
      commands.subscribe((command) => {
        if (command === 'case.new') void newCase();
        else if (command === 'case.trash') void trashSelected();
        else if (command === 'find') {
          searchRef.current?.focus();
          searchRef.current?.select();
        }
      }),
    [commands, newCase, trashSelected],
  );

  useEffect(
    () =>
      commands.onOpenCase((caseId) => {
        grid.setSelection({ all: false, ids: new Set([caseId]) });
        setOpenId(caseId);
      }),
    [commands, grid.setSelection],
  );

  // What an export opened from the menu, the shortcut or the toolbar works on.
  const currentSelection = async () => ({ caseIds: await grid.selectedIds(), openCaseId: openId });
  const selectionRef = useRef(currentSelection);
  selectionRef.current = currentSelection;
  useEffect(() => commands.provideSelection(() => selectionRef.current()), [commands]);

  const onOpen = useCallback((row: CaseRow, focusDetail: boolean) => {
    setOpenId(row.id);
    if (focusDetail) setFocusRequest((f) => ({ id: row.id, n: (f?.n ?? 0) + 1 }));
  }, []);

  const total = list.total;

  return (
    <div className="workspace">
      <section className="cases-pane" aria-label="Cases">
        <div className="toolbar" role="toolbar" aria-label="Case actions">
          <button type="button" className="primary" onClick={() => void newCase()} disabled={readOnly} title="New case (Ctrl+N)">
            New case
          </button>
          <input
            ref={searchRef}
            type="search"
            className="search"
            aria-label="Search cases"
            placeholder="Search cases (Ctrl+F)"
            value={grid.searchInput}
            onChange={(e) => grid.setSearchInput(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' || (e.key === 'Enter' && !e.shiftKey)) {
                e.preventDefault();
                gridRef.current?.focus();
              }
            }}
          />
          <ColumnsMenu specs={specs} layout={grid.layout} />
          <span className="spacer" />
          {grid.selectedCount > 1 && <span className="muted">{grid.selectedCount.toLocaleString('en-US')} selected</span>}
          {grid.selectedCount > 0 && !readOnly && (
            <button type="button" onClick={() => void trashSelected()} title="Move to Trash (Delete)">
              Move to Trash
            </button>
          )}
          <button type="button" onClick={onExport} title="Export the selected cases (Ctrl+E)">
            Export…
          </button>
          <span className="case-count" role="status" aria-live="polite">
            {total === null ? '' : countCases(total)}
          </span>
        </div>
        {grid.filters.length > 0 && (
          <div className="filter-chips" aria-label="Active filters">
            {grid.filters.map((f) => {
              const spec = specs.find((s) => s.id === f.column);
              if (!spec) return null;
              const text = describeFilter(f, spec);
              return (
                <span className="chip" key={f.column}>
                  {text}
                  <button
                    type="button"
                    className="chip-remove"
                    aria-label={`Remove filter ${text}`}
                    onClick={() => grid.setFilters(grid.filters.filter((x) => x.column !== f.column))}
                  >
                    ×
                  </button>
                </span>
              );
            })}
            <button type="button" className="link-button" onClick={grid.clearFilters}>
              Clear filters
            </button>
          </div>
        )}
        {list.error && (
          <p className="field-error" role="alert">
            {list.error}
          </p>
        )}
        <CasesTable
          label="Cases"
          gridRef={gridRef}
          list={list}
          specs={specs}
          layout={grid.layout}
          filters={grid.filters}
          onFiltersChange={grid.setFilters}
          selection={grid.selection}
          onSelectionChange={grid.setSelection}
          active={grid.active}
          onActiveChange={grid.setActive}
          onOpen={onOpen}
          onDelete={readOnly ? undefined : () => void trashSelected()}
          empty={
            grid.isFiltered ? (
              <p>
                No cases match this filter —{' '}
                <button type="button" className="link-button" onClick={grid.clearFilters}>
                  Clear filters
                </button>
              </p>
            ) : (
              <p>
                No cases yet —{' '}
                <button type="button" className="link-button" onClick={() => void newCase()} disabled={readOnly}>
                  New case
                </button>{' '}
                (Ctrl+N)
              </p>
            )
          }
        />
      </section>
      {openId && (
        <CaseDetailPane
          key={openId}
          caseId={openId}
          readOnly={readOnly}
          focusRequest={focusRequest?.id === openId ? focusRequest.n : 0}
          onChanged={onChanged}
          onClose={() => {
            setOpenId(null);
            gridRef.current?.focus();
          }}
        />
      )}
    </div>
  );
}
