#!/usr/bin/env node
// The `casebook` command: runs the TypeScript CLI through tsx, so it works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../main/cli/main.ts', import.meta.url).href);
