import { readFileSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { blockingWork } from '../runtime/trace-context';
import type { KindCall, SpecOf } from './kind-call';
import { readFilePath, writeFilePath } from './scratch-paths';

const contentBySize = new Map<number, Buffer>();

function contentOf(bytes: number): Buffer {
  let content = contentBySize.get(bytes);
  if (content === undefined) {
    content = Buffer.alloc(bytes, 'concurrency explorer ');
    contentBySize.set(bytes, content);
  }
  return content;
}

/**
 * Writes `bytes` to the task's own file in the scratch folder; `sync` blocks the event loop on purpose (and
 * returns nothing: the work is done when it returns).
 */
export function runFileWrite(spec: SpecOf<'file-write'>, call: KindCall): void | Promise<void> {
  const path = writeFilePath(call.env.scratchDir, call.index);
  if (spec.sync) blockingWork(() => writeFileSync(path, contentOf(spec.bytes)));
  else return writeFile(path, contentOf(spec.bytes), { signal: call.abort.signal });
}

function checkLength(content: Buffer, path: string, bytes: number): void {
  if (content.length !== bytes) throw new Error(`read ${content.length} bytes from ${path}, expected ${bytes}`);
}

/** Reads the group's prepared file; `sync` blocks the event loop on purpose (and returns nothing, like a write). */
export function runFileRead(spec: SpecOf<'file-read'>, call: KindCall): void | Promise<void> {
  const path = readFilePath(call.env.scratchDir, call.group);
  if (spec.sync) checkLength(blockingWork(() => readFileSync(path)), path, spec.bytes);
  else return readFile(path, { signal: call.abort.signal }).then((content) => checkLength(content, path, spec.bytes));
}

/** Creates the file a `file-read` group reads, before the clock starts. */
export async function prepareReadFile(path: string, bytes: number): Promise<void> {
  await writeFile(path, contentOf(bytes));
}
