import { useCallback, useEffect, useState } from 'react';
import type { CitationStyleInfo } from '../../../../common/domain/sources';
import { useClient } from '../../app/PlatformContext';

export interface ExportChoices {
  /** Every style, the knowledge base's added ones first; null while loading. */
  styles: CitationStyleInfo[] | null;
  /** The knowledge base's citation style and locale; null while loading. */
  kbStyle: { citationStyle: string; locale: string } | null;
  tags: { name: string; count: number }[];
  /** The title of the case open in the detail pane, once known. */
  openCaseTitle: string | null;
  /** Why the lists could not be loaded, if they could not. */
  error: string | null;
  /** Adds a `.csl` file to the knowledge base; throws the server's reason for a bad file. */
  addStyle(file: File): Promise<CitationStyleInfo>;
}

const MAX_STYLE_BYTES = 2 * 1024 * 1024;

/** What the export dialog offers: styles, the knowledge base's own style, tags, the open case's title. */
export function useExportChoices(openCaseId: string | null): ExportChoices {
  const client = useClient();
  const [styles, setStyles] = useState<CitationStyleInfo[] | null>(null);
  const [kbStyle, setKbStyle] = useState<ExportChoices['kbStyle']>(null);
  const [tags, setTags] = useState<ExportChoices['tags']>([]);
  const [openCaseTitle, setOpenCaseTitle] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const failed = (e: unknown) => live && setError(e instanceof Error ? e.message : String(e));
    client.call('kbSettings.get', {}).then((s) => live && setKbStyle(s), failed);
    client.call('tags.list', {}).then((t) => live && setTags(t), failed);
    client.call('styles.list', {}).then((s) => live && setStyles(s), failed);
    if (openCaseId) {
      client.call('cases.get', { id: openCaseId }).then(
        (c) => live && setOpenCaseTitle(c.title),
        () => undefined,
      );
    }
    return () => {
      live = false;
    };
  }, [client, openCaseId]);

  const addStyle = useCallback(
    async (file: File): Promise<CitationStyleInfo> => {
      if (!file.name.toLowerCase().endsWith('.csl') && !file.name.toLowerCase().endsWith('.xml')) {
        throw new Error(`“${file.name}” is not a CSL style: choose a .csl file.`);
      }
      if (file.size > MAX_STYLE_BYTES) throw new Error(`“${file.name}” is larger than 2 MB; a style file is much smaller.`);
      const xml = await file.text();
      const added = await client.call('styles.add', { fileName: file.name, xml });
      const all = await client.call('styles.list', {});
      setStyles(all);
      // The list marks added styles "(added)"; prefer its entry so the select shows the same title.
      return all.find((s) => s.id === added.id) ?? added;
    },
    [client],
  );

  return { styles, kbStyle, tags, openCaseTitle, error, addStyle };
}
