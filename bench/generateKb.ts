import { rmSync } from 'node:fs';
import { createKb } from '../main/db/openKb';
import { createWriteContext } from '../main/store/kbSession';
import { writeKbData } from '../main/store/writeKbData';
import type { SampleBlock, SampleCase, SampleKb } from '../main/sample/sampleTypes';
import { CASE_STATUSES } from '../common/domain/schemas';

/** Small, fast, seedable PRNG (mulberry32): the same seed gives the same knowledge base. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  return { next, int, pick };
}

const REGIONS = ['Horn of Africa', 'West Africa', 'Great Lakes', 'Balkans', 'South Caucasus', 'South Asia', 'Southeast Asia', 'Central America', 'Middle East', 'Sahel'];
const THEMES = ['piracy', 'ceasefire', 'mediation', 'peacekeeping', 'elections', 'border', 'refugees', 'sanctions', 'disarmament', 'monitoring'];
const WORDS = (
  'the mission mandate council regional organisation contact group envoy mediation ceasefire agreement parties ' +
  'troops deployment transition hybrid support financing logistics coordination legitimacy burden sharing ' +
  'secretariat summit resolution negotiation monitoring observers capacity civilian police humanitarian access ' +
  'sovereignty consent neighbours guarantors spoilers implementation sequencing exit strategy donors'
).split(' ');

function sentence(rnd: ReturnType<typeof createRandom>, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(rnd.pick(WORDS));
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

/** A note of realistic length: ~6 blocks, 250–450 words, with a heading and a list. */
function note(rnd: ReturnType<typeof createRandom>): SampleBlock[] {
  const para = () => Array.from({ length: rnd.int(3, 5) }, () => sentence(rnd, rnd.int(12, 22))).join(' ');
  return [
    { type: 'heading', level: 2, text: 'Background' },
    { type: 'paragraph', text: para() },
    { type: 'paragraph', text: para() },
    { type: 'heading', level: 2, text: 'Assessment' },
    { type: 'bullets', items: [sentence(rnd, 8), sentence(rnd, 10), sentence(rnd, 7)] },
    { type: 'paragraph', text: para() },
  ];
}

/** The data of a knowledge base with `cases` cases, reproducible from `seed`. */
export function generateKbData(cases: number, seed = 1): SampleKb {
  const rnd = createRandom(seed);
  const outcomes = ['settlement reached', 'partial success', 'stalemate', 'failure', 'ongoing'];
  const data: SampleKb = {
    fields: [
      { key: 'outcome', name: 'Outcome', type: 'single_select', options: outcomes },
      { key: 'troops', name: 'Troops deployed', type: 'number' },
      { key: 'lead', name: 'Lead organisation', type: 'text' },
      { key: 'mandate', name: 'UN mandate', type: 'boolean' },
    ],
    actors: Array.from({ length: 200 }, (_, i) => ({ key: `a${i}`, name: `Organisation ${i}`, abbreviation: `ORG${i}`, kind: 'organisation' as const })),
    cases: [],
  };
  for (let i = 0; i < cases; i++) {
    const year = rnd.int(1990, 2025);
    const theme = rnd.pick(THEMES);
    const region = rnd.pick(REGIONS);
    const c: SampleCase = {
      title: `${region} ${theme} ${year} #${i}`,
      summary: sentence(rnd, rnd.int(15, 30)),
      periodStart: `${year}-${String(rnd.int(1, 12)).padStart(2, '0')}`,
      periodEnd: rnd.next() < 0.3 ? null : String(year + rnd.int(0, 6)),
      region,
      status: rnd.pick(CASE_STATUSES),
      tags: [theme, rnd.pick(THEMES)].filter((t, k, all) => all.indexOf(t) === k),
      actors: [{ actor: `a${rnd.int(0, 199)}`, role: 'mediator' }],
      values: {
        outcome: rnd.pick(outcomes),
        ...(rnd.next() < 0.6 ? { troops: rnd.int(100, 40_000) } : {}),
        lead: `Organisation ${rnd.int(0, 199)}`,
        mandate: rnd.next() < 0.5,
      },
      note: note(rnd),
    };
    data.cases.push(c);
  }
  return data;
}

/** Writes a generated knowledge base to `path` (replacing it) through the app's own services. */
export function generateKb(path: string, cases: number, seed = 1): void {
  rmSync(path, { force: true });
  const data = generateKbData(cases, seed);
  createKb(path, (db) => {
    // Generation only: one big transaction, no fsync per statement. The app never does this.
    db.pragma('synchronous = OFF');
    writeKbData(createWriteContext(db, () => 'bench'), data);
  });
}
