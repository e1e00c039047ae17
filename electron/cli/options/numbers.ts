import { InvalidArgumentError } from 'commander';

/** The whole number `text` spells (digits only), or undefined when it is not one or is below `min`. */
export function readWholeNumber(text: string, min: number): number | undefined {
  const n = Number(text);
  return /^\d+$/.test(text.trim()) && Number.isSafeInteger(n) && n >= min ? n : undefined;
}

/** A commander argument parser for a whole number >= `min`. */
export function wholeNumberOption(min: number): (text: string) => number {
  return (text) => {
    const n = readWholeNumber(text, min);
    if (n === undefined) throw new InvalidArgumentError(`must be a whole number >= ${min}`);
    return n;
  };
}
