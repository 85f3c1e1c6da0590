import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { FieldDef, FieldType } from '../../../../common/domain/schemas';
import { useClient } from '../../app/PlatformContext';

export interface FieldsApi {
  fields: FieldDef[];
  refresh(): Promise<void>;
  create(input: { name: string; type: FieldType; options: string[] }): Promise<FieldDef>;
  update(input: { id: string; name?: string; options?: string[] }): Promise<FieldDef>;
  reorder(ids: string[]): Promise<void>;
  remove(id: string): Promise<void>;
}

const FieldsContext = createContext<FieldsApi | null>(null);

/** The knowledge base's user-defined fields, shared by the table's columns, the detail pane and the manager. */
export function FieldsProvider({ children, kbPath }: { children: ReactNode; kbPath: string }) {
  const client = useClient();
  const [fields, setFields] = useState<FieldDef[]>([]);

  const refresh = useCallback(async () => {
    setFields(await client.call('fields.list', {}));
  }, [client]);

  useEffect(() => {
    refresh().catch(() => setFields([]));
  }, [refresh, kbPath]);

  const api = useMemo<FieldsApi>(
    () => ({
      fields,
      refresh,
      async create(input) {
        const field = await client.call('fields.create', input);
        await refresh();
        return field;
      },
      async update(input) {
        const field = await client.call('fields.update', input);
        await refresh();
        return field;
      },
      async reorder(ids) {
        setFields(await client.call('fields.reorder', { ids }));
      },
      async remove(id) {
        await client.call('fields.delete', { id });
        await refresh();
      },
    }),
    [client, fields, refresh],
  );

  return <FieldsContext.Provider value={api}>{children}</FieldsContext.Provider>;
}

export function useFields(): FieldsApi {
  const api = useContext(FieldsContext);
  if (!api) throw new Error('useFields needs a <FieldsProvider> above it');
  return api;
}
