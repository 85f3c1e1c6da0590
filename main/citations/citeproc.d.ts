/** The part of citeproc-js (CommonJS, no published types) that Casebook uses. */
declare module 'citeproc' {
  export interface CiteprocSys {
    retrieveLocale(lang: string): unknown;
    retrieveItem(id: string): unknown;
  }
  export interface CiteprocCitationItem {
    id: string;
    locator?: string;
    label?: string;
    prefix?: string;
    suffix?: string;
  }
  export interface CiteprocCitation {
    citationID: string;
    citationItems: CiteprocCitationItem[];
    properties: { noteIndex: number };
  }
  export class Engine {
    constructor(sys: CiteprocSys, style: unknown, lang?: string, forceLang?: boolean);
    /** Rebuilds the processor from citations in document order; returns [citationID, noteIndex, html] triples. */
    rebuildProcessorState(citations: CiteprocCitation[], mode?: 'html' | 'text' | 'rtf', uncitedItemIDs?: string[]): [string, number, string][];
    makeBibliography(): false | [Record<string, unknown>, string[]];
    updateItems(ids: string[]): void;
    updateUncitedItems(ids: string[]): void;
  }
  const CSL: { Engine: typeof Engine };
  export default CSL;
}
