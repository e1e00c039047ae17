import { z } from 'zod';
import { wholeNumber } from '../validation/numbers';

/**
 * One request/response method of the API: the zod schema its arguments must pass (checked by the backend
 * before the method is served) and, as a type only, what it returns.
 */
export interface MethodSpec<Args extends z.ZodType = z.ZodType, Result = unknown> {
  readonly args: Args;
  /** Never set at run time: it only carries the result type. */
  readonly result?: Result;
}

/** `method(argsSchema).returns<Result>()`: declares a method of the contract. */
export function method<Args extends z.ZodType>(args: Args) {
  return { returns: <Result>(): MethodSpec<Args, Result> => ({ args }) };
}

/** One event stream the backend pushes to the renderer; the payload is a type only. */
export interface EventSpec<Payload = unknown> {
  readonly payload?: Payload;
}

/** Declares an event of the contract. */
export function event<Payload>(): EventSpec<Payload> {
  return {};
}

/** The arguments of a method that takes none. */
export const NoArgsSchema = z.strictObject({});

/** A database id (runs, saved scenarios, experiments). */
export const IdSchema = wholeNumber(1, Number.MAX_SAFE_INTEGER);

/** Arguments naming one stored thing by id. */
export const ByIdSchema = z.strictObject({ id: IdSchema });
