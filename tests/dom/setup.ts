import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

/*
 * jsdom has no layout, so Range lacks the geometry methods Lexical calls when it scrolls the
 * caret into view after an update. Empty rectangles are what a layout-less page would report.
 */
if (typeof Range !== 'undefined') {
  const proto: Partial<Range> = Range.prototype;
  if (typeof proto.getBoundingClientRect !== 'function') {
    proto.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: 0, width: 0, height: 0 });
  }
  if (typeof proto.getClientRects !== 'function') {
    proto.getClientRects = () => {
      const list: DOMRect[] = [];
      return Object.assign(list, { item: (index: number) => list[index] ?? null }) as unknown as DOMRectList;
    };
  }
}

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
});
