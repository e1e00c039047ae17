import { z } from 'zod';

/** A whole number in [min, max] whose errors read as a person would say them. */
export function wholeNumber(min: number, max: number) {
  return z
    .number({ error: `must be a whole number >= ${min}` })
    .int({ error: `must be a whole number >= ${min}` })
    .min(min, { error: `must be a whole number >= ${min}` })
    .max(max, { error: `must be a whole number <= ${max}` });
}

/** A number of milliseconds in [0, max]. */
export function milliseconds(max: number) {
  return z
    .number({ error: 'must be a number of milliseconds >= 0' })
    .min(0, { error: 'must be a number of milliseconds >= 0' })
    .max(max, { error: `must be at most ${max} ms` });
}
