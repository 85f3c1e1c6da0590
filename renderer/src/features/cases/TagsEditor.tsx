import { useId, useState } from 'react';

interface TagsEditorProps {
  tags: string[];
  suggestions: string[];
  disabled: boolean;
  onSave(tags: string[]): Promise<void>;
}

/** Tags as chips: Enter adds what was typed, × or Backspace in the empty box removes one. */
export function TagsEditor({ tags, suggestions, disabled, onSave }: TagsEditorProps) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  function save(next: string[]) {
    onSave(next).then(
      () => setError(null),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }

  function add() {
    const tag = draft.trim();
    if (!tag) return;
    setDraft('');
    if (tags.some((t) => t.toLowerCase() === tag.toLowerCase())) return;
    save([...tags, tag]);
  }

  return (
    <div className="form-row">
      <label htmlFor={id}>Tags</label>
      <div className="chips-input">
        <ul className="chips" aria-label="Current tags">
          {tags.map((tag) => (
            <li className="chip" key={tag}>
              {tag}
              {!disabled && (
                <button type="button" className="chip-remove" aria-label={`Remove tag ${tag}`} onClick={() => save(tags.filter((t) => t !== tag))}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
        <input
          id={id}
          value={draft}
          disabled={disabled}
          list={`${id}-suggestions`}
          placeholder={tags.length ? '' : 'Add a tag and press Enter'}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ',') {
              e.preventDefault();
              add();
            } else if (e.key === 'Backspace' && draft === '' && tags.length > 0) {
              e.preventDefault();
              save(tags.slice(0, -1));
            }
          }}
          onBlur={add}
        />
        <datalist id={`${id}-suggestions`}>
          {suggestions
            .filter((s) => !tags.includes(s))
            .slice(0, 50)
            .map((s) => (
              <option key={s} value={s} />
            ))}
        </datalist>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
