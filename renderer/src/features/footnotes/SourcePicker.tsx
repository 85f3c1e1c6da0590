import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { SourceRow } from '../../../../common/domain/sources';
import type { FootnoteServices } from './footnoteServices';

interface SourcePickerProps {
  services: FootnoteServices;
  /** Accessible name of the search box ("Find a source for citation 2"). */
  label: string;
  onPick: (source: SourceRow) => void;
  autoFocus?: boolean;
}

/**
 * The source picker of the footnote dialog (WAI-ARIA combobox): fuzzy search in the knowledge
 * base as the analyst types (recently cited sources first while empty); ↑/↓ move, Enter picks.
 * Answers arriving out of order are dropped, so the list always matches the current text.
 */
export function SourcePicker({ services, label, onPick, autoFocus }: SourcePickerProps) {
  const [query, setQuery] = useState('');
  const [rows, setRows] = useState<SourceRow[]>([]);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const listId = useId();
  const optionId = useId();
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    setLoading(true);
    const timer = setTimeout(
      () => {
        services.pick(query.trim()).then(
          (found) => {
            if (mine !== seq.current) return;
            setRows(found);
            setActive(0);
            setError(null);
            setLoading(false);
          },
          (e: unknown) => {
            if (mine !== seq.current) return;
            setRows([]);
            setError(e instanceof Error ? e.message : String(e));
            setLoading(false);
          },
        );
      },
      query === '' ? 0 : 120,
    );
    return () => clearTimeout(timer);
  }, [services, query]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, rows.length - 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (event.key === 'Enter') {
      const row = rows[active];
      if (row) onPick(row);
    } else return;
    event.preventDefault();
  };

  const activeRow = rows[active];
  return (
    <div className="cb-source-picker">
      <input
        type="search"
        role="combobox"
        aria-label={label}
        aria-expanded={rows.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeRow ? `${optionId}-${active}` : undefined}
        placeholder="Author, title, year or citekey"
        value={query}
        autoFocus={autoFocus}
        data-autofocus={autoFocus ? '' : undefined}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Sources" className="cb-source-picker__list">
        {rows.map((row, index) => (
          <li
            key={row.id}
            id={`${optionId}-${index}`}
            role="option"
            aria-selected={index === active}
            className="cb-source-picker__option"
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(index)}
            onClick={() => onPick(row)}
          >
            <span className="cb-source-picker__who">
              {row.authors || '—'}
              {row.year !== null ? ` (${row.year})` : ''}
            </span>{' '}
            <span className="cb-source-picker__title">{row.title}</span>{' '}
            <span className="cb-source-picker__key">{row.citekey}</span>
          </li>
        ))}
      </ul>
      {!loading && error === null && rows.length === 0 && (
        <p className="muted">{query.trim() === '' ? 'No sources in this knowledge base yet.' : `No source matches “${query.trim()}”.`}</p>
      )}
      {error !== null && (
        <p className="field-error" role="alert">
          Sources could not be searched: {error}
        </p>
      )}
    </div>
  );
}
