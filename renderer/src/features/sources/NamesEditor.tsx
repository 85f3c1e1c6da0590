import { useEffect, useId, useRef, useState } from 'react';
import type { CslName } from '../../../../common/domain/sources';
import { isBlankName, tidyName } from './cslValues';

interface NamesEditorProps {
  /** "Authors", "Editors", "Book editors". */
  label: string;
  names: CslName[];
  disabled?: boolean;
  /** Resolves when saved; rejects with the message to show under the names. */
  onSave(names: CslName[]): Promise<void>;
}

interface DraftName {
  key: number;
  name: CslName;
}

/** "Authors" → "Author", "Book editors" → "Book editor". */
function singular(label: string): string {
  return label.endsWith('s') ? label.slice(0, -1) : label;
}

/**
 * Structured names: each row a person (family, given, particle) or an institution with one
 * literal name ("UNSC", "Council of the EU"), which citation styles must never split into
 * family and given. Rows can be added, removed and reordered; the list saves when focus leaves
 * it, and at once after a removal, a move or an institution switch.
 */
export function NamesEditor({ label, names, disabled, onSave }: NamesEditorProps) {
  const nextKey = useRef(0);
  const toDraft = (list: CslName[]): DraftName[] => list.map((name) => ({ key: nextKey.current++, name }));
  const [draft, setDraft] = useState<DraftName[]>(() => toDraft(names));
  const [error, setError] = useState<string | null>(null);
  const saved = useRef(JSON.stringify(names));
  const rootRef = useRef<HTMLFieldSetElement>(null);
  const headingId = useId();
  const one = singular(label);

  useEffect(() => {
    const incoming = JSON.stringify(names);
    if (incoming === saved.current) return;
    saved.current = incoming;
    setDraft(toDraft(names));
    setError(null);
    // toDraft only reads a ref.
  }, [names]);

  async function commit(next: DraftName[]) {
    const clean = next.map((d) => tidyName(d.name)).filter((n) => !isBlankName(n));
    const text = JSON.stringify(clean);
    if (text === saved.current) return;
    try {
      await onSave(clean);
      saved.current = text;
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  function change(next: DraftName[], save: boolean) {
    setDraft(next);
    setError(null);
    if (save) void commit(next);
  }

  function update(key: number, patch: Partial<CslName>) {
    setDraft((all) => all.map((d) => (d.key === key ? { ...d, name: { ...d.name, ...patch } } : d)));
    setError(null);
  }

  function move(index: number, delta: number) {
    const target = index + delta;
    if (target < 0 || target >= draft.length) return;
    const next = [...draft];
    const [item] = next.splice(index, 1);
    if (item) next.splice(target, 0, item);
    change(next, true);
  }

  function setInstitution(key: number, institution: boolean) {
    const next = draft.map((d) => {
      if (d.key !== key) return d;
      // "UN" + "Security Council" typed as a person reads naturally as "UN Security Council".
      if (institution) return { ...d, name: { literal: [d.name.given, d.name['non-dropping-particle'], d.name.family].filter((p) => p?.trim()).join(' ') } };
      return { ...d, name: { family: d.name.literal ?? '' } };
    });
    change(next, true);
  }

  function addName() {
    const entry = { key: nextKey.current++, name: { family: '', given: '' } };
    setDraft((all) => [...all, entry]);
    // Focus the new row's first input once it exists.
    window.setTimeout(() => {
      rootRef.current?.querySelector<HTMLInputElement>(`[data-name-key="${entry.key}"] input[type="text"]`)?.focus();
    }, 0);
  }

  return (
    <fieldset
      ref={rootRef}
      className="names-editor"
      aria-labelledby={headingId}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) void commit(draft);
      }}
    >
      <legend id={headingId}>{label}</legend>
      {draft.length === 0 && <p className="muted">None.</p>}
      <ol className="names-list">
        {draft.map((d, i) => {
          const institution = d.name.literal !== undefined;
          const title = `${one} ${i + 1}`;
          return (
            <li key={d.key}>
              <fieldset className="name-row" data-name-key={d.key} aria-label={title}>
                <span className="name-number" aria-hidden="true">
                  {i + 1}.
                </span>
                {institution ? (
                  <label className="name-part name-literal">
                    <span>Institution name</span>
                    <input
                      type="text"
                      value={d.name.literal ?? ''}
                      disabled={disabled}
                      placeholder="e.g. UN Security Council"
                      onChange={(e) => update(d.key, { literal: e.target.value })}
                      onKeyDown={(e) => e.key === 'Enter' && void commit(draft)}
                    />
                  </label>
                ) : (
                  <>
                    <label className="name-part">
                      <span>Family</span>
                      <input
                        type="text"
                        value={d.name.family ?? ''}
                        disabled={disabled}
                        onChange={(e) => update(d.key, { family: e.target.value })}
                        onKeyDown={(e) => e.key === 'Enter' && void commit(draft)}
                      />
                    </label>
                    <label className="name-part">
                      <span>Given</span>
                      <input
                        type="text"
                        value={d.name.given ?? ''}
                        disabled={disabled}
                        onChange={(e) => update(d.key, { given: e.target.value })}
                        onKeyDown={(e) => e.key === 'Enter' && void commit(draft)}
                      />
                    </label>
                    <label className="name-part name-particle">
                      <span>Particle</span>
                      <input
                        type="text"
                        value={d.name['non-dropping-particle'] ?? ''}
                        disabled={disabled}
                        placeholder="e.g. van der"
                        onChange={(e) => update(d.key, { 'non-dropping-particle': e.target.value })}
                        onKeyDown={(e) => e.key === 'Enter' && void commit(draft)}
                      />
                    </label>
                  </>
                )}
                <label className="checkbox-label name-switch">
                  <input
                    type="checkbox"
                    role="switch"
                    checked={institution}
                    disabled={disabled}
                    onChange={(e) => setInstitution(d.key, e.target.checked)}
                  />
                  Institution
                </label>
                <span className="row-actions">
                  <button type="button" className="icon-button" aria-label={`Move ${title} up`} disabled={disabled || i === 0} onClick={() => move(i, -1)}>
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Move ${title} down`}
                    disabled={disabled || i === draft.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Remove ${title}`}
                    disabled={disabled}
                    onClick={() => change(
                      draft.filter((x) => x.key !== d.key),
                      true,
                    )}
                  >
                    ×
                  </button>
                </span>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {!disabled && (
        <button type="button" className="link-button" onClick={addName}>
          Add {one.toLowerCase()}
        </button>
      )}
      {error && (
        <p className="field-error" role="alert">
          {label}: {error}
        </p>
      )}
    </fieldset>
  );
}
