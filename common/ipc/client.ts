import type { InvokeChannel, PushChannel } from './channels';
import type { ChannelInput, ChannelOutput, Envelope, PushPayload } from './contract';

/**
 * What a bridge carries: the Electron preload exposes exactly this as `window.casebook`; the
 * browser host's HTTP bridge implements it over fetch and server-sent events.
 */
export interface CasebookBridge {
  invoke(channel: InvokeChannel, input: unknown): Promise<Envelope<unknown>>;
  on(channel: PushChannel, listener: (payload: unknown) => void): () => void;
  /**
   * Electron only: the path of a file dropped on the page (webUtils.getPathForFile), '' when it has
   * none. The browser never reveals paths, so the HTTP bridge has no such function.
   */
  pathForFile?(file: unknown): string;
}

/** Typed calls over a bridge. Error envelopes become `ApiError`s with the server's code and message. */
export interface CasebookClient {
  call<C extends InvokeChannel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  on<P extends PushChannel>(channel: P, listener: (payload: PushPayload<P>) => void): () => void;
}

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function createClient(bridge: CasebookBridge): CasebookClient {
  return {
    async call(channel, input) {
      const envelope = await bridge.invoke(channel, input);
      if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message);
      return envelope.value as never;
    },
    on(channel, listener) {
      return bridge.on(channel, listener as (payload: unknown) => void);
    },
  };
}
