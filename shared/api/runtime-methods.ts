import { z } from 'zod';
import { RuntimeSchema } from '../scenario';
import { method, NoArgsSchema } from './define-api';

/** Whether a runtime can run scenarios on this machine, and with which toolchain. */
export const RuntimeStatusSchema = z.object({
  name: RuntimeSchema,
  available: z.boolean(),
  /** The toolchain's version as it reports it (`3.11.2`, `go1.19.8`, `17.0.9`); null when not found. */
  version: z.string().nullable(),
  /** The toolchain's executable that runs the runner; null when not found. */
  path: z.string().nullable(),
  /** Why it is not available, and what to install; null when it is. */
  reason: z.string().nullable(),
});
export type RuntimeStatus = z.output<typeof RuntimeStatusSchema>;

/** What `runtimes.list` (and `concurrency-explorer runtimes --json`) answers. */
export interface RuntimeList {
  runtimes: RuntimeStatus[];
}

/** The runtimes a scenario can run on: Node always, the others where their toolchain is installed. */
export const runtimeMethods = {
  /** Every runtime, Node first, each with whether it is available here and why not. */
  'runtimes.list': method(NoArgsSchema).returns<RuntimeList>(),
};
