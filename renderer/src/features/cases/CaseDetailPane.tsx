import { useEffect, useId, useRef, useState } from 'react';
import { CASE_STATUSES, CASE_STATUS_LABELS, type CaseDetail, type CaseStatus } from '../../../../common/domain/schemas';
import { SaveOnBlurInput } from '../../ui/SaveOnBlurInput';
import { NoteEditor } from '../editor/NoteEditor';
import { useFootnoteServices } from '../footnotes/useFootnoteServices';
import { useFields } from '../fields/FieldsContext';
import { ActorsEditor } from './ActorsEditor';
import { formatTimestamp } from './caseColumns';
import { FieldEditor, partialDateProblem } from './FieldEditor';
import { TagsEditor } from './TagsEditor';
import { useCaseDetail, useTagNames } from './useCaseDetail';

interface CaseDetailPaneProps {
  caseId: string;
  readOnly: boolean;
  /** Changes when the title should take focus (a new case, Enter in the table). */
  focusRequest: number;
  onChanged(detail: CaseDetail): void;
  onClose(): void;
}

/** Everything about one case, editable in place; each control saves on blur or Enter. */
export function CaseDetailPane({ caseId, readOnly, focusRequest, onChanged, onClose }: CaseDetailPaneProps) {
  const api = useCaseDetail(caseId, onChanged);
  const { detail, error } = api;
  const { fields } = useFields();
  const titleRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const tagNames = useTagNames(detail?.tags.join('\u0000'));
  const statusId = useId();
  const [statusError, setStatusError] = useState<string | null>(null);
  const footnotes = useFootnoteServices();

  useEffect(() => {
    if (focusRequest > 0 && detail) {
      titleRef.current?.focus();
      titleRef.current?.select();
    }
    // Focus once the case has loaded, for each new request (not on every edit of it).
  }, [focusRequest, detail?.id]);

  if (error) {
    return (
      <aside className="detail" aria-label="Case detail">
        <p className="field-error" role="alert">
          {error}
        </p>
      </aside>
    );
  }
  if (!detail) {
    return (
      <aside className="detail" aria-label="Case detail" aria-busy="true">
        <p className="muted">Loading…</p>
      </aside>
    );
  }

  return (
    <aside className="detail" aria-label="Case detail">
      <div className="detail-toolbar">
        <span className="muted detail-changed">
          Last changed by {detail.updatedBy || 'someone'}, {formatTimestamp(detail.updatedAt)}
        </span>
        <button type="button" className="icon-button" aria-label="Close case detail" onClick={onClose}>
          ×
        </button>
      </div>
      <SaveOnBlurInput
        className="detail-title"
        label="Title"
        value={detail.title}
        inputRef={titleRef}
        disabled={readOnly}
        validate={(v) => (v.trim() === '' ? 'Title: a case needs a title.' : null)}
        onSave={(title) => api.update({ title })}
      />
      <SaveOnBlurInput label="Summary" multiline value={detail.summary} disabled={readOnly} onSave={(summary) => api.update({ summary })} />
      <div className="form-grid">
        <SaveOnBlurInput
          label="Period start"
          value={detail.periodStart ?? ''}
          placeholder="YYYY, YYYY-MM or YYYY-MM-DD"
          disabled={readOnly}
          validate={(v) => partialDateProblem('Period start', v)}
          onSave={(v) => api.update({ periodStart: v.trim() === '' ? null : v.trim() })}
        />
        <SaveOnBlurInput
          label="Period end"
          value={detail.periodEnd ?? ''}
          placeholder="YYYY, YYYY-MM or YYYY-MM-DD"
          disabled={readOnly}
          validate={(v) => partialDateProblem('Period end', v)}
          onSave={(v) => api.update({ periodEnd: v.trim() === '' ? null : v.trim() })}
        />
        <SaveOnBlurInput label="Region" value={detail.region} disabled={readOnly} onSave={(region) => api.update({ region })} />
        <div className="form-row">
          <label htmlFor={statusId}>Status</label>
          <select
            id={statusId}
            value={detail.status}
            disabled={readOnly}
            onChange={(e) =>
              api.update({ status: e.target.value as CaseStatus }).then(
                () => setStatusError(null),
                (err: unknown) => setStatusError(err instanceof Error ? err.message : String(err)),
              )
            }
          >
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {CASE_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          {statusError && (
            <p className="field-error" role="alert">
              {statusError}
            </p>
          )}
        </div>
      </div>
      <TagsEditor tags={detail.tags} suggestions={tagNames} disabled={readOnly} onSave={api.setTags} />
      <ActorsEditor actors={detail.caseActors} api={api} disabled={readOnly} />
      {fields.length > 0 && (
        <section className="detail-section" aria-labelledby="fields-heading">
          <h3 id="fields-heading">Fields</h3>
          {fields.map((field) => (
            <FieldEditor
              key={field.id}
              field={field}
              value={detail.values[field.id] ?? null}
              disabled={readOnly}
              onSave={(value) => api.setValue(field.id, value)}
            />
          ))}
        </section>
      )}
      <section className="detail-section note-section" aria-labelledby="note-heading">
        <h3 id="note-heading">Note</h3>
        <NoteEditor key={caseId} caseId={caseId} initialNote={detail.note} readOnly={readOnly} onSave={api.saveNote} footnotes={footnotes} />
      </section>
    </aside>
  );
}
