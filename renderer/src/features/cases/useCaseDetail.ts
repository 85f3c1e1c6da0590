import { useCallback, useEffect, useState } from 'react';
import type { ActorKind, CaseDetail, CasePatch, FieldValue, LexicalJson } from '../../../../common/domain/schemas';
import { useClient } from '../../app/PlatformContext';

export interface CaseDetailApi {
  detail: CaseDetail | null;
  error: string | null;
  update(patch: CasePatch): Promise<void>;
  setValue(fieldId: string, value: FieldValue): Promise<void>;
  setTags(tags: string[]): Promise<void>;
  linkActor(actorId: string, role: string): Promise<void>;
  createAndLinkActor(actor: { name: string; abbreviation: string; kind: ActorKind }, role: string): Promise<void>;
  updateActorRole(linkId: string, role: string): Promise<void>;
  unlinkActor(linkId: string): Promise<void>;
  saveNote(note: LexicalJson): Promise<{ noteUpdatedAt: string }>;
}

/**
 * One case for the detail pane. Every edit goes through its channel and the answer (the whole
 * updated case) replaces local state and is handed to `onChanged`, so the table row updates too.
 * Failures reject with the server's message for the caller to show next to the edited control.
 */
export function useCaseDetail(caseId: string, onChanged: (detail: CaseDetail) => void): CaseDetailApi {
  const client = useClient();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setDetail(null);
    setError(null);
    client.call('cases.get', { id: caseId }).then(
      (d) => live && setDetail(d),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [client, caseId]);

  const apply = useCallback(
    async (promise: Promise<CaseDetail>) => {
      const next = await promise;
      setDetail(next);
      onChanged(next);
    },
    [onChanged],
  );

  return {
    detail,
    error,
    update: (patch) => apply(client.call('cases.update', { id: caseId, patch })),
    setValue: (fieldId, value) => apply(client.call('cases.setValue', { caseId, fieldId, value })),
    setTags: (tags) => apply(client.call('cases.setTags', { caseId, tags })),
    linkActor: (actorId, role) => apply(client.call('cases.linkActor', { caseId, actorId, role })),
    async createAndLinkActor(actor, role) {
      const created = await client.call('actors.create', actor);
      await apply(client.call('cases.linkActor', { caseId, actorId: created.id, role }));
    },
    updateActorRole: (linkId, role) => apply(client.call('cases.updateActorLink', { linkId, role })),
    unlinkActor: (linkId) => apply(client.call('cases.unlinkActor', { linkId })),
    async saveNote(note) {
      const saved = await client.call('notes.save', { caseId, note });
      setDetail((d) => (d ? { ...d, note, noteText: saved.noteText, noteUpdatedAt: saved.noteUpdatedAt } : d));
      return { noteUpdatedAt: saved.noteUpdatedAt };
    },
  };
}

/** Actors matching what the user typed, for the "link an actor" picker. */
export function useActorSearch(query: string) {
  const client = useClient();
  const [actors, setActors] = useState<Awaited<ReturnType<typeof client.call<'actors.list'>>>>([]);
  useEffect(() => {
    let live = true;
    const t = window.setTimeout(() => {
      client.call('actors.list', { query }).then((a) => live && setActors(a), () => undefined);
    }, 150);
    return () => {
      live = false;
      window.clearTimeout(t);
    };
  }, [client, query]);
  return actors;
}

/** Tag names already used in the knowledge base, for suggestions. */
export function useTagNames(version: unknown) {
  const client = useClient();
  const [tags, setTags] = useState<string[]>([]);
  useEffect(() => {
    client.call('tags.list', {}).then((t) => setTags(t.map((x) => x.name)), () => undefined);
  }, [client, version]);
  return tags;
}
