import { z } from 'zod';
import { hasControlCharacters } from './control-characters';

const NO_CONTROL_CHARACTERS = 'must not contain control characters (such as ESC, BEL or a bidirectional override)';

/**
 * Text a person typed and the app shows again (names, labels, tags, commands): no control characters, so
 * that no terminal obeys it and no view is spoofed by it. Tab and newline are allowed.
 */
export function plainText() {
  return z.string().refine((text) => !hasControlCharacters(text), { message: NO_CONTROL_CHARACTERS });
}

/** `plainText` for text of several lines (descriptions, notes, SQL, arguments): Windows line ends are allowed too. */
export function plainLines() {
  return z.string().refine((text) => !hasControlCharacters(text.replaceAll('\r\n', '\n')), { message: NO_CONTROL_CHARACTERS });
}
