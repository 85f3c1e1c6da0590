import { useCallback } from 'react';
import type { CaseRow, ColumnFilter, SortSpec } from '../../../../common/domain/schemas';
import { useClient } from '../../app/PlatformContext';
import { useWindowedList, type WindowedList } from '../../ui/useWindowedList';

export interface CaseListQuery {
  search: string;
  filters: ColumnFilter[];
  sort: SortSpec[];
  trash: boolean;
}

export type CaseList = WindowedList<CaseRow>;

/**
 * Windowed access to `cases.list`: sorting, filtering and paging happen in SQLite; the table
 * only asks for the windows it is about to show (see `useWindowedList`).
 */
export function useCaseList(query: CaseListQuery): CaseList {
  const client = useClient();
  const fetchWindow = useCallback(
    (q: CaseListQuery, offset: number, limit: number) => client.call('cases.list', { ...q, offset, limit }),
    [client],
  );
  return useWindowedList(query, fetchWindow);
}
