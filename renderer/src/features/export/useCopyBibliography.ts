import { useCallback, useState } from 'react';
import type { ExportResult } from '../../../../common/domain/exports';
import { newId } from '../../../../common/ids';
import { useClient } from '../../app/PlatformContext';
import { copyExportResult } from './copyExport';

/**
 * The Sources view's "Copy bibliography": every source of the knowledge base, formatted in its
 * citation style, on the clipboard as rich text (with plain text beside it).
 */
export function useCopyBibliography(): { copy(): Promise<ExportResult>; copying: boolean } {
  const client = useClient();
  const [copying, setCopying] = useState(false);
  const copy = useCallback(async () => {
    setCopying(true);
    try {
      const result = await client.call('export.run', { jobId: newId(), format: 'bibliography', scope: { kind: 'kb' }, sources: 'all', bibliographyFormat: 'html' });
      await copyExportResult(result, 'bibliography', 'html');
      return result;
    } finally {
      setCopying(false);
    }
  }, [client]);
  return { copy, copying };
}
