import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { LOCATOR_LABELS } from '../../../../common/domain/sources';
import type { CitationRef, LocatorLabel, SourceRow } from '../../../../common/domain/sources';
import { newId } from '../../../../common/ids';
import { Dialog } from '../../ui/Dialog';
import type { FootnoteServices } from './footnoteServices';
import { useSourceSummaries } from './FootnotesContext';
import { SourcePicker } from './SourcePicker';

interface FootnoteDialogProps {
  services: FootnoteServices;
  /** Null to add a footnote; the footnote's number and content to edit one. */
  editing: { number: number; citations: readonly CitationRef[]; commentary: string } | null;
  onSubmit: (citations: CitationRef[], commentary: string) => void;
  onDelete: () => void;
  onClose: () => void;
}

interface Draft {
  id: string;
  sourceId: string | null;
  /** The picked row, so the chosen source shows at once without a lookup. */
  picked: SourceRow | null;
  locator: string;
  label: LocatorLabel;
  prefix: string;
  suffix: string;
  quote: string;
}

const LABEL_NAMES: Record<LocatorLabel, string> = {
  page: 'Page',
  chapter: 'Chapter',
  section: 'Section',
  paragraph: 'Paragraph',
  line: 'Line',
  figure: 'Figure',
  table: 'Table',
  note: 'Note',
  part: 'Part',
  volume: 'Volume',
  article: 'Article',
  clause: 'Clause',
};

function emptyDraft(): Draft {
  return { id: newId(), sourceId: null, picked: null, locator: '', label: 'page', prefix: '', suffix: '', quote: '' };
}

/**
 * Adds or edits one footnote: one or more citations (source, locator with its label, prefix,
 * suffix, optional quote) and optional commentary. Citation ids are UUIDv7 chosen here and kept
 * when a footnote is edited, so its citation rows keep their identity.
 */
export function FootnoteDialog({ services, editing, onSubmit, onDelete, onClose }: FootnoteDialogProps) {
  const [drafts, setDrafts] = useState<Draft[]>(() =>
    editing ? editing.citations.map((c) => ({ ...c, sourceId: c.sourceId, picked: null })) : [emptyDraft()],
  );
  const [commentary, setCommentary] = useState(editing?.commentary ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const summaries = useSourceSummaries(
    services,
    drafts.flatMap((d) => (d.sourceId !== null && d.picked === null ? [d.sourceId] : [])),
  );
  const commentaryId = useId();

  const change = (index: number, patch: Partial<Draft>): void => {
    setDrafts((prev) => prev.map((d, i) => (i === index ? { ...d, ...patch } : d)));
    setProblem(null);
  };

  const submit = (event?: FormEvent): void => {
    event?.preventDefault();
    const missing = drafts.findIndex((d) => d.sourceId === null);
    if (missing >= 0) {
      setProblem(drafts.length === 1 ? 'Choose a source to cite.' : `Citation ${missing + 1}: choose a source to cite.`);
      return;
    }
    onSubmit(
      drafts.map((d) => ({
        id: d.id,
        sourceId: d.sourceId ?? '',
        locator: d.locator.trim(),
        label: d.label,
        prefix: d.prefix,
        suffix: d.suffix,
        quote: d.quote.trim(),
      })),
      commentary.trim(),
    );
  };

  const title = editing ? `Footnote ${editing.number}` : 'Insert footnote';
  return (
    <Dialog
      title={title}
      onClose={onClose}
      wide
      footer={
        <>
          {editing && (
            <button type="button" className="danger" onClick={onDelete}>
              Delete footnote
            </button>
          )}
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={() => submit()}>
            {editing ? 'Update footnote' : 'Insert footnote'}
          </button>
        </>
      }
    >
      <form className="cb-footnote-dialog" onSubmit={submit} noValidate>
        {drafts.map((draft, index) => {
          const n = index + 1;
          const summary = draft.sourceId !== null ? summaries.get(draft.sourceId) : undefined;
          const chosen =
            draft.picked !== null
              ? `${draft.picked.authors || draft.picked.citekey}${draft.picked.year !== null ? ` (${draft.picked.year})` : ''}, ${draft.picked.title}`
              : summary === 'missing'
                ? 'A source that is no longer in this knowledge base'
                : summary
                  ? `${summary.short}, ${summary.row.title}`
                  : 'Loading…';
          return (
            <fieldset key={draft.id} className="cb-footnote-dialog__citation" aria-label={`Citation ${n}`}>
              <legend>{drafts.length > 1 ? `Citation ${n}` : 'Citation'}</legend>
              {draft.sourceId === null ? (
                <SourcePicker
                  services={services}
                  label={`Find a source for citation ${n}`}
                  autoFocus={index === drafts.length - 1}
                  onPick={(row) => change(index, { sourceId: row.id, picked: row })}
                />
              ) : (
                <div className="cb-footnote-dialog__source">
                  <span aria-label={`Source of citation ${n}`} role="note">
                    {chosen}
                  </span>{' '}
                  <button type="button" onClick={() => change(index, { sourceId: null, picked: null })}>
                    Change source
                  </button>
                </div>
              )}
              <div className="cb-footnote-dialog__locator">
                <label>
                  Locator type
                  <select value={draft.label} onChange={(e) => change(index, { label: e.target.value as LocatorLabel })}>
                    {LOCATOR_LABELS.map((l) => (
                      <option key={l} value={l}>
                        {LABEL_NAMES[l]}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {LABEL_NAMES[draft.label]}
                  <input
                    value={draft.locator}
                    maxLength={200}
                    placeholder={draft.label === 'page' ? 'e.g. 45 or 45–47' : ''}
                    onChange={(e) => change(index, { locator: e.target.value })}
                  />
                </label>
              </div>
              <div className="cb-footnote-dialog__affixes">
                <label>
                  Prefix
                  <input value={draft.prefix} maxLength={1000} placeholder="e.g. see" onChange={(e) => change(index, { prefix: e.target.value })} />
                </label>
                <label>
                  Suffix
                  <input value={draft.suffix} maxLength={1000} placeholder="e.g. emphasis added" onChange={(e) => change(index, { suffix: e.target.value })} />
                </label>
              </div>
              <label className="cb-footnote-dialog__quote">
                Quote (optional)
                <textarea value={draft.quote} rows={3} maxLength={20_000} onChange={(e) => change(index, { quote: e.target.value })} />
              </label>
              {drafts.length > 1 && (
                <button type="button" onClick={() => setDrafts((prev) => prev.filter((_, i) => i !== index))}>
                  Remove citation {n}
                </button>
              )}
            </fieldset>
          );
        })}
        {drafts.length < 50 && (
          <button type="button" onClick={() => setDrafts((prev) => [...prev, emptyDraft()])}>
            Add another source
          </button>
        )}
        <label htmlFor={commentaryId}>Commentary (optional)</label>
        <textarea id={commentaryId} value={commentary} rows={2} maxLength={20_000} onChange={(e) => setCommentary(e.target.value)} />
        {problem !== null && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
      </form>
    </Dialog>
  );
}
