/**
 * The message of a thrown value of unknown type: an `Error`'s message, anything else as a string (a
 * rejected promise or a `throw` may carry any value).
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
