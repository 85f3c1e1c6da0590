import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { afterEach } from 'vitest';
import { createClient, type CasebookClient } from '../../../common/ipc/client';
import { createAppCore, type AppCore } from '../../../main/app/createAppCore';
import { PlatformProvider } from '../../../renderer/src/app/PlatformContext';
import { FieldsProvider } from '../../../renderer/src/features/fields/FieldsContext';
import { ToastProvider } from '../../../renderer/src/ui/Toasts';

const dirs: string[] = [];
const cores: AppCore[] = [];

afterEach(() => {
  for (const core of cores.splice(0)) core.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
});

export interface CoreHarness {
  core: AppCore;
  client: CasebookClient;
  kbPath: string;
  /** Renders UI inside the providers the app gives it, talking to the real core in-process. */
  show(ui: ReactNode): ReturnType<typeof render>;
}

/**
 * The real app core on a fresh knowledge base in a temp folder (`folder` inside it, when given),
 * with a bridge that calls its dispatch directly: components are tested against the real handlers,
 * a real SQLite file and, for copies, merges and backups, the real job process. No daily backup job
 * on open; local copies go to the temp folder's Documents.
 */
export function startCore({ folder = '' }: { folder?: string } = {}): CoreHarness {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-dom-'));
  dirs.push(dir);
  const core = createAppCore({
    userDataDir: join(dir, 'user'),
    documentsDir: join(dir, 'Documents'),
    ports: { host: 'browser', dialogs: null, push() {} },
    dailyBackups: false,
  });
  cores.push(core);
  const kbPath = join(dir, folder, 'test.casebook');
  mkdirSync(dirname(kbPath), { recursive: true });
  core.create(kbPath);
  const client = createClient({ invoke: (channel, input) => core.dispatch(channel, input), on: () => () => undefined });
  return {
    core,
    client,
    kbPath,
    show: (ui) =>
      render(
        <PlatformProvider platform={{ kind: 'browser', client, pathForFile: () => null }}>
          <ToastProvider>
            <FieldsProvider kbPath={kbPath}>{ui}</FieldsProvider>
          </ToastProvider>
        </PlatformProvider>,
      ),
  };
}
