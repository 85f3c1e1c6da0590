import { useState } from 'react';
import { useClient } from '../../app/PlatformContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useToasts } from '../../ui/Toasts';
import { CasesTable, NO_SELECTION } from '../cases/CasesTable';
import { countCases, useCasesGrid } from '../cases/useCasesGrid';

/** Trashed cases in the same grid, with Restore and Delete forever (after a confirmation). */
export function TrashView({ readOnly, onBack }: { readOnly: boolean; onBack(): void }) {
  const client = useClient();
  const toasts = useToasts();
  const grid = useCasesGrid(true);
  const { list } = grid;
  const [confirming, setConfirming] = useState<string[] | null>(null);

  async function restore() {
    try {
      const ids = await grid.selectedIds();
      if (ids.length === 0) return;
      const { count } = await client.call('cases.restore', { ids });
      grid.setSelection(NO_SELECTION);
      await list.reload();
      toasts.info(`Restored ${countCases(count)}`);
    } catch (e) {
      toasts.fail(e);
    }
  }

  async function askPurge() {
    try {
      const ids = await grid.selectedIds();
      if (ids.length > 0) setConfirming(ids);
    } catch (e) {
      toasts.fail(e);
    }
  }

  async function purge(ids: string[]) {
    setConfirming(null);
    try {
      const { count } = await client.call('cases.purge', { ids });
      grid.setSelection(NO_SELECTION);
      await list.reload();
      toasts.info(`Deleted ${countCases(count)} forever`);
    } catch (e) {
      toasts.fail(e);
    }
  }

  const none = grid.selectedCount === 0 || readOnly;

  return (
    <div className="workspace">
      <section className="cases-pane" aria-label="Trash">
        <div className="toolbar" role="toolbar" aria-label="Trash actions">
          <h2 className="view-title">Trash</h2>
          <button type="button" onClick={onBack}>
            Back to cases
          </button>
          <input
            type="search"
            className="search"
            aria-label="Search the Trash"
            placeholder="Search the Trash"
            value={grid.searchInput}
            onChange={(e) => grid.setSearchInput(e.target.value)}
          />
          <span className="spacer" />
          <button type="button" disabled={none} onClick={() => void restore()}>
            Restore
          </button>
          <button type="button" className="danger" disabled={none} onClick={() => void askPurge()}>
            Delete forever
          </button>
          <span className="case-count" role="status" aria-live="polite">
            {list.total === null ? '' : `${countCases(list.total)} in the Trash`}
          </span>
        </div>
        <CasesTable
          label="Trash"
          list={list}
          specs={grid.specs}
          layout={grid.layout}
          filters={grid.filters}
          onFiltersChange={grid.setFilters}
          selection={grid.selection}
          onSelectionChange={grid.setSelection}
          active={grid.active}
          onActiveChange={grid.setActive}
          onOpen={() => undefined}
          onDelete={readOnly ? undefined : () => void askPurge()}
          empty={
            grid.isFiltered ? (
              <p>
                No trashed cases match —{' '}
                <button type="button" className="link-button" onClick={grid.clearFilters}>
                  Clear filters
                </button>
              </p>
            ) : (
              <p>The Trash is empty.</p>
            )
          }
        />
      </section>
      {confirming && (
        <ConfirmDialog
          title="Delete forever?"
          message={`${countCases(confirming.length)} will be deleted permanently, with their notes and field values. This cannot be undone.`}
          confirmLabel="Delete forever"
          danger
          onCancel={() => setConfirming(null)}
          onConfirm={() => void purge(confirming)}
        />
      )}
    </div>
  );
}
