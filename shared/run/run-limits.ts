/** What the history accepts of a run's own text; an import over these limits is refused like a rename would be. */
export const RUN_NAME_MAX_CHARS = 120;
export const TAG_MAX_CHARS = 50;
export const MAX_TAGS = 50;
export const NOTES_MAX_CHARS = 20_000;
