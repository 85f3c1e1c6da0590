import { useEffect, useState } from 'react';
import { useClient } from '../../app/PlatformContext';

/**
 * Whether the host shows native file dialogs (Electron) or the dialogs ask for a typed path (the
 * browser host); null until `app.info` answers.
 */
export function useNativeDialogs(): boolean | null {
  const client = useClient();
  const [native, setNative] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    client.call('app.info', {}).then(
      (info) => live && setNative(info.nativeDialogs),
      // Without an answer, typing a path still works everywhere.
      () => live && setNative(false),
    );
    return () => {
      live = false;
    };
  }, [client]);
  return native;
}
