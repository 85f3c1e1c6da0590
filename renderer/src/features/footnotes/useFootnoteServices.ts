import { useMemo } from 'react';
import { useClient } from '../../app/PlatformContext';
import { createFootnoteServices } from './footnoteServices';
import type { FootnoteServices } from './footnoteServices';

/** Footnote services for the open knowledge base; one instance per client, so its cache is shared. */
export function useFootnoteServices(): FootnoteServices {
  const client = useClient();
  return useMemo(() => createFootnoteServices(client), [client]);
}
