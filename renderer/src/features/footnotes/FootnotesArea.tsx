import { useEffect, useState } from 'react';
import type { CitationRef } from '../../../../common/domain/sources';
import type { FootnoteEntry } from './createFootnoteRegistry';
import { locatorText } from './footnoteServices';
import type { FootnoteServices, SourceSummary } from './footnoteServices';
import { useFootnoteEntries, useFootnotesContext, useSourceSummaries } from './FootnotesContext';
import { FormattedCitation } from './FormattedCitation';

/** Quiet time after the last footnote change before the footnotes are formatted again. */
const FORMAT_DEBOUNCE_MS = 250;

/**
 * The footnotes under the note, in document order, each formatted in the knowledge base's
 * citation style (all footnotes are sent together, because styles shorten repeated citations:
 * "Ibid.", short forms), followed by each citation's quote. Clicking one opens it for editing.
 */
export function FootnotesArea() {
  const context = useFootnotesContext();
  if (context === null) return null;
  return <FootnotesList />;
}

function FootnotesList() {
  const context = useFootnotesContext();
  if (context === null) throw new Error('FootnotesList needs the footnotes context');
  const { registry, services, openEdit } = context;
  const entries = useFootnoteEntries(registry);
  const { formatted, error } = useFormattedFootnotes(services, entries);
  const summaries = useSourceSummaries(services, entries.flatMap((e) => e.citations.map((c) => c.sourceId)));

  if (entries.length === 0) return null;
  return (
    <section className="cb-footnotes" aria-label="Footnotes">
      <h4 className="cb-footnotes__title">Footnotes</h4>
      {error !== null && <p className="muted">Citations could not be formatted ({error}); showing short references.</p>}
      <ol className="cb-footnotes__list">
        {entries.map((entry, index) => {
          const html = formatted?.[index];
          return (
            <li key={entry.key} className="cb-footnotes__item" aria-label={`Footnote ${entry.number}`}>
              <button type="button" className="cb-footnotes__number" aria-label={`Edit footnote ${entry.number}`} onClick={() => openEdit(entry.key)}>
                {entry.number}.
              </button>{' '}
              <span className="cb-footnotes__text" onClick={() => openEdit(entry.key)}>
                {html !== undefined ? <FormattedCitation html={html} /> : fallbackText(entry.citations, summaries)}
                {entry.commentary !== '' && <span className="cb-footnotes__commentary"> {entry.commentary}</span>}
              </span>
              {entry.citations
                .filter((c) => c.quote !== '')
                .map((c) => (
                  <blockquote key={c.id} className="cb-footnotes__quote">
                    “{c.quote}”
                  </blockquote>
                ))}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/**
 * `citations.format` answers for the current footnotes, requested 250 ms after the last change.
 * While a newer answer is on its way the previous one stays if it still fits (same count), so
 * the list does not flicker as the analyst types.
 */
function useFormattedFootnotes(services: FootnoteServices | null, entries: readonly FootnoteEntry[]): { formatted: (string | undefined)[] | null; error: string | null } {
  const [result, setResult] = useState<{ for: readonly FootnoteEntry[]; formatted: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (services === null || entries.length === 0) return;
    let live = true;
    const timer = setTimeout(() => {
      services.format(entries.map((e) => e.citations.map((c) => ({ ...c })))).then(
        (formatted) => {
          if (!live) return;
          setResult({ for: entries, formatted });
          setError(null);
        },
        (e: unknown) => {
          if (!live) return;
          setResult(null);
          setError(e instanceof Error ? e.message : String(e));
        },
      );
    }, FORMAT_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [services, entries]);
  if (result === null) return { formatted: null, error };
  if (result.for === entries) return { formatted: result.formatted, error };
  // Stale: keep an answer only where the footnote at that position is unchanged.
  return { formatted: entries.map((e, i) => (result.for[i]?.citations === e.citations ? result.formatted[i] : undefined)), error };
}

function fallbackText(citations: readonly CitationRef[], summaries: ReadonlyMap<string, SourceSummary | 'missing'>): string {
  return (
    citations
      .map((c) => {
        const s = summaries.get(c.sourceId);
        const who = s === undefined ? '…' : s === 'missing' ? 'Missing source' : s.short;
        return [c.prefix, [who, locatorText(c)].filter(Boolean).join(', '), c.suffix].filter(Boolean).join(' ');
      })
      .join('; ') + '.'
  );
}
