/** Path of the installed Electron executable, or null when none is installed (see electronBinary.mjs). */
export function findElectronBinary(root: string): string | null;
/** Version of the `electron` package in node_modules. */
export function electronVersion(root: string): string;
