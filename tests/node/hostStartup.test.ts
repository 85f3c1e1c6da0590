import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppCore } from '../../main/app/createAppCore';
import { isAllowedExternalUrl } from '../../main/electron/externalUrl';
import { parseLaunchArgs } from '../../main/electron/launchArgs';
import { defaultSampleKbPath } from '../../main/host/defaultPaths';
import { isFirstRun, openAtStart } from '../../main/host/openAtStart';
import { tempDir } from './support/builders';

function coreFor(userDataDir: string) {
  return createAppCore({ userDataDir, ports: { host: 'browser', dialogs: null, push() {} }, dailyBackups: false });
}

describe('what a host opens at start', () => {
  it('creates the sample on the very first start, then reopens the last file on later starts', () => {
    const dir = tempDir('casebook-start-');
    const userData = join(dir, 'user');
    const sample = defaultSampleKbPath(userData, join(dir, 'Documents'));
    expect(sample).toBe(join(dir, 'Documents', 'Casebook', 'Sample.casebook'));

    expect(isFirstRun(userData)).toBe(true);
    const first = coreFor(userData);
    openAtStart(first, { firstRunSamplePath: sample });
    expect(first.current()?.name).toBe('Sample');
    expect(first.current()?.counts.cases).toBeGreaterThan(0);
    first.shutdown();

    expect(isFirstRun(userData)).toBe(false);
    const second = coreFor(userData);
    openAtStart(second, {});
    expect(second.current()?.path).toBe(sample);
    second.shutdown();
  });

  it('does not bring back a sample the user deleted, and starts empty after the user closed the file', () => {
    const dir = tempDir('casebook-start-');
    const userData = join(dir, 'user');
    const sample = defaultSampleKbPath(userData, null);
    expect(sample).toBe(join(userData, 'Sample.casebook'));

    const first = coreFor(userData);
    openAtStart(first, { firstRunSamplePath: sample });
    first.close();
    rmSync(sample);

    const second = coreFor(userData);
    openAtStart(second, { firstRunSamplePath: isFirstRun(userData) ? sample : undefined });
    expect(second.current()).toBeNull();
    expect(existsSync(sample)).toBe(false);
  });

  it('opens a named file, or refuses it with the reason', () => {
    const dir = tempDir('casebook-start-');
    const core = coreFor(join(dir, 'user'));
    const named = join(dir, 'nested', 'Darfur.casebook');
    openAtStart(core, { kbPath: named, createSample: true });
    expect(core.current()?.name).toBe('Darfur');
    core.shutdown();
    expect(() => openAtStart(coreFor(join(dir, 'user')), { kbPath: join(dir, 'missing.casebook') })).toThrow(/does not exist/);
  });
});

describe('Electron launch arguments', () => {
  it('reads --kb and --user-data in both spellings and ignores switches added by Chromium or Playwright', () => {
    expect(parseLaunchArgs(['.', '--inspect=0', '--remote-debugging-port=0', '--kb', 'work/a.casebook', '--user-data=/tmp/u'], '/home/ana')).toEqual({
      kbPath: '/home/ana/work/a.casebook',
      userDataDir: '/tmp/u',
    });
    expect(parseLaunchArgs(['--kb=/data/Darfur.casebook'], '/')).toEqual({ kbPath: '/data/Darfur.casebook' });
  });

  it('takes a .casebook path handed over by the file manager', () => {
    expect(parseLaunchArgs(['/usr/lib/casebook/casebook', '--no-sandbox', '/home/ana/Horn of Africa.CASEBOOK'], '/')).toEqual({
      kbPath: '/home/ana/Horn of Africa.CASEBOOK',
    });
    expect(parseLaunchArgs(['.', '--kb'], '/')).toEqual({});
  });
});

describe('links handed to the system browser', () => {
  it('lets plain web addresses through', () => {
    expect(isAllowedExternalUrl('https://www.un.org/securitycouncil/')).toBe(true);
    expect(isAllowedExternalUrl('http://example.org/report.pdf#page=4')).toBe(true);
  });

  it('refuses local files, scripts, app schemes and malformed addresses', () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'casebook://app/index.html', 'smb://server/share', 'not a url', 'https://', 'data:text/html,<script>1</script>']) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });
});
