import { describe, expect, it } from 'vitest';
import { ImportError, parseRunImport } from '../../../electron/backend/transfer';
import { makeRunExport } from '../history/fixtures';

/** A valid export as plain JSON data, changed by `edit`, as text (`1e999` stands for a number JSON reads as Infinity). */
function edited(edit: (data: any) => void): string {
  const data = JSON.parse(JSON.stringify(makeRunExport()));
  edit(data);
  return JSON.stringify(data).replaceAll('"INFINITY"', '1e999');
}

function problems(text: string): string[] {
  try {
    parseRunImport(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as ImportError).problems.map((p) => `${p.path}: ${p.message}`);
  }
  throw new Error('expected the import to be refused');
}

describe('an import is refused when it holds what cannot be true, naming the path of each problem', () => {
  it.each([
    ['a task queued after it started', (d: any) => ((d.run.tasks[0].queuedMs = d.run.tasks[0].startMs + 5)), /^run\.tasks\[0\]\.queuedMs: must not be after startMs/],
    ['a task that ends before it starts', (d: any) => Object.assign(d.run.tasks[1], { queuedMs: 0, startMs: 5, endMs: 4 }), /^run\.tasks\[1\]\.endMs: must not be before startMs/],
    ['an infinite metric', (d: any) => ((d.run.metrics.wallMs = 'INFINITY')), /^run\.metrics\.wallMs: must be a number, got Infinity/],
    ['a negative metric', (d: any) => ((d.run.metrics.throughputPerSec = -3)), /^run\.metrics\.throughputPerSec: must be >= 0, got -3/],
    ['a negative wall time', (d: any) => ((d.run.wallMs = -1)), /^run\.wallMs: must not be negative, got -1/],
    ['an infinite sample', (d: any) => ((d.run.samples[0].rssBytes = 'INFINITY')), /^run\.samples\[0\]\.rssBytes: must be a number, got Infinity/],
    ['a createdAt that is not a date', (d: any) => ((d.run.createdAt = 'yesterday')), /^run\.createdAt: must be a date and time \(ISO 8601\), got "yesterday"/],
    ['a finishedAt that is not a date', (d: any) => ((d.run.finishedAt = '2026-13-45T99:00:00Z')), /^run\.finishedAt: must be a date and time/],
    ['a name over the limit', (d: any) => ((d.run.name = 'x'.repeat(121))), /^run\.name: must have at most 120 characters, got 121/],
    ['a tag over the limit', (d: any) => ((d.run.tags = ['ok', 'y'.repeat(51)])), /^run\.tags\[1\]: must have at most 50 characters/],
    ['too many tags', (d: any) => ((d.run.tags = Array.from({ length: 51 }, (_, i) => `t${i}`))), /^run\.tags: must have at most 50 item\(s\), got 51/],
    ['a name that sets the terminal title', (d: any) => ((d.run.name = '\u001b]0;pwned\u0007')), /^run\.name: must not contain control characters/],
    ['an error that clears the screen', (d: any) => ((d.run.tasks[2].error = 'boom\u001b[2J')), /^run\.tasks\[2\]\.error: must not contain control characters/],
  ])('%s', (_what, edit, expected) => {
    expect(problems(edited(edit))).toEqual([expect.stringMatching(expected)]);
  });

  it('accepts a file that starts with a UTF-8 byte-order mark', () => {
    expect(parseRunImport(`\uFEFF${edited(() => {})}`).run.name).toBe(makeRunExport().run.name);
  });
});
