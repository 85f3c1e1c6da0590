import { useId, useMemo, useRef, useState } from 'react';
import type { CitationStyleInfo } from '../../../../common/domain/sources';
import { groupStyles } from './exportChoices';

interface StylePickerProps {
  /** Every style; null while the catalogue loads. */
  styles: CitationStyleInfo[] | null;
  value: string;
  onChange(id: string): void;
  disabled: boolean;
  /** Why the control is disabled, read with it. */
  disabledReason?: string;
}

/**
 * A searchable style select: typing in "Find a style" narrows the list (common styles and the
 * knowledge base's added ones first) and picks the first match if the current style drops out,
 * so typing "international affairs" is enough. The select itself stays a native one, keyboard
 * and screen-reader friendly, with thousands of options.
 */
export function StylePicker({ styles, value, onChange, disabled, disabledReason }: StylePickerProps) {
  const ids = useId();
  const [query, setQuery] = useState('');
  const selectRef = useRef<HTMLSelectElement>(null);
  const groups = useMemo(() => groupStyles(styles ?? [], query), [styles, query]);
  const shown = [...groups.added, ...groups.common, ...groups.rest];
  const current = styles?.find((s) => s.id === value);
  const currentShown = shown.some((s) => s.id === value);

  function search(next: string) {
    setQuery(next);
    const found = groupStyles(styles ?? [], next);
    const first = [...found.added, ...found.common, ...found.rest];
    if (first[0] && !first.some((s) => s.id === value)) onChange(first[0].id);
  }

  return (
    <div className="form-row export-style">
      <label htmlFor={`${ids}-style`}>Style</label>
      <input
        type="search"
        aria-label="Find a style"
        aria-controls={`${ids}-style`}
        placeholder={styles ? `Find a style (${styles.length.toLocaleString('en-US')})` : 'Loading styles…'}
        value={query}
        disabled={disabled || !styles}
        onChange={(e) => search(e.target.value)}
        onKeyDown={(e) => {
          // Enter or ↓ moves to the list rather than starting the export.
          if (e.key === 'Enter' || e.key === 'ArrowDown') {
            e.preventDefault();
            selectRef.current?.focus();
          }
        }}
      />
      <select
        ref={selectRef}
        id={`${ids}-style`}
        value={value}
        disabled={disabled}
        aria-describedby={disabled && disabledReason ? `${ids}-why` : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {!currentShown && <option value={value}>{current?.title ?? value}</option>}
        {groups.added.length > 0 && (
          <optgroup label="Added to this knowledge base">
            {groups.added.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </optgroup>
        )}
        {groups.common.length > 0 && (
          <optgroup label="Common styles">
            {groups.common.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </optgroup>
        )}
        {groups.rest.length > 0 && (
          <optgroup label="All styles">
            {groups.rest.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      {styles && query.trim() !== '' && shown.length === 0 && <p className="muted">No style matches “{query.trim()}”.</p>}
      {disabled && disabledReason && (
        <p id={`${ids}-why`} className="muted">
          {disabledReason}
        </p>
      )}
    </div>
  );
}
