import type { WriteContext } from '../store/kbSession';
import { writeKbData } from '../store/writeKbData';
import { SAMPLE_KB } from './sampleData';

/** Fills a new knowledge base with the sample cases, so a first-time user sees a working KB. */
export function writeSampleKb(ctx: WriteContext): void {
  writeKbData(ctx, SAMPLE_KB);
}
