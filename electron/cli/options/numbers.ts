import { InvalidArgumentError } from 'commander';

/** The whole number `text` spells (digits only), or undefined when it is not one or lies outside [min, max]. */
export function readWholeNumber(text: string, min: number, max: number = Number.MAX_SAFE_INTEGER): number | undefined {
  const n = Number(text);
  return /^\d+$/.test(text.trim()) && Number.isSafeInteger(n) && n >= min && n <= max ? n : undefined;
}

/** A commander argument parser for a whole number >= `min` (and <= `max` when given). */
export function wholeNumberOption(min: number, max?: number): (text: string) => number {
  return (text) => {
    const n = readWholeNumber(text, min, max);
    if (n !== undefined) return n;
    throw new InvalidArgumentError(max === undefined ? `must be a whole number >= ${min}` : `must be a whole number from ${min} to ${max}`);
  };
}
