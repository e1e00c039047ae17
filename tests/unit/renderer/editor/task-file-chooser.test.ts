/// <reference types="svelte" />
import { describe, expect, it } from 'vitest';
import { TaskFileChooser } from '../../../../renderer/state/editor/task-file-chooser.svelte';
import { ApiError } from '../../../../shared/api/api-error';

const chooserAnswering = (answer: (purpose: string) => Promise<{ path: string } | null>) =>
  new TaskFileChooser({ dialogs: { chooseTaskFile: ({ purpose }: { purpose: string }) => answer(purpose) } } as never, true);

describe('TaskFileChooser', () => {
  it("returns the desktop dialog's absolute path for each purpose, and null when cancelled", async () => {
    const asked: string[] = [];
    let answer: { path: string } | null = { path: '/home/me/fetch-user.mjs' };
    const chooser = chooserAnswering(async (purpose) => (asked.push(purpose), answer));
    expect(await chooser.choose('module')).toBe('/home/me/fetch-user.mjs');
    answer = null;
    expect(await chooser.choose('database')).toBeNull();
    expect(asked).toEqual(['module', 'database']);
    expect(chooser.available).toBe(true);
  });

  it('where the host has no dialogs (the browser host), turns itself off and leaves the text box', async () => {
    const chooser = chooserAnswering(() => Promise.reject(new ApiError('unavailable', 'dialogs.chooseTaskFile is not available in this app')));
    expect(await chooser.choose('module')).toBeNull();
    expect(chooser.available).toBe(false);
    expect(chooser.error).toBeNull();
  });

  it('is off from the start where the host is known to have no dialogs', () => {
    expect(new TaskFileChooser({ dialogs: {} } as never, false).available).toBe(false);
  });

  it('says why another failure happened', async () => {
    const chooser = chooserAnswering(() => Promise.reject(new Error('the dialog crashed')));
    expect(await chooser.choose('database')).toBeNull();
    expect(chooser.error).toBe('The file could not be chosen: the dialog crashed');
    expect(chooser.available).toBe(true);
  });
});
