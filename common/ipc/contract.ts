import { z } from 'zod';
import {
  Actor,
  ActorKind,
  AppInfo,
  CaseDetail,
  CasePatch,
  CaseQuery,
  CaseRow,
  FieldDef,
  FieldName,
  FieldType,
  FieldValue,
  Id,
  KbInfo,
  KbPath,
  LexicalJson,
  RecentKb,
  SelectOption,
  Settings,
  TableLayout,
} from '../domain/schemas';
import {
  CitationRef,
  CitationStyleInfo,
  Citekey,
  CslItem,
  ImportFormat,
  ImportPreview,
  ImportReport,
  JobProgress,
  OnDuplicate,
  SourceDetail,
  SourceQuery,
  SourceRow,
} from '../domain/sources';
import { AutoExportSetting, ExportRequest, ExportResult } from '../domain/exports';
import {
  BackupInfo,
  ConflictChoices,
  ConflictDetail,
  ConflictSummary,
  CopyResult,
  CopyScope,
  MergeHistoryEntry,
  MergeReport,
  RestorePreview,
  UndoMergeResult,
} from '../domain/sharing';
import type { InvokeChannel, PushChannel } from './channels';

const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });
const Ids = z.object({ ids: z.array(Id).min(1).max(10_000) });
const CaseName = z.string().trim().min(1, 'a case needs a title').max(500);
const ActorName = z.string().trim().min(1, 'an actor needs a name').max(300);
const Abbreviation = z.string().trim().max(40);
const Role = z.string().trim().max(200);
const TagName = z.string().trim().min(1).max(100);

/** Result of a file dialog: `unsupported` where the host has no native dialogs (browser host). */
const DialogResult = z.object({ path: z.string().nullable(), unsupported: z.boolean() });

/**
 * The one IPC contract: every channel's input and output schema. Inputs are parsed in
 * `main/ipc/dispatch` before any handler runs; outputs are what handlers must return.
 */
export const contract = {
  'app.info': { input: Empty, output: AppInfo },
  'settings.get': { input: Empty, output: Settings },
  'settings.set': {
    input: z.object({ displayName: z.string().trim().min(1, 'a display name cannot be empty').max(100) }).strict(),
    output: Settings,
  },

  'kb.current': { input: Empty, output: KbInfo.nullable() },
  'kb.open': { input: z.object({ path: KbPath }).strict(), output: KbInfo },
  'kb.create': {
    input: z.object({ path: KbPath, sample: z.boolean().default(false) }).strict(),
    output: KbInfo,
  },
  'kb.close': { input: Empty, output: Ok },
  'kb.recent': { input: Empty, output: z.array(RecentKb) },
  'dialog.openKb': { input: Empty, output: DialogResult },
  'dialog.newKb': { input: Empty, output: DialogResult },
  /** A native save dialog for an export: suggested file name and the extensions to offer. */
  'dialog.saveFile': {
    input: z
      .object({
        title: z.string().max(200),
        defaultName: z.string().max(255),
        extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/)).min(1).max(5),
      })
      .strict(),
    output: DialogResult,
  },

  'cases.list': {
    input: CaseQuery.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }).strict(),
    output: z.object({ total: z.number(), offset: z.number(), rows: z.array(CaseRow) }),
  },
  'cases.get': { input: z.object({ id: Id }).strict(), output: CaseDetail },
  'cases.create': {
    input: z.object({ title: CaseName }).extend(CasePatch.omit({ title: true }).shape).strict(),
    output: CaseDetail,
  },
  'cases.update': { input: z.object({ id: Id, patch: CasePatch.strict() }).strict(), output: CaseDetail },
  'cases.setValue': {
    input: z.object({ caseId: Id, fieldId: Id, value: FieldValue }).strict(),
    output: CaseDetail,
  },
  'cases.setTags': {
    input: z.object({ caseId: Id, tags: z.array(TagName).max(200) }).strict(),
    output: CaseDetail,
  },
  'cases.trash': { input: Ids.strict(), output: z.object({ count: z.number() }) },
  'cases.restore': { input: Ids.strict(), output: z.object({ count: z.number() }) },
  'cases.purge': { input: Ids.strict(), output: z.object({ count: z.number() }) },

  'notes.save': {
    input: z.object({ caseId: Id, note: LexicalJson }).strict(),
    output: z.object({ noteUpdatedAt: z.string(), noteText: z.string() }),
  },

  'fields.list': { input: Empty, output: z.array(FieldDef) },
  'fields.create': {
    input: z.object({ name: FieldName, type: FieldType, options: z.array(SelectOption).max(500).default([]) }).strict(),
    output: FieldDef,
  },
  'fields.update': {
    input: z.object({ id: Id, name: FieldName.optional(), options: z.array(SelectOption).max(500).optional() }).strict(),
    output: FieldDef,
  },
  'fields.reorder': { input: z.object({ ids: z.array(Id).max(1000) }).strict(), output: z.array(FieldDef) },
  'fields.delete': { input: z.object({ id: Id }).strict(), output: Ok },

  'tags.list': { input: Empty, output: z.array(z.object({ name: z.string(), count: z.number() })) },

  'actors.list': { input: z.object({ query: z.string().max(200).default('') }).strict(), output: z.array(Actor) },
  'actors.create': {
    input: z.object({ name: ActorName, abbreviation: Abbreviation.default(''), kind: ActorKind }).strict(),
    output: Actor,
  },
  'actors.update': {
    input: z
      .object({ id: Id, name: ActorName.optional(), abbreviation: Abbreviation.optional(), kind: ActorKind.optional() })
      .strict(),
    output: Actor,
  },
  'cases.linkActor': {
    input: z.object({ caseId: Id, actorId: Id, role: Role.default('') }).strict(),
    output: CaseDetail,
  },
  'cases.updateActorLink': { input: z.object({ linkId: Id, role: Role }).strict(), output: CaseDetail },
  'cases.unlinkActor': { input: z.object({ linkId: Id }).strict(), output: CaseDetail },

  'views.get': { input: z.object({ table: z.enum(['cases']) }).strict(), output: TableLayout.nullable() },
  'views.save': { input: z.object({ table: z.enum(['cases']), layout: TableLayout }).strict(), output: Ok },

  'sources.list': {
    input: SourceQuery.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }).strict(),
    output: z.object({ total: z.number(), offset: z.number(), rows: z.array(SourceRow) }),
  },
  'sources.get': { input: z.object({ id: Id }).strict(), output: SourceDetail },
  'sources.create': { input: z.object({ csl: CslItem, citekey: Citekey.optional() }).strict(), output: SourceDetail },
  'sources.update': {
    input: z.object({ id: Id, csl: CslItem.optional(), citekey: Citekey.optional() }).strict(),
    output: SourceDetail,
  },
  /** Refused with CONFLICT (naming where) while the source is cited. */
  'sources.delete': { input: z.object({ id: Id }).strict(), output: Ok },
  /** The footnote source picker: fuzzy over citekey, authors, title, year; recently cited first. */
  'sources.pick': {
    input: z.object({ query: z.string().max(200).default(''), limit: z.number().int().min(1).max(100).default(20) }).strict(),
    output: z.array(SourceRow),
  },
  /** Parses in the job process; `jobId` (chosen by the caller) names it for progress and cancel. */
  'import.preview': {
    input: z
      .object({
        jobId: Id,
        text: z.string().max(50 * 1024 * 1024, 'the file is larger than 50 MB'),
        fileName: z.string().max(500).default(''),
        format: ImportFormat.optional(),
      })
      .strict(),
    output: ImportPreview,
  },
  /** Writes a previewed import whole or not at all. `decisions` by entry index override `onDuplicate`. */
  'import.commit': {
    input: z
      .object({
        jobId: Id,
        previewId: Id,
        onDuplicate: OnDuplicate.default('skip'),
        decisions: z.record(z.string(), OnDuplicate).default({}),
      })
      .strict(),
    output: ImportReport,
  },
  'jobs.cancel': { input: z.object({ jobId: Id }).strict(), output: Ok },
  /** Formats footnotes (each a list of citations, in document order) in the KB's or a given style. */
  'citations.format': {
    input: z
      .object({
        footnotes: z.array(z.array(CitationRef).max(50)).max(5000),
        style: z.string().max(200).optional(),
        locale: z.string().max(20).optional(),
      })
      .strict(),
    output: z.object({ footnotes: z.array(z.string()), bibliography: z.array(z.string()).nullable() }),
  },
  'styles.list': { input: Empty, output: z.array(CitationStyleInfo) },
  'kbSettings.get': { input: Empty, output: z.object({ citationStyle: z.string(), locale: z.string() }) },
  'kbSettings.set': {
    input: z.object({ citationStyle: z.string().max(200).optional(), locale: z.string().max(20).optional() }).strict(),
    output: z.object({ citationStyle: z.string(), locale: z.string() }),
  },
  /** Adds a style from a `.csl` file to the knowledge base (checked first; a bad file is refused with the reason). */
  'styles.add': {
    input: z.object({ fileName: z.string().max(500), xml: z.string().max(2 * 1024 * 1024, 'a style file is limited to 2 MB') }).strict(),
    output: CitationStyleInfo,
  },
  'styles.remove': { input: z.object({ id: z.string().regex(/^custom:[a-z0-9-]{1,80}$/) }).strict(), output: Ok },
  /** Runs an export in the job process (progress on `job.progress`, cancel with `jobs.cancel`). */
  'export.run': { input: ExportRequest, output: ExportResult },
  /** The file kept in sync with the knowledge base's sources, if any. */
  'autoExport.get': { input: Empty, output: AutoExportSetting },
  'autoExport.set': { input: z.object({ setting: AutoExportSetting }).strict(), output: AutoExportSetting },

  /**
   * Writes a consistent copy of the open knowledge base (all of it, or some cases with the sources
   * they cite) in the job process, checked with quick_check before it is reported done. The copy
   * gets its own identity, and both files remember what the other has, for later merges.
   */
  'kb.saveCopy': { input: z.object({ jobId: Id, path: KbPath, scope: CopyScope, overwrite: z.boolean().default(false) }).strict(), output: CopyResult },
  /** Copies the open knowledge base (from a cloud-sync folder) to a local folder and opens the copy. */
  'kb.localCopy': { input: z.object({ jobId: Id, path: KbPath.optional() }).strict(), output: KbInfo },
  /** Merges a colleague's file into the open knowledge base, in the job process; their file is never modified. */
  'merge.run': { input: z.object({ jobId: Id, path: KbPath }).strict(), output: MergeReport },
  'merge.history': { input: Empty, output: z.array(MergeHistoryEntry) },
  /** Conflicts waiting for review. */
  'merge.conflicts': { input: Empty, output: z.array(ConflictSummary) },
  'merge.conflict': { input: z.object({ id: Id }).strict(), output: ConflictDetail },
  /** Resolves one conflict field by field, in one transaction; returns how many remain. */
  'merge.resolve': { input: z.object({ id: Id, choices: ConflictChoices }).strict(), output: z.object({ remaining: z.number() }) },
  /** Undoes a merge: records it changed go back to what they were, unless changed again since. */
  'merge.undo': { input: z.object({ mergeId: Id }).strict(), output: UndoMergeResult },
  'backups.list': { input: Empty, output: z.array(BackupInfo) },
  'backups.create': { input: z.object({ jobId: Id }).strict(), output: BackupInfo },
  /** What restoring a backup would lose, for the confirmation. */
  'backups.preview': { input: z.object({ path: z.string().min(1).max(4096) }).strict(), output: RestorePreview },
  /** Replaces the open knowledge base with a backup (after a backup of the current state) and reopens it. */
  'backups.restore': { input: z.object({ path: z.string().min(1).max(4096) }).strict(), output: KbInfo },
} as const satisfies Record<InvokeChannel, { input: z.ZodType; output: z.ZodType }>;

// A channel named in channels.ts without a schema here (or the reverse) fails to compile.
type MissingSchemas = Exclude<InvokeChannel, keyof typeof contract>;
const _everyChannelHasSchemas: [MissingSchemas] extends [never] ? true : never = true;
void _everyChannelHasSchemas;

export type Contract = typeof contract;
/** What a caller passes (defaults may be omitted). */
export type ChannelInput<C extends InvokeChannel> = z.input<Contract[C]['input']>;
/** What a handler receives, after parsing and defaults. */
export type ParsedInput<C extends InvokeChannel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends InvokeChannel> = z.output<Contract[C]['output']>;

export const MENU_COMMANDS = ['kb.new', 'kb.open', 'kb.openRecent', 'kb.close', 'case.new', 'case.trash', 'view.trash', 'view.cases', 'fields.manage', 'find', 'view.sources', 'sources.import', 'export.open', 'kb.saveCopy', 'kb.exportForColleague', 'kb.merge', 'merge.review', 'backups.restore', 'settings.open'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Payloads of push events. */
export const pushContract = {
  'kb.changed': z.object({ kb: KbInfo.nullable() }),
  'menu.command': z.object({ command: z.enum(MENU_COMMANDS), path: z.string().optional() }),
  'job.progress': JobProgress,
} as const satisfies Record<PushChannel, z.ZodType>;
export type PushPayload<P extends PushChannel> = z.output<(typeof pushContract)[P]>;

export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'NO_KB',
  'READ_ONLY',
  'NOT_A_KB',
  'TOO_NEW',
  'ALREADY_EXISTS',
  'CONFLICT',
  'IO',
  'UNSUPPORTED',
  'CANCELLED',
  'LIMIT',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every answer crosses the boundary as an envelope; handlers never throw across IPC. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };
