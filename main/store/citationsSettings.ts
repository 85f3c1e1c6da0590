import type { WriteContext } from './kbSession';

/** The citation settings of a knowledge base, stored in the file so they travel with it. */
export interface CitationSettings {
  citationStyle: string;
  locale: string;
  /** Whether the locale was chosen (then it overrides a style's own default locale). */
  localeChosen: boolean;
}

/**
 * Style used when a knowledge base has chosen none: Chicago notes and bibliography, 17th edition,
 * in its full-note form (the first citation of a source in full, later ones short). The package
 * has no 18th edition yet.
 */
export const DEFAULT_CITATION_STYLE = 'chicago-fullnote-bibliography';
export const DEFAULT_CITATION_LOCALE = 'en-US';

const STYLE_KEY = 'citation.style';
/** Styles added from `.csl` files live in the file too (`citation.customStyle:<slug>` → CSL XML), so a colleague's copy formats the same. */
const CUSTOM_STYLE_PREFIX = 'citation.customStyle:';
/** Style ids of added styles: `custom:<slug>`. */
export const CUSTOM_STYLE_ID_PREFIX = 'custom:';
const LOCALE_KEY = 'citation.locale';

/**
 * Reads and writes the citation style and locale in `kb_settings` (one row per key, stamped with
 * the clock and the editing person like every synced row).
 */
export function createCitationsSettings(ctx: WriteContext) {
  const { db } = ctx;
  const read = db.prepare<[string], string>('SELECT value FROM kb_settings WHERE key = ?').pluck();
  const upsert = db.prepare(
    `INSERT INTO kb_settings (key, value, updated_at, updated_by) VALUES (@key, @value, @updatedAt, @updatedBy)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by
     WHERE kb_settings.value <> excluded.value`,
  );

  function get(): CitationSettings {
    const style = read.get(STYLE_KEY) as string | undefined;
    const locale = read.get(LOCALE_KEY) as string | undefined;
    return { citationStyle: style || DEFAULT_CITATION_STYLE, locale: locale || DEFAULT_CITATION_LOCALE, localeChosen: Boolean(locale) };
  }

  const setTx = db.transaction((patch: { citationStyle?: string; locale?: string }): void => {
    const stamp = { updatedAt: ctx.tick(), updatedBy: ctx.who() };
    if (patch.citationStyle !== undefined) upsert.run({ key: STYLE_KEY, value: patch.citationStyle, ...stamp });
    if (patch.locale !== undefined) upsert.run({ key: LOCALE_KEY, value: patch.locale, ...stamp });
  });

  // A removed style keeps its row with an empty value (kb_settings has no deleted_at): the removal
  // is a newer version of the row, so it travels to a colleague's file in a merge like any edit.
  const listCustom = db.prepare<[string, string], { key: string; value: string }>(`SELECT key, value FROM kb_settings WHERE key >= ? AND key < ? AND value <> '' ORDER BY key`);
  const putCustomTx = db.transaction((slug: string, xml: string): void => {
    upsert.run({ key: CUSTOM_STYLE_PREFIX + slug, value: xml, updatedAt: ctx.tick(), updatedBy: ctx.who() });
  });

  return {
    get,
    /** Added styles: id (`custom:<slug>`) → CSL XML. */
    customStyles(): Map<string, string> {
      const rows = listCustom.all(CUSTOM_STYLE_PREFIX, CUSTOM_STYLE_PREFIX + '\uffff');
      return new Map(rows.map((r) => [CUSTOM_STYLE_ID_PREFIX + r.key.slice(CUSTOM_STYLE_PREFIX.length), r.value]));
    },
    customStyle(id: string): string | null {
      if (!id.startsWith(CUSTOM_STYLE_ID_PREFIX)) return null;
      return (read.get(CUSTOM_STYLE_PREFIX + id.slice(CUSTOM_STYLE_ID_PREFIX.length)) as string | undefined) || null;
    },
    /** Stores an added style (already checked by parseCslStyle); returns its id. */
    putCustomStyle(slug: string, xml: string): string {
      putCustomTx(slug, xml);
      return CUSTOM_STYLE_ID_PREFIX + slug;
    },
    removeCustomStyle(id: string): void {
      if (!id.startsWith(CUSTOM_STYLE_ID_PREFIX)) return;
      upsert.run({ key: CUSTOM_STYLE_PREFIX + id.slice(CUSTOM_STYLE_ID_PREFIX.length), value: '', updatedAt: ctx.tick(), updatedBy: ctx.who() });
    },
    set(patch: { citationStyle?: string; locale?: string }): CitationSettings {
      setTx(patch);
      return get();
    },
  };
}
