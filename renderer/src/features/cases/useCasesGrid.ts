import { useEffect, useMemo, useState } from 'react';
import type { ColumnFilter } from '../../../../common/domain/schemas';
import { useFields } from '../fields/FieldsContext';
import { caseColumnSpecs } from './caseColumns';
import { NO_SELECTION, type Selection } from './CasesTable';
import { useCaseList } from './useCaseList';
import { useTableLayout } from './useTableLayout';

/**
 * Everything a cases grid needs besides markup: the query (search, filters, sort), the windowed
 * list, the layout and the selection. Shared by the Cases and the Trash views.
 */
export function useCasesGrid(trash: boolean) {
  const { fields } = useFields();
  const specs = useMemo(() => caseColumnSpecs(fields), [fields]);
  const layout = useTableLayout(!trash);
  const [searchInput, setSearchInput] = useState('');
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<ColumnFilter[]>([]);
  const [selection, setSelection] = useState<Selection>(NO_SELECTION);
  const [active, setActive] = useState(0);

  // Search as you type, but not a query per keystroke.
  useEffect(() => {
    const t = window.setTimeout(() => setSearch(searchInput.trim()), 250);
    return () => window.clearTimeout(t);
  }, [searchInput]);

  // A filter on a deleted field would be refused by the server; drop it.
  const liveFilters = useMemo(() => filters.filter((f) => specs.some((s) => s.id === f.column)), [filters, specs]);
  const sort = useMemo(() => layout.layout.sort.filter((s) => specs.some((spec) => spec.id === s.column)), [layout.layout.sort, specs]);
  const query = useMemo(() => ({ search, filters: liveFilters, sort, trash }), [search, liveFilters, sort, trash]);
  const list = useCaseList(query);

  // A new query starts at the top with nothing selected.
  useEffect(() => {
    setSelection(NO_SELECTION);
    setActive(0);
  }, [query]);

  const selectedCount = selection.all ? (list.total ?? 0) : selection.ids.size;

  async function selectedIds(): Promise<string[]> {
    return selection.all ? list.allIds() : [...selection.ids];
  }

  function clearFilters() {
    setFilters([]);
    setSearchInput('');
    setSearch('');
  }

  return {
    specs,
    layout,
    list,
    searchInput,
    setSearchInput,
    filters: liveFilters,
    setFilters,
    clearFilters,
    isFiltered: search !== '' || liveFilters.length > 0,
    selection,
    setSelection,
    selectedCount,
    selectedIds,
    active,
    setActive,
  };
}

/** "1 case", "1,234 cases". */
export function countCases(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'case' : 'cases'}`;
}
