import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { parseLinkUrl } from './linkUrl';

interface LinkDialogProps {
  /** URL of the link being edited, or '' for a new link. */
  initialUrl: string;
  editing: boolean;
  onApply: (url: string) => void;
  onRemove: () => void;
  onClose: () => void;
}

/**
 * A small non-modal dialog to insert, edit or remove a link. Only http:, https: and mailto:
 * URLs are accepted; anything else is explained next to the field instead of being applied.
 */
export function LinkDialog({ initialUrl, editing, onApply, onRemove, onClose }: LinkDialogProps) {
  const [value, setValue] = useState(initialUrl);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const inputId = useId();
  const errorId = useId();

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const result = parseLinkUrl(value);
    if (!result.ok) {
      setError(result.error);
      inputRef.current?.focus();
      return;
    }
    onApply(result.url);
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <div className="cb-link-dialog" role="dialog" aria-labelledby={titleId} onKeyDown={onKeyDown}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId} className="cb-link-dialog__title">
          {editing ? 'Edit link' : 'Insert link'}
        </h2>
        <label htmlFor={inputId}>URL</label>
        <input
          ref={inputRef}
          id={inputId}
          type="url"
          value={value}
          placeholder="https://example.org"
          aria-invalid={error !== null}
          aria-describedby={error !== null ? errorId : undefined}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
        />
        {error !== null && (
          <p id={errorId} className="cb-link-dialog__error" role="alert">
            {error}
          </p>
        )}
        <div className="cb-link-dialog__actions">
          <button type="submit">{editing ? 'Update link' : 'Add link'}</button>
          {editing && (
            <button type="button" onClick={onRemove}>
              Remove link
            </button>
          )}
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
