// citation-js ships no type declarations; these cover only what the importer calls.
declare module '@citation-js/core' {
  export const plugins: {
    input: {
      data(input: unknown, format: string): unknown;
      chain(input: unknown, options?: { generateGraph?: boolean; forceType?: string }): unknown;
    };
  };
  export const logger: { _log: unknown[] };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
