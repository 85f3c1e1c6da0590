import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../common/errors';

/**
 * Writes files so that each is either its old self or complete: every file goes to a temporary
 * name in its own folder, is flushed to disk, and only when all of them are written are they
 * renamed over their targets. A failure (full disk, a folder that vanished, a cancel) removes the
 * temporaries and leaves whatever was there before untouched.
 */
export function writeFilesAtomically(files: { path: string; data: string | Uint8Array }[]): void {
  const temps: { temp: string; path: string }[] = [];
  try {
    for (const { path, data } of files) {
      const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
      temps.push({ temp, path });
      const fd = openSync(temp, 'wx', 0o644);
      try {
        const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
        let offset = 0;
        while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    for (const { temp, path } of temps) renameSync(temp, path);
  } catch (e) {
    for (const { temp } of temps) rmSync(temp, { force: true });
    const err = e as NodeJS.ErrnoException;
    throw new AppError('IO', `Could not write ${files.map((f) => basename(f.path)).join(', ')}: ${err.code ?? ''} ${err.message}`.trim());
  }
}
