import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { NodeKey } from 'lexical';
import type { FootnoteEntry, FootnoteRegistry } from './createFootnoteRegistry';
import type { FootnoteServices, SourceSummary } from './footnoteServices';

/** What footnote markers, the footnotes area and the toolbar share inside one note editor. */
export interface FootnotesContextValue {
  registry: FootnoteRegistry;
  /** Null when the editor has no knowledge base behind it (footnotes show, but cannot be added). */
  services: FootnoteServices | null;
  /** Opens the footnote dialog to add a footnote at the caret. */
  openInsert(): void;
  /** Opens the footnote dialog on an existing footnote. */
  openEdit(key: NodeKey): void;
}

export const FootnotesContext = createContext<FootnotesContextValue | null>(null);

/** The footnote context of the surrounding note editor, or null outside one. */
export function useFootnotesContext(): FootnotesContextValue | null {
  return useContext(FootnotesContext);
}

/** The live number of one footnote node; re-renders only when that number changes. */
export function useFootnoteNumber(registry: FootnoteRegistry | null, key: NodeKey): number {
  return useSyncExternalStore(
    registry?.subscribe ?? noSubscribe,
    () => registry?.numberOf(key) ?? 0,
  );
}

/** All footnotes in document order, live. */
export function useFootnoteEntries(registry: FootnoteRegistry): readonly FootnoteEntry[] {
  return useSyncExternalStore(registry.subscribe, registry.getEntries);
}

/**
 * Short labels of the given sources ("Crocker, Hampson and Aall 2011"), filled in as lookups
 * answer; a source that cannot be found is labelled as such rather than left blank.
 */
export function useSourceSummaries(services: FootnoteServices | null, ids: readonly string[]): ReadonlyMap<string, SourceSummary | 'missing'> {
  const [found, setFound] = useState<ReadonlyMap<string, SourceSummary | 'missing'>>(new Map());
  const joined = ids.join('\n');
  useEffect(() => {
    if (services === null) return;
    let live = true;
    for (const id of new Set(joined.split('\n').filter(Boolean))) {
      services.source(id).then(
        (summary) => live && setFound((prev) => (prev.get(id) === summary ? prev : new Map(prev).set(id, summary))),
        () => live && setFound((prev) => (prev.get(id) === 'missing' ? prev : new Map(prev).set(id, 'missing'))),
      );
    }
    return () => {
      live = false;
    };
  }, [services, joined]);
  return found;
}

const noSubscribe = (): (() => void) => () => undefined;
