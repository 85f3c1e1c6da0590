import { v7 as uuidv7 } from 'uuid';

/** A new row id: UUIDv7, so ids created later sort later and index inserts stay local. */
export function newId(): string {
  return uuidv7();
}
