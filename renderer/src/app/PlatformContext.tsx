import { createContext, useContext, type ReactNode } from 'react';
import type { Platform } from '../platform/platform';
import type { CasebookClient } from '../../../common/ipc/client';

const PlatformContext = createContext<Platform | null>(null);

export function PlatformProvider({ platform, children }: { platform: Platform; children: ReactNode }) {
  return <PlatformContext.Provider value={platform}>{children}</PlatformContext.Provider>;
}

/** The platform the app runs on; hooks use it to reach the typed client. */
export function usePlatform(): Platform {
  const platform = useContext(PlatformContext);
  if (!platform) throw new Error('usePlatform needs a <PlatformProvider> above it');
  return platform;
}

/** The typed client, for hooks (components call hooks, hooks call the client). */
export function useClient(): CasebookClient {
  return usePlatform().client;
}
