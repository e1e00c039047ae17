/**
 * Characters that make a terminal do things instead of showing text (ESC starts the sequences that set a
 * window title or clear the screen, BEL, backspace, carriage return...), and the bidirectional overrides that
 * make text read differently than it is: C0 but tab and newline, DEL, C1, and U+202A-U+202E, U+2066-U+2069.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Whether `text` holds a character of `CONTROL_CHARACTERS`. */
export function hasControlCharacters(text: string): boolean {
  CONTROL_CHARACTERS.lastIndex = 0;
  return CONTROL_CHARACTERS.test(text);
}

/**
 * `text` with each control character written as a `\u001b`-style escape: shown, never obeyed. The escape is
 * also how JSON writes the character, so JSON text stays valid JSON with the same meaning.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `text` without its control characters, for text the UI shows (tab and newline are kept). */
export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}
