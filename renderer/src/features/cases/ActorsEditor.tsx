import { useState } from 'react';
import { ACTOR_KINDS, type ActorKind, type CaseActor } from '../../../../common/domain/schemas';
import { SaveOnBlurInput } from '../../ui/SaveOnBlurInput';
import { useActorSearch, type CaseDetailApi } from './useCaseDetail';

const KIND_LABELS: Record<ActorKind, string> = {
  organisation: 'Organisation',
  state: 'State',
  mission: 'Mission',
  person: 'Person',
  group: 'Group',
  other: 'Other',
};

/** The actors linked to a case, each with its role; link an existing actor or create one. */
export function ActorsEditor({ actors, api, disabled }: { actors: CaseActor[]; api: CaseDetailApi; disabled: boolean }) {
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function run(p: Promise<void>) {
    p.then(
      () => setError(null),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }

  return (
    <section className="detail-section" aria-labelledby="actors-heading">
      <h3 id="actors-heading">Actors</h3>
      {actors.length === 0 && <p className="muted">No actors linked.</p>}
      <ul className="actor-list">
        {actors.map((a) => (
          <li key={a.linkId} className="actor-item">
            <span className="actor-name">
              {a.name}
              {a.abbreviation && <span className="muted"> ({a.abbreviation})</span>}
              <span className="actor-kind">{KIND_LABELS[a.kind]}</span>
            </span>
            <SaveOnBlurInput
              className="actor-role"
              label={`Role of ${a.abbreviation || a.name}`}
              value={a.role}
              disabled={disabled}
              placeholder="Role, e.g. mediator"
              onSave={(role) => api.updateActorRole(a.linkId, role)}
            />
            {!disabled && (
              <button type="button" className="link-button" aria-label={`Unlink ${a.name}`} onClick={() => run(api.unlinkActor(a.linkId))}>
                Unlink
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {!disabled &&
        (adding ? (
          <ActorPicker
            linked={new Set(actors.map((a) => a.actorId))}
            onCancel={() => setAdding(false)}
            onLink={async (actorId, role) => {
              await api.linkActor(actorId, role);
              setAdding(false);
            }}
            onCreate={async (actor, role) => {
              await api.createAndLinkActor(actor, role);
              setAdding(false);
            }}
          />
        ) : (
          <button type="button" onClick={() => setAdding(true)}>
            Link actor…
          </button>
        ))}
    </section>
  );
}

interface ActorPickerProps {
  linked: Set<string>;
  onCancel(): void;
  onLink(actorId: string, role: string): Promise<void>;
  onCreate(actor: { name: string; abbreviation: string; kind: ActorKind }, role: string): Promise<void>;
}

function ActorPicker({ linked, onCancel, onLink, onCreate }: ActorPickerProps) {
  const [query, setQuery] = useState('');
  const [role, setRole] = useState('');
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [abbreviation, setAbbreviation] = useState('');
  const [kind, setKind] = useState<ActorKind>('organisation');
  const [error, setError] = useState<string | null>(null);
  const found = useActorSearch(query).filter((a) => !linked.has(a.id));

  async function attempt(p: () => Promise<void>) {
    try {
      await p();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <div className="actor-picker" role="group" aria-label="Link an actor" onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onCancel())}>
      <label>
        Role in this case
        <input value={role} onChange={(e) => setRole(e.target.value)} placeholder="e.g. mediator" />
      </label>
      {creating ? (
        <form
          className="actor-create"
          aria-label="New actor"
          onSubmit={(e) => {
            e.preventDefault();
            void attempt(() => onCreate({ name, abbreviation, kind }, role));
          }}
        >
          <label>
            Actor name
            <input value={name} onChange={(e) => setName(e.target.value)} autoFocus />
          </label>
          <label>
            Abbreviation
            <input value={abbreviation} onChange={(e) => setAbbreviation(e.target.value)} placeholder="e.g. AMISOM" />
          </label>
          <label>
            Kind
            <select value={kind} onChange={(e) => setKind(e.target.value as ActorKind)}>
              {ACTOR_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          <div className="row-actions">
            <button type="submit" className="primary">
              Create and link
            </button>
            <button type="button" onClick={() => setCreating(false)}>
              Back
            </button>
          </div>
        </form>
      ) : (
        <>
          <label>
            Find actor
            <input value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Name or abbreviation" autoFocus />
          </label>
          <ul className="actor-results" aria-label="Matching actors">
            {found.slice(0, 8).map((a) => (
              <li key={a.id}>
                <button type="button" className="link-button" onClick={() => void attempt(() => onLink(a.id, role))}>
                  Link {a.name}
                  {a.abbreviation ? ` (${a.abbreviation})` : ''}
                </button>
              </li>
            ))}
            {found.length === 0 && <li className="muted">No matching actors.</li>}
          </ul>
          <div className="row-actions">
            <button
              type="button"
              onClick={() => {
                setName(query);
                setCreating(true);
              }}
            >
              New actor…
            </button>
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
