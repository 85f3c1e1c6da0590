import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectCloudFolder, detectFromSegments, localCopyFolder, suggestLocalCopyPath } from '../../main/share/cloudSync';
import { tempDir } from './support/builders';

const BY_PATH: [string, string | null][] = [
  // Dropbox
  ['/home/amina/Dropbox/Research/Piracy.casebook', 'Dropbox'],
  ['/Users/amina/Dropbox (Chatham House)/Piracy.casebook', 'Dropbox'],
  ['C:\\Users\\amina\\Dropbox (Personal)\\Piracy.casebook', 'Dropbox'],
  ['/Users/amina/Library/CloudStorage/Dropbox-ChathamHouse/Piracy.casebook', 'Dropbox'],
  ['/Users/amina/Library/CloudStorage/Dropbox/Piracy.casebook', 'Dropbox'],
  ['/Users/amina/Acme Dropbox/Piracy.casebook', 'Dropbox'],
  // OneDrive
  ['C:\\Users\\amina\\OneDrive\\Documents\\Piracy.casebook', 'OneDrive'],
  ['C:\\Users\\amina\\OneDrive - Contoso Ltd\\Piracy.casebook', 'OneDrive'],
  ['/Users/amina/Library/CloudStorage/OneDrive-Personal/Piracy.casebook', 'OneDrive'],
  ['/Users/amina/Library/CloudStorage/OneDrive-SharedLibraries-Contoso/Piracy.casebook', 'OneDrive'],
  ['c:/users/amina/onedrive/piracy.casebook', 'OneDrive'],
  // iCloud Drive
  ['/Users/amina/Library/Mobile Documents/com~apple~CloudDocs/Piracy.casebook', 'iCloud Drive'],
  ['C:\\Users\\amina\\iCloudDrive\\Piracy.casebook', 'iCloud Drive'],
  // Google Drive
  ['/Users/amina/Library/CloudStorage/GoogleDrive-amina@example.org/My Drive/Piracy.casebook', 'Google Drive'],
  ['G:\\My Drive\\Research\\Piracy.casebook', 'Google Drive'],
  ['G:\\Shared drives\\Team\\Piracy.casebook', 'Google Drive'],
  ['/Users/amina/Google Drive/Piracy.casebook', 'Google Drive'],
  // Others
  ['C:\\Users\\amina\\Box\\Piracy.casebook', 'Box'],
  ['/Users/amina/Library/CloudStorage/Box-Box/Piracy.casebook', 'Box'],
  ['/Users/amina/Box Sync/Piracy.casebook', 'Box'],
  ['/Users/amina/pCloud Drive/Piracy.casebook', 'pCloud'],
  ['/home/amina/pCloudDrive/Piracy.casebook', 'pCloud'],
  ['/home/amina/MEGA/Piracy.casebook', 'MEGA'],
  ['/home/amina/Nextcloud/Piracy.casebook', 'Nextcloud'],
  ['/home/amina/ownCloud/Piracy.casebook', 'ownCloud'],
  ['C:\\Users\\amina\\Sync\\Piracy.casebook', 'Sync.com'],
  ['/home/amina/Yandex.Disk/Piracy.casebook', 'Yandex.Disk'],
  ['/Users/amina/Library/CloudStorage/ProtonDrive-amina@proton.me/Piracy.casebook', 'Proton Drive'],
  ['/Users/amina/Library/CloudStorage/Acme-Work/Piracy.casebook', 'acme (a cloud storage service)'],
  // Local folders, including ones whose names merely resemble a service
  ['/home/amina/Documents/Casebook/Piracy.casebook', null],
  ['C:\\Users\\amina\\Documents\\Piracy.casebook', null],
  ['/Users/amina/Documents/Dropbox notes/Piracy.casebook', null],
  ['/home/amina/Research/Box/Piracy.casebook', null],
  ['/home/amina/Research/Sync/Piracy.casebook', null],
  ['/srv/cases/onedrive-export/Piracy.casebook', null],
  ['/Users/amina/Library/Application Support/Casebook/Piracy.casebook', null],
];

describe('detectFromSegments', () => {
  for (const [path, provider] of BY_PATH) {
    it(`${path} → ${provider ?? 'not a cloud folder'}`, () => {
      expect(detectFromSegments(path)).toBe(provider);
    });
  }
});

describe('detectCloudFolder', () => {
  it('recognises a synced folder by the marker its service keeps at the root', () => {
    const root = tempDir();
    const synced = join(root, 'Work files', 'Research');
    mkdirSync(synced, { recursive: true });
    writeFileSync(join(root, 'Work files', '.dropbox'), '{}');
    expect(detectCloudFolder(join(synced, 'Piracy.casebook'))).toBe('Dropbox');

    const syncthing = join(root, 'Sync');
    mkdirSync(join(syncthing, '.stfolder'), { recursive: true });
    expect(detectCloudFolder(join(syncthing, 'Piracy.casebook'))).toBe('Syncthing');
  });

  it('finds nothing in an ordinary folder', () => {
    const root = tempDir();
    expect(detectCloudFolder(join(root, 'Piracy.casebook'))).toBeNull();
  });

  it('copes with a folder it may not read', () => {
    const root = tempDir();
    const locked = join(root, 'locked');
    mkdirSync(locked, { mode: 0o000 });
    expect(detectCloudFolder(join(locked, 'inside', 'Piracy.casebook'))).toBeNull();
  });
});

describe('the local copy', () => {
  it('goes to <Documents>/Casebook, or to <home>/Casebook when Documents is synced', () => {
    expect(localCopyFolder('/home/amina/Documents', '/home/amina')).toBe(join('/home/amina/Documents', 'Casebook'));
    expect(localCopyFolder('/home/amina/OneDrive/Documents', '/home/amina')).toBe(join('/home/amina', 'Casebook'));
    expect(localCopyFolder(null, '/home/amina')).toBe(join('/home/amina', 'Casebook'));
  });

  it('gets a name that is not taken', () => {
    const documents = tempDir();
    mkdirSync(join(documents, 'Casebook'));
    writeFileSync(join(documents, 'Casebook', 'Piracy.casebook'), '');
    expect(suggestLocalCopyPath('/home/amina/Dropbox/Piracy.casebook', documents, '/nowhere')).toBe(join(documents, 'Casebook', 'Piracy (2).casebook'));
  });
});
