import { useCallback } from 'react';
import type { SourceRow, SOURCE_COLUMNS } from '../../../../common/domain/sources';
import { useClient } from '../../app/PlatformContext';
import { useWindowedList, type WindowedList } from '../../ui/useWindowedList';

export type SourceColumn = (typeof SOURCE_COLUMNS)[number];

export interface SourceListQuery {
  search: string;
  sort: { column: SourceColumn; desc: boolean }[];
}

export type SourceList = WindowedList<SourceRow>;

/** Windowed access to `sources.list`, searched, sorted and paged in SQLite like the cases table. */
export function useSourceList(query: SourceListQuery): SourceList {
  const client = useClient();
  const fetchWindow = useCallback(
    (q: SourceListQuery, offset: number, limit: number) => client.call('sources.list', { ...q, offset, limit }),
    [client],
  );
  return useWindowedList(query, fetchWindow);
}
