import type { WriteContext } from '../store/kbSession';

// PLACEHOLDER — replaced by the sample knowledge base writer.
export function writeSampleKb(_ctx: WriteContext): void {}
