import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isAppError } from '../../common/errors';
import { CliError } from './cliErrors';
import { COMMANDS, type CliCommand, type CliIo } from './commands';

/**
 * Runs one `casebook …` invocation and returns its exit code: 0 on success, 1 when the command
 * failed, 2 for a usage error. Failures print exactly one line on stderr, so scripts can show it.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
      io.out(usage());
      return argv.length === 0 ? 2 : 0;
    }
    if (argv[0] === '--version' || argv[0] === '-v') {
      const { appVersion } = await import('../appPaths');
      io.out(`${appVersion()}\n`);
      return 0;
    }
    const { command, rest } = findCommand(argv);
    const config: ParseArgsConfig = {
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    };
    let parsed;
    try {
      parsed = parseArgs(config);
    } catch (e) {
      throw new CliError(`${(e as Error).message.split('\n')[0]?.replace(/\.$/, '')} (see casebook ${command.name} --help).`, true);
    }
    if (parsed.values.help === true) {
      io.out(commandHelp(command));
      return 0;
    }
    // A last positional named `file…` takes one or more arguments.
    const variadic = command.positionals.at(-1)?.endsWith('…') === true;
    const count = parsed.positionals.length;
    if (variadic ? count < command.positionals.length : count !== command.positionals.length) {
      throw new CliError(`usage: casebook ${command.name} ${command.usage}`, true);
    }
    await command.run({ positionals: parsed.positionals, values: parsed.values as CommandValues, io });
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`casebook: ${oneLine(e.message)}\n`);
      return e.usage ? 2 : 1;
    }
    if (isAppError(e)) {
      io.err(`casebook: ${oneLine(e.message)}\n`);
      return 1;
    }
    if (process.env.CASEBOOK_DEBUG) console.error(e);
    io.err(`casebook: unexpected error: ${oneLine(e instanceof Error ? e.message : String(e))}\n`);
    return 1;
  }
}

export type CommandValues = Record<string, string | boolean | string[] | undefined>;

function findCommand(argv: string[]): { command: CliCommand; rest: string[] } {
  // Longest match first, so `case add` wins over a hypothetical `case`.
  const sorted = [...COMMANDS].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const command of sorted) {
    const words = command.name.split(' ');
    if (words.every((w, i) => argv[i] === w)) return { command, rest: argv.slice(words.length) };
  }
  const group = COMMANDS.filter((c) => c.name.startsWith(`${argv[0]} `));
  if (group.length > 0) {
    throw new CliError(`“${argv.slice(0, 2).join(' ')}” is not a command; try ${group.map((c) => `casebook ${c.name}`).join(', ')}.`, true);
  }
  throw new CliError(`unknown command “${argv[0]}” (see casebook --help).`, true);
}

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}

function usage(): string {
  const lines = COMMANDS.flatMap((c) => [`  casebook ${c.name} ${c.usage}`, `      ${c.summary}`]);
  return [
    'casebook — work with Casebook knowledge base files (.casebook) from the command line.',
    '',
    'Usage:',
    ...lines,
    '',
    'Options: --json prints machine-readable output; --help after a command explains it.',
    'Writes are recorded as made by $CASEBOOK_USER (default: user@host).',
    'Exit status: 0 on success, 1 when the command failed, 2 for a usage error.',
    '',
  ].join('\n');
}

function commandHelp(c: CliCommand): string {
  return [`Usage: casebook ${c.name} ${c.usage}`, '', c.summary, ...(c.help ? ['', c.help] : []), ''].join('\n');
}
