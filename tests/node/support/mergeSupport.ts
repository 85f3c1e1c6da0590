import { statSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { MergeReport } from '../../../common/domain/sharing';
import { createKb, openKb } from '../../../main/db/openKb';
import { mergeFrom } from '../../../main/share/merge';
import { TABLE_SPECS } from '../../../main/share/mergeRows';
import { kbId, recordPeer } from '../../../main/share/peers';
import { preflightTheirs } from '../../../main/share/preflight';
import { saveCopy } from '../../../main/share/snapshot';
import { createKbSession, type KbSession } from '../../../main/store/kbSession';
import { kbStoreFor, type KbStore } from '../../../main/store/kbStore';
import { sha256, tempDir } from './builders';

/** A knowledge base file open for one person, as the app would have it. */
export interface TestKb {
  path: string;
  name: string;
  session: KbSession;
  store: KbStore;
  db: Database.Database;
  kbId(): string;
  close(): void;
}

/** A new, empty knowledge base `<dir>/<name>.casebook`, edited by `who`. */
export function newKb(dir: string, name: string, who: string): TestKb {
  const path = join(dir, `${name}.casebook`);
  createKb(path);
  return openTestKb(path, name, who);
}

export function openTestKb(path: string, name: string, who: string): TestKb {
  const session = createKbSession(openKb(path), () => who);
  return {
    path,
    name,
    session,
    store: kbStoreFor(session),
    db: session.db,
    kbId: () => kbId(session.db),
    close: () => session.close(),
  };
}

/**
 * "Export for a colleague": a copy of `kb` with its own identity, both files remembering what the
 * other has (as the app records it after saveCopy), opened for `who`.
 */
export function colleagueCopy(kb: TestKb, name: string, who: string): TestKb {
  const dest = join(tempDir(), `${name}.casebook`);
  const copy = saveCopy(kb.path, dest, { kind: 'all' });
  recordPeer(kb.db, { peerId: copy.kbId, peerName: name, seenUpTo: copy.seenUpTo });
  return openTestKb(dest, name, who);
}

/** "Merge from file…": checks a copy of `theirs` and merges it into `ours`. */
export async function mergeInto(ours: TestKb, theirs: TestKb | string, peerName?: string): Promise<MergeReport> {
  const path = typeof theirs === 'string' ? theirs : theirs.path;
  const pre = preflightTheirs(path, tempDir('casebook-merge-work-'));
  try {
    return await mergeFrom(ours.session, pre, {
      peerName: peerName ?? (typeof theirs === 'string' ? pre.name : theirs.name),
      backupPath: null,
      onProgress() {},
    });
  } finally {
    pre.cleanup();
  }
}

/**
 * Everything two files must agree on after they converged: every synced row's synced columns,
 * without who saved it when (`updated_at`, `updated_by`) and without local or derived columns.
 */
export function canonicalDump(db: Database.Database, withVersions = false): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const s of TABLE_SPECS) {
    const cols = s.columns.filter((c) => withVersions || (c !== 'updated_at' && c !== 'updated_by'));
    out[s.table] = db.prepare(`SELECT ${cols.join(', ')} FROM ${s.table} ORDER BY ${s.key}`).all();
  }
  return out;
}

/** Bytes and modification time of a file, to show it was left exactly as it was. */
export function fingerprint(path: string): { sha256: string; mtimeMs: number; size: number } {
  const st = statSync(path);
  return { sha256: sha256(path), mtimeMs: st.mtimeMs, size: st.size };
}
