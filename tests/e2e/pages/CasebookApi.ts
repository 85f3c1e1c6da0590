import type { APIRequestContext } from '@playwright/test';
import type { InvokeChannel } from '../../../common/ipc/channels';
import type { ChannelInput, ChannelOutput, Envelope } from '../../../common/ipc/contract';

/**
 * Test data through the browser host's own HTTP API (the same channels the UI calls), so a spec
 * about sorting does not spend its time typing twenty cases. Browser host only.
 */
export class CasebookApi {
  private readonly origin: string;
  private readonly token: string;

  constructor(
    private readonly request: APIRequestContext,
    url: string,
  ) {
    const parsed = new URL(url);
    this.origin = parsed.origin;
    this.token = parsed.searchParams.get('token') ?? '';
  }

  async call<C extends InvokeChannel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const response = await this.request.post(`${this.origin}/api/${channel}`, {
      headers: { 'X-Casebook-Token': this.token, 'Content-Type': 'application/json' },
      data: input,
    });
    const envelope = (await response.json()) as Envelope<ChannelOutput<C>>;
    if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
    return envelope.value;
  }

  /** Creates cases from partial records (title required). */
  async createCases(cases: ChannelInput<'cases.create'>[]): Promise<string[]> {
    const ids: string[] = [];
    for (const c of cases) ids.push((await this.call('cases.create', c)).id);
    return ids;
  }
}
