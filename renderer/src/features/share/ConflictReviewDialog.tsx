import { useEffect, useId, useRef, useState } from 'react';
import type { ConflictDetail, ConflictField, ConflictSummary } from '../../../../common/domain/sharing';
import { useClient } from '../../app/PlatformContext';
import { Dialog } from '../../ui/Dialog';
import {
  DELETED_KEY,
  chosenSide,
  conflictChoices,
  describeConflictKind,
  errorText,
  formatWhen,
  groupConflicts,
  nextConflictId,
  plural,
  readOnlyText,
  recordNoun,
  resolvesToDeleted,
  reviewOrder,
  type ConflictGroup,
  type Side,
} from './shareText';
import { useConflictDetail, useConflicts } from './useConflicts';
import './share.css';

interface ConflictReviewDialogProps {
  kb: { readOnly: boolean; readOnlyReason: string | null };
  onClose(): void;
  /** A conflict was resolved: records changed, the views and the conflict count reload. */
  onResolved(): void;
}

/**
 * File ▸ Review Conflicts…: records changed on both sides since the last exchange with a
 * colleague, grouped by case. Choosing one shows the fields that differ side by side (yours by
 * default, theirs with a click), notes as two read-only panes; Resolve (Ctrl+Enter) applies the
 * choices in one transaction and moves on to the next conflict.
 */
export function ConflictReviewDialog({ kb, onClose, onResolved }: ConflictReviewDialogProps) {
  const client = useClient();
  const ids = useId();
  const list = useConflicts();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const { detail, error: detailError } = useConflictDetail(selectedId);
  /** The analyst's choices for the shown conflict, by field key (missing: yours). */
  const [picks, setPicks] = useState<Record<string, Side>>({});
  const [resolving, setResolving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const resolvedAny = useRef(false);
  const listboxRef = useRef<HTMLDivElement>(null);

  const conflicts = list.conflicts;
  const order = conflicts ? reviewOrder(conflicts) : [];

  // Start on the first conflict; keep the selection valid as the list changes.
  useEffect(() => {
    if (!conflicts) return;
    if (selectedId === null || !conflicts.some((c) => c.id === selectedId)) setSelectedId(reviewOrder(conflicts)[0]?.id ?? null);
  }, [conflicts, selectedId]);

  // Once the list has loaded, the keyboard starts in it (the dialog focused its first button while loading).
  const listFocused = useRef(false);
  useEffect(() => {
    if (listFocused.current || !conflicts || conflicts.length === 0) return;
    listFocused.current = true;
    listboxRef.current?.focus();
  }, [conflicts]);

  useEffect(() => {
    setPicks({});
    setError(null);
    if (selectedId) document.getElementById(optionId(ids, selectedId))?.scrollIntoView?.({ block: 'nearest' });
  }, [ids, selectedId]);

  async function resolve() {
    if (!detail || resolving || kb.readOnly) return;
    setResolving(true);
    setError(null);
    const before = conflicts ?? [];
    try {
      const { remaining } = await client.call('merge.resolve', { id: detail.id, choices: conflictChoices(detail.kind, detail.fields, picks) });
      resolvedAny.current = true;
      onResolved();
      const after = await list.reload();
      setSelectedId(nextConflictId(before, detail.id, after));
      setAnnouncement(`Resolved “${detail.label}”. ${remaining === 0 ? 'No conflicts remain.' : `${plural(remaining, 'conflict')} remain${remaining === 1 ? 's' : ''}.`}`);
    } catch (e) {
      setError(`${errorText(e)} The conflict is still open.`);
    } finally {
      setResolving(false);
    }
  }

  function moveSelection(e: React.KeyboardEvent) {
    if (order.length === 0) return;
    const at = order.findIndex((c) => c.id === selectedId);
    let next: number | null = null;
    if (e.key === 'ArrowDown') next = Math.min(order.length - 1, at + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, at - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = order.length - 1;
    if (next === null) return;
    e.preventDefault();
    setSelectedId(order[next]?.id ?? null);
  }

  const readOnlyId = `${ids}-read-only`;
  const canResolve = detail !== null && !resolving && !kb.readOnly;

  let body: React.ReactNode;
  if (conflicts === null) {
    body = <p className="muted">Loading conflicts…</p>;
  } else if (conflicts.length === 0) {
    body = (
      <div className="share-empty">
        <p role="status">No conflicts to review</p>
        <p className="muted">
          {resolvedAny.current
            ? 'Every conflict is resolved: the cases show the values you chose.'
            : 'Conflicts appear here when a merge finds records that you and a colleague both changed since your last exchange.'}
        </p>
      </div>
    );
  } else {
    const groups = groupConflicts(conflicts);
    body = (
      <div
        className="conflict-review"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey) {
            e.preventDefault();
            void resolve();
          }
        }}
      >
        <div className="conflict-list-pane">
          <p className="muted" id={`${ids}-count`}>
            {plural(conflicts.length, 'conflict')} in {plural(groups.filter((g) => g.caseId !== null).length, 'case')}
            {groups.some((g) => g.caseId === null) ? ' and other records' : ''}
          </p>
          <div
            ref={listboxRef}
            role="listbox"
            aria-label="Conflicts"
            aria-describedby={`${ids}-count`}
            tabIndex={0}
            data-autofocus
            className="conflict-list"
            aria-activedescendant={selectedId ? optionId(ids, selectedId) : undefined}
            onKeyDown={moveSelection}
          >
            {groups.map((group) => (
              <ConflictGroupOptions key={group.caseId ?? 'other'} ids={ids} group={group} selectedId={selectedId} onSelect={setSelectedId} />
            ))}
          </div>
        </div>
        <div className="conflict-detail-pane">
          {detailError ? (
            <p className="field-error" role="alert">
              {detailError}
            </p>
          ) : detail ? (
            <ConflictDetailView
              key={detail.id}
              detail={detail}
              picks={picks}
              onPick={(key, side) => setPicks((p) => ({ ...p, [key]: side }))}
            />
          ) : (
            <p className="muted">Loading…</p>
          )}
        </div>
      </div>
    );
  }

  const footer = (
    <>
      <span className="share-footer-note muted" role="status" aria-live="polite">
        {announcement}
      </span>
      <button type="button" onClick={onClose}>
        Close
      </button>
      {conflicts !== null && conflicts.length > 0 && (
        <button
          type="button"
          className="primary"
          disabled={!canResolve}
          title={kb.readOnly ? readOnlyText(kb) : 'Apply these choices and go to the next conflict (Ctrl+Enter)'}
          aria-describedby={kb.readOnly ? readOnlyId : undefined}
          onClick={() => void resolve()}
        >
          {resolving ? 'Resolving…' : 'Resolve'}
        </button>
      )}
    </>
  );

  return (
    <Dialog title="Review Conflicts" className="conflict-dialog" onClose={onClose} footer={footer}>
      {body}
      {kb.readOnly && (
        <p id={readOnlyId} className="muted">
          {readOnlyText(kb)}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}

function optionId(ids: string, conflictId: string): string {
  return `${ids}-option-${conflictId}`;
}

const KIND_SHORT: Record<ConflictSummary['kind'], string> = {
  'both-edited': 'both edited',
  'we-deleted': 'you deleted, they edited',
  'they-deleted': 'they deleted, you edited',
};

/** An option's words: what part of the case (or which record) is in conflict. */
function optionText(conflict: ConflictSummary, group: ConflictGroup): string {
  if (conflict.table === 'cases') return 'Case';
  if (conflict.table === 'case_notes') return 'Note';
  const noun = recordNoun(conflict.table);
  const what = noun.charAt(0).toUpperCase() + noun.slice(1);
  return conflict.label && conflict.label !== group.label ? `${what}: ${conflict.label}` : what;
}

/** One case's conflicts as a group of options in the listbox. */
function ConflictGroupOptions({ ids, group, selectedId, onSelect }: { ids: string; group: ConflictGroup; selectedId: string | null; onSelect(id: string): void }) {
  const headingId = `${ids}-group-${group.caseId ?? 'other'}`;
  return (
    <div role="group" aria-labelledby={headingId} className="conflict-group">
      <div id={headingId} role="presentation" className="conflict-group-label">
        {group.label}
      </div>
      {group.conflicts.map((c) => (
        <div
          key={c.id}
          id={optionId(ids, c.id)}
          role="option"
          aria-selected={c.id === selectedId}
          className={c.id === selectedId ? 'conflict-option selected' : 'conflict-option'}
          onClick={() => onSelect(c.id)}
        >
          <span>{optionText(c, group)}</span>
          <span className="muted"> — {KIND_SHORT[c.kind]}</span>
        </div>
      ))}
    </div>
  );
}

function sideHeading(who: 'Yours' | 'Theirs', side: ConflictDetail['ours']): string {
  return `${who} (${side.deleted ? 'deleted by ' : ''}${side.by || 'someone'}, ${formatWhen(side.at)})`;
}

function ValueText({ value }: { value: string | null }) {
  if (value === null || value === '') return <span className="muted">(empty)</span>;
  return <span className="conflict-value">{value}</span>;
}

interface ConflictDetailViewProps {
  detail: ConflictDetail;
  picks: Record<string, Side>;
  onPick(key: string, side: Side): void;
}

const DELETION_CHOICES: Record<Exclude<ConflictDetail['kind'], 'both-edited'>, Record<Side, string>> = {
  'we-deleted': { ours: 'Keep it deleted', theirs: 'Bring it back with their changes' },
  'they-deleted': { ours: 'Keep it, with your changes', theirs: 'Delete it, as they did' },
};

/** Both sides of one conflicting record: differing fields to choose between, agreeing ones folded away. */
function ConflictDetailView({ detail, picks, onPick }: ConflictDetailViewProps) {
  const ids = useId();
  const differing = detail.fields.filter((f) => f.differs && f.key !== DELETED_KEY);
  const textFields = differing.filter((f) => f.kind === 'text');
  const notes = differing.filter((f) => f.kind === 'note');
  const agreeing = detail.fields.filter((f) => !f.differs && f.key !== DELETED_KEY);
  const deletion = detail.kind === 'both-edited' ? null : detail.fields.find((f) => f.key === DELETED_KEY && f.differs) ? DELETION_CHOICES[detail.kind] : null;
  const pick = (f: ConflictField): Side => chosenSide(detail.kind, f.key, picks);
  // Once the record ends up deleted, which of its values to keep does not matter.
  const fieldsOff = deletion !== null && resolvesToDeleted(detail.kind, picks);
  const noun = recordNoun(detail.table);

  return (
    <section className="conflict-detail" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{detail.label}</h3>
      <p className="conflict-kind">{describeConflictKind(detail.kind, detail.table)}</p>
      {deletion && (
        <fieldset className="conflict-note">
          <legend>What happens to the {noun}</legend>
          {(['ours', 'theirs'] as const).map((side) => (
            <label key={side} className="conflict-choice">
              <input
                type="radio"
                name={`${ids}-${DELETED_KEY}`}
                value={side}
                checked={chosenSide(detail.kind, DELETED_KEY, picks) === side}
                onChange={() => onPick(DELETED_KEY, side)}
              />
              {deletion[side]}
            </label>
          ))}
        </fieldset>
      )}
      {fieldsOff && <p className="muted">The {noun} ends up deleted, so its values below are kept only in the merge log.</p>}
      {textFields.length > 0 && (
        <table className="conflict-table">
          <caption className="visually-hidden">Fields that differ</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">{sideHeading('Yours', detail.ours)}</th>
              <th scope="col">{sideHeading('Theirs', detail.theirs)}</th>
            </tr>
          </thead>
          <tbody>
            {textFields.map((f) => (
              <tr key={f.key}>
                <th scope="row">{f.label}</th>
                {(['ours', 'theirs'] as const).map((side) => (
                  <td key={side} className={pick(f) === side && !fieldsOff ? 'chosen' : undefined}>
                    <label className="conflict-choice">
                      <input
                        type="radio"
                        name={`${ids}-${f.key}`}
                        value={side}
                        checked={pick(f) === side}
                        disabled={fieldsOff}
                        aria-label={`${f.label}: ${side === 'ours' ? 'keep yours' : 'take theirs'}`}
                        onChange={() => onPick(f.key, side)}
                      />
                      <ValueText value={side === 'ours' ? f.ours : f.theirs} />
                    </label>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {notes.map((f) => (
        <fieldset key={f.key} className="conflict-note" disabled={fieldsOff}>
          <legend>{f.label}</legend>
          <div className="conflict-note-panes">
            {(['ours', 'theirs'] as const).map((side) => {
              const paneId = `${ids}-${f.key}-${side}`;
              const text = side === 'ours' ? f.ours : f.theirs;
              return (
                <div key={side} className={pick(f) === side && !fieldsOff ? 'conflict-note-pane chosen' : 'conflict-note-pane'}>
                  <label htmlFor={paneId}>{sideHeading(side === 'ours' ? 'Yours' : 'Theirs', side === 'ours' ? detail.ours : detail.theirs)}</label>
                  <textarea id={paneId} readOnly rows={10} value={text ?? ''} placeholder="(empty)" />
                  <label className="conflict-choice">
                    <input type="radio" name={`${ids}-${f.key}`} value={side} checked={pick(f) === side} onChange={() => onPick(f.key, side)} />
                    {side === 'ours' ? 'Keep yours' : 'Take theirs'}
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
      {differing.length === 0 && !deletion && <p>The two versions no longer differ: resolving keeps them as they are.</p>}
      {agreeing.length > 0 && (
        <details className="conflict-agreeing">
          <summary>{plural(agreeing.length, 'field agrees', 'fields agree')}</summary>
          <dl>
            {agreeing.map((f) => (
              <div key={f.key}>
                <dt>{f.label}</dt>
                <dd>
                  <ValueText value={f.ours} />
                </dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </section>
  );
}
