/** Shown above a note that did not load intact; the note stays read-only so it is not overwritten. */
export const DAMAGED_NOTE_NOTICE = 'This note could not be fully loaded; editing is disabled to protect it.';
