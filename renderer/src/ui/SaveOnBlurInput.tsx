import { useEffect, useId, useRef, useState, type Ref } from 'react';

interface SaveOnBlurInputProps {
  label: string;
  value: string;
  /** Resolves when saved; rejects with the message to show under the control. */
  onSave(value: string): Promise<void>;
  /** Checked before saving; a returned string is shown as the error and nothing is sent. */
  validate?(value: string): string | null;
  multiline?: boolean;
  disabled?: boolean;
  placeholder?: string;
  type?: 'text' | 'number' | 'url';
  inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement>;
  className?: string;
}

/**
 * A labelled text control that saves when it loses focus or on Enter (Ctrl+Enter in multi-line),
 * and shows the validation or server error inline until the user changes the text. Escape reverts.
 */
export function SaveOnBlurInput(props: SaveOnBlurInputProps) {
  const { label, value, onSave, validate, multiline, disabled, placeholder, type = 'text', inputRef, className } = props;
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const saving = useRef(false);

  useEffect(() => {
    setDraft(value);
    setError(null);
  }, [value]);

  async function commit() {
    if (draft === value || saving.current) return;
    const problem = validate?.(draft) ?? null;
    if (problem) {
      setError(problem);
      return;
    }
    saving.current = true;
    try {
      await onSave(draft);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      saving.current = false;
    }
  }

  const common = {
    id,
    value: draft,
    disabled,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      setDraft(e.target.value);
      setError(null);
    },
    onBlur: () => void commit(),
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void commit();
      } else if (e.key === 'Escape' && draft !== value) {
        e.stopPropagation();
        setDraft(value);
        setError(null);
      }
    },
  };

  return (
    <div className={`form-row ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea {...common} ref={inputRef} rows={3} /> : <input {...common} ref={inputRef} type={type} />}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
