/**
 * Hybrid logical clock for `updated_at`. A timestamp is `<ISO wall time>-<counter>-<node>`, e.g.
 * `2026-11-23T08:20:47.123Z-0000-3f9a1c2e`: fixed width, so string order is clock order. The clock
 * never goes backwards, and a device whose wall clock runs ahead cannot win every later merge:
 * receiving a remote timestamp advances the local clock past it.
 */
export interface Hlc {
  wallMs: number;
  counter: number;
  node: string;
}

const PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-z]{1,16})$/;

export function formatHlc(h: Hlc): string {
  return `${new Date(h.wallMs).toISOString()}-${h.counter.toString(16).padStart(4, '0')}-${h.node}`;
}

export function parseHlc(s: string): Hlc | null {
  const m = PATTERN.exec(s);
  if (!m) return null;
  return { wallMs: Date.parse(m[1] as string), counter: parseInt(m[2] as string, 16), node: m[3] as string };
}

/** The wall-clock part of an HLC string as an ISO timestamp (for display). */
export function hlcToIso(s: string): string {
  return parseHlc(s) ? s.slice(0, 24) : s;
}

export class HybridClock {
  private last: Hlc;
  constructor(
    readonly node: string,
    private readonly now: () => number = Date.now,
  ) {
    this.last = { wallMs: 0, counter: 0, node };
  }

  /** Next local timestamp, strictly after every timestamp this clock has issued or observed. */
  tick(): string {
    const wall = this.now();
    if (wall > this.last.wallMs) this.last = { wallMs: wall, counter: 0, node: this.node };
    else this.last = { wallMs: this.last.wallMs, counter: this.last.counter + 1, node: this.node };
    if (this.last.counter > 0xffff) this.last = { wallMs: this.last.wallMs + 1, counter: 0, node: this.node };
    return formatHlc(this.last);
  }

  /** Advance past a timestamp seen elsewhere (a row from a colleague's file, or this file at open). */
  observe(remote: string): void {
    const r = parseHlc(remote);
    if (!r) return;
    if (r.wallMs > this.last.wallMs || (r.wallMs === this.last.wallMs && r.counter > this.last.counter)) {
      this.last = { wallMs: r.wallMs, counter: r.counter, node: this.node };
    }
  }
}
