import { runCli } from './runCli';

// Entry point of the `casebook` command (bin/casebook.mjs loads this file through tsx).
process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
