import { setDOMUnmanaged } from 'lexical';
import type { NodeKey } from 'lexical';
import type { CitationRef } from '../../../../common/domain/sources';
import { locatorText } from './footnoteServices';
import { useFootnoteNumber, useFootnotesContext, useSourceSummaries } from './FootnotesContext';

/**
 * The footnote's number in the text: a superscript button named after what it cites
 * ("Footnote 2: Crocker, Hampson and Aall 2011, p. 45"); clicking it opens the footnote. It is
 * not a tab stop (a long note would have hundreds); keyboard users reach footnotes through the
 * footnotes area under the note, and Ctrl/Cmd+Alt+F on a selected marker.
 */
export function FootnoteMarker({ nodeKey, citations }: { nodeKey: NodeKey; citations: readonly CitationRef[] }) {
  const context = useFootnotesContext();
  const number = useFootnoteNumber(context?.registry ?? null, nodeKey);
  const summaries = useSourceSummaries(context?.services ?? null, citations.map((c) => c.sourceId));
  const described = citations
    .map((c) => {
      const summary = summaries.get(c.sourceId);
      const who = summary === undefined ? 'source' : summary === 'missing' ? 'missing source' : summary.short;
      const where = locatorText(c);
      return where ? `${who}, ${where}` : who;
    })
    .join('; ');
  const shown = number > 0 ? String(number) : '*';
  // The number is drawn by CSS from `data-number` (and named by aria-label): attribute changes are
  // invisible to Lexical's mutation observer, whereas changing the text of 500 markers at once
  // makes it re-examine every one (~100 ms per renumbering; see bench/footnoteBench.ts). It also
  // keeps the numbers out of the note's text when it is copied. The wrapper is marked unmanaged
  // so Lexical stops there when React does touch it.
  return (
    <sup className="cb-footnote__marker-wrap" ref={markUnmanaged}>
      <button
        type="button"
        className="cb-footnote__marker"
        tabIndex={-1}
        aria-label={`Footnote ${shown}: ${described}`}
        data-number={shown}
        onClick={(event) => {
          event.preventDefault();
          context?.openEdit(nodeKey);
        }}
      />
    </sup>
  );
}

function markUnmanaged(element: HTMLElement | null): void {
  if (element !== null) setDOMUnmanaged(element);
}
