import { existsSync, lstatSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { KB_EXTENSION } from '../db/openKb';
import { PRODUCT_NAME } from '../host/defaultPaths';

/**
 * Is a knowledge base in a folder that a cloud-sync service copies (DESIGN §6)? Such a service
 * uploads the file while Casebook writes it and may bring back a "conflicted copy" or an older
 * version under the open file; the app warns and offers to work on a local copy.
 *
 * Detection is by the folder names the services use on Windows, macOS and Linux (compared without
 * regard to case, with `/` or `\` as separators), then by the marker files some services keep at
 * the root of their folder. It is a hint for a warning, not a guarantee: a service that syncs an
 * arbitrary folder (macOS "Desktop & Documents" in iCloud, OneDrive's backup of Documents when the
 * path does not say OneDrive, a SharePoint library synced under the organisation's name) cannot be
 * seen from the path.
 */

type SegmentRule = { provider: string; test: (segment: string, index: number, segments: string[]) => boolean };

const name = (pattern: RegExp) => (segment: string) => pattern.test(segment);
/** Folder names too common to trust anywhere: only directly inside a home folder. */
const inHome = (pattern: RegExp) => (segment: string, index: number, segments: string[]) =>
  pattern.test(segment) && index >= 2 && /^(users|home)$/.test(segments[index - 2] as string);

const SEGMENT_RULES: SegmentRule[] = [
  { provider: 'Dropbox', test: name(/^(.+ )?dropbox( \(.+\))?$/) },
  { provider: 'OneDrive', test: name(/^onedrive( - .+)?$/) },
  { provider: 'iCloud Drive', test: name(/^(icloud ?drive|com~apple~clouddocs|mobile documents)$/) },
  { provider: 'Google Drive', test: name(/^(google ?drive|my drive|shared drives|google drive file stream)$/) },
  { provider: 'Box', test: name(/^box sync$/) },
  { provider: 'Box', test: inHome(/^box$/) },
  { provider: 'pCloud', test: name(/^pcloud ?drive$/) },
  { provider: 'MEGA', test: name(/^(mega|megasync)$/) },
  { provider: 'Nextcloud', test: name(/^nextcloud$/) },
  { provider: 'ownCloud', test: name(/^owncloud$/) },
  { provider: 'Sync.com', test: inHome(/^sync$/) },
  { provider: 'Yandex.Disk', test: name(/^yandex\.disk$/) },
  { provider: 'Tresorit', test: name(/^tresorit( drive)?$/) },
  { provider: 'Seafile', test: inHome(/^seafile$/) },
  { provider: 'Proton Drive', test: name(/^proton ?drive$/) },
];

/** Folders under macOS's `~/Library/CloudStorage/` (File Provider services): `<Service>-<account>`. */
const CLOUD_STORAGE_PREFIXES: [RegExp, string][] = [
  [/^dropbox/, 'Dropbox'],
  [/^onedrive/, 'OneDrive'],
  [/^googledrive/, 'Google Drive'],
  [/^box/, 'Box'],
  [/^protondrive/, 'Proton Drive'],
  [/^pcloud/, 'pCloud'],
  [/^icloud/, 'iCloud Drive'],
  [/^nextcloud/, 'Nextcloud'],
  [/^owncloud/, 'ownCloud'],
];

/** Files or folders some services keep at the root of the folder they sync. */
const MARKERS: [string, string][] = [
  ['.dropbox', 'Dropbox'],
  ['.dropbox.cache', 'Dropbox'],
  ['.stfolder', 'Syncthing'],
  ['.owncloudsync.log', 'ownCloud'],
  ['.nextcloudsync.log', 'Nextcloud'],
  ['.debris', 'MEGA'],
];
const MAX_MARKER_DEPTH = 32;

/** The cloud-sync service whose folder holds `path`, by name (e.g. "Dropbox"), or null. */
export function detectCloudFolder(path: string): string | null {
  // Markers first: `~/Sync` is Sync.com's folder by name, unless Syncthing's marker says otherwise.
  return detectFromMarkers(path) ?? detectFromSegments(path);
}

/** By folder names alone (pure; works on paths of any OS). */
export function detectFromSegments(path: string): string | null {
  const segments = path
    .split(/[\\/]+/)
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length > 0);
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    if (segment === 'cloudstorage' && segments[i - 1] === 'library') {
      const service = segments[i + 1];
      if (service) {
        const known = CLOUD_STORAGE_PREFIXES.find(([re]) => re.test(service));
        return known ? known[1] : `${service.split('-')[0] ?? service} (a cloud storage service)`;
      }
    }
    const rule = SEGMENT_RULES.find((r) => r.test(segment, i, segments));
    if (rule) return rule.provider;
  }
  return null;
}

/** By marker files in the folder of `path` and its ancestors; unreadable folders are skipped. */
export function detectFromMarkers(path: string): string | null {
  let dir = resolve(path);
  for (let depth = 0; depth < MAX_MARKER_DEPTH; depth++) {
    for (const [marker, provider] of MARKERS) {
      try {
        // lstat: a marker is never followed, so a link cannot send the check anywhere.
        lstatSync(join(dir, marker));
        return provider;
      } catch {
        // absent or unreadable
      }
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}

/**
 * Where to suggest "work on a local copy": `<Documents>/Casebook`, unless Documents itself is in a
 * synced folder (OneDrive's Known Folder Move), then `<home>/Casebook`.
 */
export function localCopyFolder(documentsDir: string | null, home = homedir()): string {
  const candidates = [...(documentsDir ? [join(documentsDir, PRODUCT_NAME)] : []), join(home, PRODUCT_NAME)];
  return candidates.find((c) => detectCloudFolder(c) === null) ?? join(home, PRODUCT_NAME);
}

/** A free file name for the local copy of `kbPath`: `<folder>/<name>.casebook`, or `<name> (2).casebook` … */
export function suggestLocalCopyPath(kbPath: string, documentsDir: string | null, home = homedir()): string {
  const folder = localCopyFolder(documentsDir, home);
  const stem = basename(kbPath, KB_EXTENSION);
  for (let n = 1; ; n++) {
    const candidate = join(folder, `${stem}${n === 1 ? '' : ` (${n})`}${KB_EXTENSION}`);
    if (!existsSync(candidate)) return candidate;
  }
}
