import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';

/**
 * The sharing bookkeeping every knowledge base file carries (migrations/0004_sharing.sql): its own
 * identity, and for each knowledge base it has exchanged with, the newest of that file's row
 * versions it has taken in.
 */

/** Tables whose rows carry `updated_at` and travel in a merge. */
export const SYNCED_TABLES = [
  'kb_settings',
  'fields',
  'tags',
  'actors',
  'sources',
  'cases',
  'case_notes',
  'case_values',
  'case_tags',
  'case_actors',
  'citations',
  'case_links',
  'saved_views',
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

export interface Peer {
  peerId: string;
  peerName: string;
  seenUpTo: string;
  updatedAt: string;
}

export function kbId(db: Database.Database): string {
  const row = db.prepare('SELECT kb_id AS id FROM kb_identity WHERE singleton = 1').get() as { id: string } | undefined;
  if (!row) throw new Error('This knowledge base has no identity row (kb_identity); it was not made by Casebook.');
  return row.id;
}

/** Gives a freshly made copy its own identity (call on the copy, never on the original). */
export function assignNewKbId(db: Database.Database): string {
  const id = randomBytes(16).toString('hex');
  db.prepare('UPDATE kb_identity SET kb_id = ?, created_at = ? WHERE singleton = 1').run(id, new Date().toISOString());
  return id;
}

/** The newest `updated_at` of any row in the file ('' for an empty knowledge base). */
export function newestTimestamp(db: Database.Database): string {
  let newest = '';
  for (const table of SYNCED_TABLES) {
    const row = db.prepare(`SELECT max(updated_at) AS m FROM ${table}`).get() as { m: string | null };
    if (row.m && row.m > newest) newest = row.m;
  }
  return newest;
}

export function getPeer(db: Database.Database, peerId: string): Peer | null {
  const row = db.prepare('SELECT peer_id AS peerId, peer_name AS peerName, seen_up_to AS seenUpTo, updated_at AS updatedAt FROM merge_peers WHERE peer_id = ?').get(peerId) as
    | Peer
    | undefined;
  return row ?? null;
}

export function listPeers(db: Database.Database): Peer[] {
  return db.prepare('SELECT peer_id AS peerId, peer_name AS peerName, seen_up_to AS seenUpTo, updated_at AS updatedAt FROM merge_peers ORDER BY updated_at DESC').all() as Peer[];
}

/**
 * Records that every row version of `peerId` up to `seenUpTo` has been taken in. The mark only
 * moves forward unless `exact` is set (undo of a merge puts back the earlier mark).
 */
export function recordPeer(db: Database.Database, peer: { peerId: string; peerName: string; seenUpTo: string }, exact = false): void {
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO merge_peers (peer_id, peer_name, seen_up_to, updated_at) VALUES (@peerId, @peerName, @seenUpTo, @now)
     ON CONFLICT (peer_id) DO UPDATE SET peer_name = excluded.peer_name, updated_at = excluded.updated_at,
       seen_up_to = CASE WHEN @exact OR excluded.seen_up_to > merge_peers.seen_up_to THEN excluded.seen_up_to ELSE merge_peers.seen_up_to END`,
  ).run({ ...peer, now, exact: exact ? 1 : 0 });
}

export function forgetPeer(db: Database.Database, peerId: string): void {
  db.prepare('DELETE FROM merge_peers WHERE peer_id = ?').run(peerId);
}
