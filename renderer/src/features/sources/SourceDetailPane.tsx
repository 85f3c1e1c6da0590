import { useId, useState } from 'react';
import { SOURCE_TYPES, SOURCE_TYPE_LABELS, type SourceDetail } from '../../../../common/domain/sources';
import { ApiError } from '../../../../common/ipc/client';
import { Dialog } from '../../ui/Dialog';
import { SaveOnBlurInput } from '../../ui/SaveOnBlurInput';
import { formatTimestamp } from '../cases/caseColumns';
import { valueText } from './cslValues';
import { SourceFieldsEditor } from './SourceFieldsEditor';
import { fieldsForType, MANAGED_VARIABLES } from './sourceFields';
import { useSourceDetail } from './useSourceDetail';

interface SourceDetailPaneProps {
  sourceId: string;
  readOnly: boolean;
  onChanged(detail: SourceDetail): void;
  onDeleted(): void;
  onClose(): void;
  /** Jumps to a case that cites this source. */
  onOpenCase(caseId: string): void;
}

const LOCATOR_SHORT: Record<string, string> = {
  page: 'p.',
  chapter: 'ch.',
  section: '§',
  paragraph: 'para.',
  line: 'l.',
  figure: 'fig.',
  table: 'table',
  note: 'n.',
  part: 'pt.',
  volume: 'vol.',
  article: 'art.',
  clause: 'cl.',
};

/** "p. 12", "art. 51", or nothing. */
export function locatorText(label: string, locator: string): string {
  if (!locator.trim()) return '';
  return `${LOCATOR_SHORT[label] ?? label} ${locator}`;
}

/** One source, editable in place: its type, citekey and the fields its type needs; where it is cited; delete. */
export function SourceDetailPane({ sourceId, readOnly, onChanged, onDeleted, onClose, onOpenCase }: SourceDetailPaneProps) {
  const api = useSourceDetail(sourceId, onChanged);
  const { detail, error } = api;
  const typeId = useId();
  const [typeError, setTypeError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  if (error) {
    return (
      <aside className="detail" aria-label="Source detail">
        <p className="field-error" role="alert">
          {error}
        </p>
      </aside>
    );
  }
  if (!detail) {
    return (
      <aside className="detail" aria-label="Source detail" aria-busy="true">
        <p className="muted">Loading…</p>
      </aside>
    );
  }

  const type = typeof detail.csl.type === 'string' ? detail.csl.type : detail.type;
  const fields = fieldsForType(type);
  const shown = new Set(fields.map((f) => f.variable));
  const others = Object.entries(detail.csl).filter(([key, value]) => !shown.has(key) && !MANAGED_VARIABLES.has(key) && value !== '' && value !== null);
  const quotes = detail.citations.filter((c) => c.quote.trim() !== '');

  return (
    <aside className="detail source-detail" aria-label="Source detail">
      <div className="detail-toolbar">
        <span className="muted detail-changed">
          Last changed by {detail.updatedBy || 'someone'}, {formatTimestamp(detail.updatedAt)}
        </span>
        {!readOnly && (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            Delete source
          </button>
        )}
        <button type="button" className="icon-button" aria-label="Close source detail" onClick={onClose}>
          ×
        </button>
      </div>
      <div className="form-grid">
        <div className="form-row">
          <label htmlFor={typeId}>Type</label>
          <select
            id={typeId}
            value={type}
            disabled={readOnly}
            onChange={(e) =>
              api.setVariables({ type: e.target.value }).then(
                () => setTypeError(null),
                (err: unknown) => setTypeError(err instanceof Error ? err.message : String(err)),
              )
            }
          >
            {!(SOURCE_TYPES as readonly string[]).includes(type) && <option value={type}>{type}</option>}
            {SOURCE_TYPES.map((t) => (
              <option key={t} value={t}>
                {SOURCE_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
          {typeError && (
            <p className="field-error" role="alert">
              {typeError}
            </p>
          )}
        </div>
        <SaveOnBlurInput
          label="Citekey"
          value={detail.citekey}
          disabled={readOnly}
          validate={(v) => (v.trim() === '' ? 'Citekey: a source needs a citekey.' : null)}
          onSave={(v) => api.setCitekey(v.trim())}
        />
      </div>
      <SourceFieldsEditor key={type} fields={fields} csl={detail.csl} disabled={readOnly} onSave={api.setVariables} />
      {others.length > 0 && (
        <section className="detail-section" aria-labelledby={`${typeId}-others`}>
          <h3 id={`${typeId}-others`}>Other fields</h3>
          <dl className="other-fields">
            {others.map(([key, value]) => (
              <div key={key}>
                <dt>{key}</dt>
                <dd>{valueText(value)}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <section className="detail-section" aria-labelledby={`${typeId}-cited`}>
        <h3 id={`${typeId}-cited`}>Cited in</h3>
        {detail.citations.length === 0 ? (
          <p className="muted">Not cited in any case yet.</p>
        ) : (
          <ul className="cited-in">
            {detail.citations.map((c) => (
              <li key={c.citationId}>
                <button type="button" className="link-button" onClick={() => onOpenCase(c.caseId)}>
                  {c.caseTitle || 'Untitled case'}
                </button>
                {locatorText(c.label, c.locator) && <span className="muted"> — {locatorText(c.label, c.locator)}</span>}
                {c.quote && <q className="cited-quote">{c.quote}</q>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="detail-section" aria-labelledby={`${typeId}-quotes`}>
        <h3 id={`${typeId}-quotes`}>Quotes</h3>
        {quotes.length === 0 ? (
          <p className="muted">No quotes captured from this source.</p>
        ) : (
          <ul className="quotes">
            {quotes.map((c) => (
              <li key={c.citationId}>
                <blockquote>{c.quote}</blockquote>
                <p className="muted">
                  {c.caseTitle || 'Untitled case'}
                  {locatorText(c.label, c.locator) ? `, ${locatorText(c.label, c.locator)}` : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {confirming && (
        <DeleteSourceDialog
          detail={detail}
          onDelete={api.remove}
          onDone={() => {
            setConfirming(false);
            onDeleted();
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </aside>
  );
}

interface DeleteSourceDialogProps {
  detail: SourceDetail;
  onDelete(): Promise<void>;
  onDone(): void;
  onCancel(): void;
}

/** Asks before deleting; a cited source is refused by the server, and its answer says where it is cited. */
function DeleteSourceDialog({ detail, onDelete, onDone, onCancel }: DeleteSourceDialogProps) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const caseTitles = [...new Set(detail.citations.map((c) => c.caseTitle || 'Untitled case'))];

  async function confirm() {
    setBusy(true);
    try {
      await onDelete();
      onDone();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      setRefusal(e instanceof ApiError && e.code === 'CONFLICT' ? message : `Could not delete the source: ${message}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title="Delete source?"
      onClose={onCancel}
      footer={
        <>
          <button type="button" onClick={onCancel} data-autofocus>
            {refusal ? 'OK' : 'Cancel'}
          </button>
          {!refusal && (
            <button type="button" className="danger" disabled={busy} onClick={() => void confirm()}>
              Delete
            </button>
          )}
        </>
      }
    >
      {refusal ? (
        <div role="alert">
          <p>{refusal}</p>
          {caseTitles.length > 0 && (
            <>
              <p>Remove its citations from these cases first:</p>
              <ul>
                {caseTitles.map((t) => (
                  <li key={t}>{t}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : (
        <p>
          Delete “{detail.title || detail.citekey}” ({detail.citekey})?
          {detail.citations.length > 0 ? ` It is cited ${detail.citations.length} time${detail.citations.length === 1 ? '' : 's'}.` : ''}
        </p>
      )}
    </Dialog>
  );
}
