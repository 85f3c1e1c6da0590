import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SourceDetail, SourceRow } from '../../../../common/domain/sources';
import { useClient } from '../../app/PlatformContext';
import { useToasts } from '../../ui/Toasts';
import { useCopyBibliography } from '../export/useCopyBibliography';
import { SourceDetailPane } from './SourceDetailPane';
import { SourcesTable } from './SourcesTable';
import { useSourceList, type SourceListQuery } from './useSourceList';
import './sources.css';

interface SourcesViewProps {
  readOnly: boolean;
  /** Opens the import dialog (the app owns it: menus and dropped files open it too). */
  onImport(): void;
  /** Changes after each import, so the table shows the new rows. */
  importCount: number;
  /** Switches to the Cases view with this case open. */
  onOpenCase(caseId: string): void;
  /** Opens the export dialog for the whole knowledge base. */
  onExport(): void;
}

/** "1 source", "1,234 sources". */
export function countSources(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'source' : 'sources'}`;
}

/** The sources of the knowledge base: search, the windowed table, and the selected source's detail. */
export function SourcesView({ readOnly, onImport, importCount, onOpenCase, onExport }: SourcesViewProps) {
  const client = useClient();
  const toasts = useToasts();
  const [searchInput, setSearchInput] = useState('');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<SourceListQuery['sort']>([]);
  const query = useMemo(() => ({ search, sort }), [search, sort]);
  const list = useSourceList(query);
  const [openId, setOpenId] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const gridRef = useRef<HTMLDivElement>(null);
  const bibliography = useCopyBibliography();

  useEffect(() => {
    const t = window.setTimeout(() => setSearch(searchInput.trim()), 250);
    return () => window.clearTimeout(t);
  }, [searchInput]);

  useEffect(() => setActive(0), [query]);

  // The list object changes with every window it loads; only a new import should reload it.
  const listRef = useRef(list);
  listRef.current = list;
  const firstImport = useRef(importCount);
  useEffect(() => {
    if (importCount !== firstImport.current) void listRef.current.reload();
  }, [importCount]);

  const newSource = useCallback(async () => {
    if (readOnly) return;
    try {
      const created = await client.call('sources.create', { csl: { type: 'book', title: 'Untitled source' } });
      setSearchInput('');
      setSearch('');
      await list.reload();
      setOpenId(created.id);
    } catch (e) {
      toasts.fail(e);
    }
  }, [client, list, readOnly, toasts]);

  const onChanged = useCallback((detail: SourceDetail) => {
    const { csl: _csl, citations: _citations, createdAt: _createdAt, ...row } = detail;
    list.patchRow(row);
  }, [list]);

  const total = list.total;

  return (
    <div className="workspace">
      <section className="cases-pane" aria-label="Sources">
        <div className="toolbar" role="toolbar" aria-label="Source actions">
          <button type="button" className="primary" onClick={() => void newSource()} disabled={readOnly}>
            New source
          </button>
          <button type="button" onClick={onImport} disabled={readOnly}>
            Import sources…
          </button>
          <input
            type="search"
            className="search"
            aria-label="Search sources"
            placeholder="Search authors, titles, citekeys"
            value={searchInput}
            onChange={(e) => setSearchInput(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' || (e.key === 'Enter' && !e.shiftKey)) {
                e.preventDefault();
                gridRef.current?.focus();
              }
            }}
          />
          <span className="spacer" />
          <button
            type="button"
            disabled={total === 0}
            aria-busy={bibliography.copying}
            title="Every source, formatted in the knowledge base's citation style"
            onClick={() => {
              // Not disabled while copying, so focus stays on the button; a second press waits its turn.
              if (bibliography.copying) return;
              bibliography
                .copy()
                .then((result) => toasts.info(`Copied the bibliography (${countSources(result.sources)}) to the clipboard.`))
                .catch(toasts.fail);
            }}
          >
            Copy bibliography
          </button>
          <button type="button" onClick={onExport} title="Export sources or a bibliography (Ctrl+E)">
            Export…
          </button>
          <span className="case-count" role="status" aria-live="polite">
            {total === null ? '' : countSources(total)}
          </span>
        </div>
        {list.error && (
          <p className="field-error" role="alert">
            {list.error}
          </p>
        )}
        <SourcesTable
          list={list}
          sort={sort}
          onSortChange={setSort}
          selectedId={openId}
          active={active}
          onActiveChange={(index, row) => {
            setActive(index);
            if (row) setOpenId(row.id);
          }}
          onOpen={(row: SourceRow) => setOpenId(row.id)}
          gridRef={gridRef}
          empty={
            search ? (
              <p>No sources match “{search}”.</p>
            ) : (
              <p>
                No sources yet —{' '}
                <button type="button" className="link-button" onClick={onImport} disabled={readOnly}>
                  Import sources…
                </button>{' '}
                or{' '}
                <button type="button" className="link-button" onClick={() => void newSource()} disabled={readOnly}>
                  New source
                </button>
              </p>
            )
          }
        />
      </section>
      {openId && (
        <SourceDetailPane
          key={openId}
          sourceId={openId}
          readOnly={readOnly}
          onChanged={onChanged}
          onOpenCase={onOpenCase}
          onDeleted={() => {
            setOpenId(null);
            void list.reload();
            gridRef.current?.focus();
          }}
          onClose={() => {
            setOpenId(null);
            gridRef.current?.focus();
          }}
        />
      )}
    </div>
  );
}
