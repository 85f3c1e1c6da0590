import { hostname, userInfo } from 'node:os';
import { basename, resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { contract } from '../../common/ipc/contract';
import { describeZodError } from '../ipc/dispatch';
import { KB_EXTENSION, createKb, openKb } from '../db/openKb';
import { latestSchemaVersion } from '../db/migrations';
import { readKbCounts } from '../store/kbCounts';
import { createKbSession, createWriteContext, type KbSession } from '../store/kbSession';
import { kbStoreFor, type KbStore } from '../store/kbStore';
import { valueToText } from '../store/fieldValues';
import { writeSampleKb } from '../sample/writeSampleKb';
import type { CommandValues } from './runCli';
import { parseCaseAssignments } from './caseAssignments';
import { CliError } from './cliErrors';
import { createImportCommand } from './importCommand';
import { sourcesCommand } from './sourcesCommand';
import { exportCommand } from './exportCommand';
import { createMergeCommand } from './mergeCommand';
import { openKbForCliWrite, shareCommands } from './shareCommands';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CliCommand {
  /** One or two words: `info`, `case add`. */
  name: string;
  /** Arguments after the name, for usage lines. */
  usage: string;
  summary: string;
  help?: string;
  /** Names of the required positional arguments, in order. */
  positionals: string[];
  options: NonNullable<ParseArgsConfig['options']>;
  run(args: { positionals: string[]; values: CommandValues; io: CliIo }): void | Promise<void>;
}

/** Who CLI writes are recorded as (`updated_by`). */
export function cliUser(): string {
  const fromEnv = process.env.CASEBOOK_USER?.trim();
  if (fromEnv) return fromEnv;
  try {
    return `${userInfo().username}@${hostname()}`;
  } catch {
    return 'casebook-cli';
  }
}

/** Opens a knowledge base for one command and always closes it, even when the command fails. */
function withKb<T>(file: string, mode: 'read' | 'write', fn: (store: KbStore, session: KbSession) => T): T {
  // Reads open read-only, so looking at a file never migrates or otherwise changes it. Writes
  // refuse when the file is open in Casebook (the writer's lock).
  const opened = mode === 'read' ? openKb(resolve(file), { readOnly: true }) : openKbForCliWrite(file, {}, cliUser());
  const session = createKbSession(opened, cliUser);
  try {
    if (mode === 'write') session.assertWritable();
    return fn(kbStoreFor(session), session);
  } finally {
    session.close();
  }
}

function print(io: CliIo, json: boolean, value: unknown, text: () => string): void {
  io.out(json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
}

const json = { type: 'boolean' } as const;
const fieldOption = { type: 'string', multiple: true, short: 'f' } as const;

const FIELD_HELP = `Fields: --field NAME=VALUE sets a built-in column (title, summary, region, status, period-start,
period-end) or a user field by its name. Values follow the field's type: numbers, yes/no,
dates as YYYY[-MM[-DD]], multi-select options separated by commas. An empty value clears.`;

/**
 * Every command. To add one (import, export, merge, check, backup …), append an entry here: the
 * parser, usage text, help and error handling come from runCli.
 */
export const COMMANDS: CliCommand[] = [
  {
    name: 'new',
    usage: '<file> [--sample] [--json]',
    summary: 'Create a new knowledge base (with --sample: filled with sample cases).',
    positionals: ['file'],
    options: { sample: { type: 'boolean' }, json },
    run({ positionals: [file], values, io }) {
      let path = resolve(file as string);
      if (!path.endsWith(KB_EXTENSION)) path += KB_EXTENSION;
      createKb(path, values.sample === true ? (db) => writeSampleKb(createWriteContext(db, cliUser)) : undefined);
      const counts = withKb(path, 'read', (_store, session) => readKbCounts(session.db));
      print(io, values.json === true, { path, counts }, () => `Created ${path} (${counts.cases} cases).`);
    },
  },
  {
    name: 'info',
    usage: '<file> [--json]',
    summary: 'Show the schema version and how many cases, sources and citations a file holds.',
    positionals: ['file'],
    options: { json },
    run({ positionals: [file], values, io }) {
      const path = resolve(file as string);
      const info = withKb(path, 'read', (_store, session) => ({
        path,
        name: basename(path, KB_EXTENSION),
        schemaVersion: session.opened.schemaVersion,
        latestSchemaVersion: latestSchemaVersion(),
        counts: readKbCounts(session.db),
      }));
      print(io, values.json === true, info, () =>
        [
          `${info.name} (${info.path})`,
          `schema version ${info.schemaVersion}${info.schemaVersion > info.latestSchemaVersion ? ` (newer than this Casebook, which knows ${info.latestSchemaVersion})` : ''}`,
          ...Object.entries(info.counts).map(([k, v]) => `${k}: ${v}`),
        ].join('\n'),
      );
    },
  },
  {
    name: 'cases',
    usage: '<file> [--trash] [--json]',
    summary: 'List every live case (or, with --trash, the Trash) with its fields by name.',
    positionals: ['file'],
    options: { json, trash: { type: 'boolean' } },
    run({ positionals: [file], values, io }) {
      const cases = withKb(file as string, 'read', (store) => {
        const fieldNames = new Map(store.fields.list().map((f) => [f.id, f.name]));
        const out = [];
        for (let offset = 0; ; offset += 500) {
          const page = store.cases.list({ search: '', filters: [], sort: [], trash: values.trash === true, offset, limit: 500 });
          for (const row of page.rows) {
            const { values: byId, ...rest } = row;
            const fields = Object.fromEntries(Object.entries(byId).map(([id, v]) => [fieldNames.get(id) ?? id, v]));
            out.push({ ...rest, fields });
          }
          if (offset + 500 >= page.total) break;
        }
        return out;
      });
      print(io, values.json === true, cases, () =>
        cases
          .map((c) => [c.id, c.title, c.status, c.region, ...Object.entries(c.fields).map(([k, v]) => `${k}=${valueToText(v)}`)].join('\t'))
          .join('\n'),
      );
    },
  },
  {
    name: 'case add',
    usage: '<file> --title TITLE [--field NAME=VALUE]… [--json]',
    summary: 'Add a case and print its id.',
    help: FIELD_HELP,
    positionals: ['file'],
    options: { title: { type: 'string', short: 't' }, field: fieldOption, json },
    run({ positionals: [file], values, io }) {
      if (typeof values.title !== 'string') throw new CliError('--title is required: casebook case add <file> --title TITLE', true);
      const id = withKb(file as string, 'write', (store, session) => {
        const { patch, values: fieldValues } = parseCaseAssignments(values.title as string | undefined, (values.field as string[] | undefined) ?? [], store.fields.list());
        const input = contract['cases.create'].input.safeParse(patch);
        if (!input.success) throw new CliError(describeZodError(input.error));
        return session.db.transaction(() => {
          const created = store.cases.create(input.data);
          for (const { field, value } of fieldValues) store.cases.setValue(created.id, field.id, value);
          return created.id;
        })();
      });
      print(io, values.json === true, { id }, () => id);
    },
  },
  {
    name: 'case set',
    usage: '<file> <id> [--title TITLE] [--field NAME=VALUE]… [--json]',
    summary: 'Change the title, built-in columns or user fields of a case.',
    help: FIELD_HELP,
    positionals: ['file', 'id'],
    options: { title: { type: 'string', short: 't' }, field: fieldOption, json },
    run({ positionals: [file, id], values, io }) {
      const detail = withKb(file as string, 'write', (store, session) => {
        const { patch, values: fieldValues } = parseCaseAssignments(values.title as string | undefined, (values.field as string[] | undefined) ?? [], store.fields.list());
        if (Object.keys(patch).length === 0 && fieldValues.length === 0) {
          throw new CliError('nothing to change: give --title or --field NAME=VALUE.', true);
        }
        return session.db.transaction(() => {
          const caseId = id as string;
          if (Object.keys(patch).length > 0) store.cases.update(caseId, patch);
          for (const { field, value } of fieldValues) store.cases.setValue(caseId, field.id, value);
          return store.cases.get(caseId);
        })();
      });
      print(io, values.json === true, { id: detail.id, updatedAt: detail.updatedAt }, () => `Updated “${detail.title}”.`);
    },
  },
  {
    name: 'case delete',
    usage: '<file> <id> [--json]',
    summary: 'Move a case to the Trash (it can be restored in the app).',
    positionals: ['file', 'id'],
    options: { json },
    run({ positionals: [file, id], values, io }) {
      const title = withKb(file as string, 'write', (store) => {
        const { title } = store.cases.get(id as string);
        store.cases.trash([id as string]);
        return title;
      });
      print(io, values.json === true, { id, trashed: true }, () => `Moved “${title}” to the Trash.`);
    },
  },
  createImportCommand(cliUser),
  sourcesCommand,
  exportCommand,
  ...shareCommands,
  createMergeCommand(cliUser),
];
