import type { LexicalJson } from '../../../common/domain/schemas';

/**
 * Stands in for the case pane's `onSave` (which calls `notes.save`): records every note it is
 * given, can be told to fail, and can hold a save open to observe "one save at a time".
 */
export function createSaveRecorder() {
  const saves: LexicalJson[] = [];
  let failWith: string | null = null;
  let hold: { promise: Promise<void>; release: () => void } | null = null;
  let inFlight = 0;
  let maxInFlight = 0;
  return {
    saves,
    get maxInFlight() {
      return maxInFlight;
    },
    failNext(message: string) {
      failWith = message;
    },
    holdSaves() {
      let release = () => {};
      const promise = new Promise<void>((resolve) => {
        release = resolve;
      });
      hold = { promise, release };
      return () => {
        hold = null;
        release();
      };
    },
    onSave: async (note: LexicalJson): Promise<{ noteUpdatedAt: string }> => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        if (hold) await hold.promise;
        if (failWith !== null) {
          const message = failWith;
          failWith = null;
          throw new Error(message);
        }
        saves.push(note);
        return { noteUpdatedAt: new Date().toISOString() };
      } finally {
        inFlight--;
      }
    },
  };
}
