import type { ZodError } from 'zod';
import { isInvokeChannel, type InvokeChannel } from '../../common/ipc/channels';
import { contract, type ChannelOutput, type Envelope, type ParsedInput } from '../../common/ipc/contract';
import { AppError } from '../../common/errors';

/** One handler per channel; a channel without a handler is a compile error where this is built. */
export type Handlers = {
  [C in InvokeChannel]: (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

export type Dispatch = (channel: string, input: unknown) => Promise<Envelope<unknown>>;

/**
 * The boundary between a transport (Electron IPC, the browser host's HTTP) and the app: unknown
 * channels are refused, input is parsed with the channel's zod schema before any handler runs, and
 * every outcome comes back as an envelope, because Electron forwards only `message` of a thrown error.
 */
export function createDispatch(handlers: Handlers, onInternalError: (e: unknown, channel: string) => void = logInternal): Dispatch {
  return async (channel, rawInput) => {
    if (!isInvokeChannel(channel)) {
      return fail('UNKNOWN_CHANNEL', `Unknown channel “${String(channel).slice(0, 100)}”.`);
    }
    const spec = contract[channel];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) return fail('INVALID_INPUT', `${channel}: ${describeZodError(parsed.error)}`);
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value: spec.output.parse(value) };
    } catch (e) {
      if (e instanceof AppError) return fail(e.code, e.message);
      onInternalError(e, channel);
      return fail('INTERNAL', `${channel} failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}

function fail(code: AppError['code'], message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

/** “title: a case needs a title; limit: Too big: expected number to be <=500” */
export function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

function logInternal(e: unknown, channel: string): void {
  console.error(`[casebook] ${channel} failed:`, e);
}
