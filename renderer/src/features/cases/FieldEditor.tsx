import { useId, useState } from 'react';
import type { FieldDef, FieldValue } from '../../../../common/domain/schemas';
import { isValidPartialDate } from '../../../../common/domain/schemas';
import { SaveOnBlurInput } from '../../ui/SaveOnBlurInput';

interface FieldEditorProps {
  field: FieldDef;
  value: FieldValue;
  disabled: boolean;
  onSave(value: FieldValue): Promise<void>;
}

/** The editor for one user field, chosen by its type. */
export function FieldEditor({ field, value, disabled, onSave }: FieldEditorProps) {
  switch (field.type) {
    case 'text':
      return <SaveOnBlurInput label={field.name} value={typeof value === 'string' ? value : ''} disabled={disabled} onSave={(v) => onSave(v.trim() === '' ? null : v)} />;
    case 'number':
      return (
        <SaveOnBlurInput
          label={field.name}
          value={typeof value === 'number' ? String(value) : ''}
          disabled={disabled}
          validate={(v) => (v.trim() === '' || Number.isFinite(Number(v)) ? null : `${field.name}: enter a number, such as 12 or 3.5.`)}
          onSave={(v) => onSave(v.trim() === '' ? null : Number(v))}
        />
      );
    case 'date':
      return (
        <SaveOnBlurInput
          label={field.name}
          value={typeof value === 'string' ? value : ''}
          placeholder="YYYY, YYYY-MM or YYYY-MM-DD"
          disabled={disabled}
          validate={(v) => partialDateProblem(field.name, v)}
          onSave={(v) => onSave(v.trim() === '' ? null : v.trim())}
        />
      );
    case 'url':
      return <UrlEditor field={field} value={value} disabled={disabled} onSave={onSave} />;
    case 'boolean':
      return <BooleanEditor field={field} value={value} disabled={disabled} onSave={onSave} />;
    case 'single_select':
      return <SelectEditor field={field} value={value} disabled={disabled} onSave={onSave} />;
    case 'multi_select':
      return <MultiSelectEditor field={field} value={value} disabled={disabled} onSave={onSave} />;
  }
}

/** Null when `value` is empty or a real partial date; otherwise what is wrong, naming the field. */
export function partialDateProblem(label: string, value: string): string | null {
  const v = value.trim();
  if (v === '') return null;
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) return `${label}: expected a date as YYYY, YYYY-MM or YYYY-MM-DD (for example 2003-08).`;
  if (!isValidPartialDate(v)) return `${label}: ${v} is not a real calendar date.`;
  return null;
}

/** Only web addresses may be stored as links: other schemes (javascript:, file:) are refused. */
export function urlProblem(label: string, value: string): string | null {
  const v = value.trim();
  if (v === '') return null;
  try {
    const url = new URL(v);
    if (url.protocol === 'http:' || url.protocol === 'https:') return null;
  } catch {
    // fall through
  }
  return `${label}: enter a web address starting with http:// or https://.`;
}

function UrlEditor({ field, value, disabled, onSave }: FieldEditorProps) {
  const current = typeof value === 'string' ? value : '';
  const safe = current !== '' && urlProblem(field.name, current) === null;
  return (
    <div className="url-editor">
      <SaveOnBlurInput
        label={field.name}
        type="url"
        value={current}
        disabled={disabled}
        placeholder="https://…"
        validate={(v) => urlProblem(field.name, v)}
        onSave={(v) => onSave(v.trim() === '' ? null : v.trim())}
      />
      {safe && (
        // Opens outside the app: a new browser tab, or the system browser in Electron (window.open is denied there).
        <a className="url-link" href={current} target="_blank" rel="noopener noreferrer">
          Open {field.name} link ↗
        </a>
      )}
    </div>
  );
}

function BooleanEditor({ field, value, disabled, onSave }: FieldEditorProps) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="form-row form-row-inline">
      <label>
        <input
          type="checkbox"
          checked={value === true}
          disabled={disabled}
          onChange={(e) => onSave(e.target.checked).then(() => setError(null), (err: unknown) => setError(String(err instanceof Error ? err.message : err)))}
        />
        {field.name}
      </label>
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  );
}

function SelectEditor({ field, value, disabled, onSave }: FieldEditorProps) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const current = typeof value === 'string' ? value : '';
  return (
    <div className="form-row">
      <label htmlFor={id}>{field.name}</label>
      <select
        id={id}
        value={current}
        disabled={disabled}
        onChange={(e) => onSave(e.target.value === '' ? null : e.target.value).then(() => setError(null), (err: unknown) => setError(String(err instanceof Error ? err.message : err)))}
      >
        <option value="">—</option>
        {field.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
        {current && !field.options.includes(current) && <option value={current}>{current} (no longer an option)</option>}
      </select>
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  );
}

function MultiSelectEditor({ field, value, disabled, onSave }: FieldEditorProps) {
  const [error, setError] = useState<string | null>(null);
  const chosen = Array.isArray(value) ? value : [];
  return (
    <fieldset className="form-row checkbox-list">
      <legend>{field.name}</legend>
      {field.options.length === 0 && <p className="muted">No options yet — add some in Fields….</p>}
      {field.options.map((o) => (
        <label key={o}>
          <input
            type="checkbox"
            checked={chosen.includes(o)}
            disabled={disabled}
            onChange={(e) => {
              const next = e.target.checked ? [...chosen, o] : chosen.filter((c) => c !== o);
              onSave(next.length ? next : null).then(() => setError(null), (err: unknown) => setError(String(err instanceof Error ? err.message : err)));
            }}
          />
          {o}
        </label>
      ))}
      {error && <p className="field-error" role="alert">{error}</p>}
    </fieldset>
  );
}
