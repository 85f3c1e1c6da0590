import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The product name as folders show it. */
export const PRODUCT_NAME = 'Casebook';

/**
 * Where per-user settings live when no `--user-data` folder is given. The same folder Electron's
 * `app.getPath('userData')` yields for a product named Casebook, so both hosts share recent files.
 */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), PRODUCT_NAME);
}

/** The user's documents folder if there is one (`$XDG_DOCUMENTS_DIR` or `~/Documents`). */
export function defaultDocumentsDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidate = env.XDG_DOCUMENTS_DIR || join(homedir(), 'Documents');
  try {
    return existsSync(candidate) && statSync(candidate).isDirectory() ? candidate : null;
  } catch {
    return null;
  }
}

/**
 * Where the sample knowledge base is created on first start: `<Documents>/Casebook/Sample.casebook`,
 * where a user looks for their files, or inside the user-data folder on machines without one.
 */
export function defaultSampleKbPath(userDataDir: string, documentsDir: string | null = defaultDocumentsDir()): string {
  return documentsDir ? join(documentsDir, PRODUCT_NAME, 'Sample.casebook') : join(userDataDir, 'Sample.casebook');
}
