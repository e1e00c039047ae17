import { describe, expect, it } from 'vitest';
import { electronProjectPlan, isElectronRequired, REQUIRE_ELECTRON_ENV_VAR } from '../../e2e/fixtures/electron-requirement';

const MISSING = 'the Electron binary is not installed';

describe('electronProjectPlan', () => {
  it('runs the electron project wherever the binary is there, required or not', () => {
    expect(electronProjectPlan(null, {})).toEqual({ action: 'run' });
    expect(electronProjectPlan(null, { [REQUIRE_ELECTRON_ENV_VAR]: '1' })).toEqual({ action: 'run' });
  });

  it('skips with the reason where the binary is missing and nobody requires it (this machine)', () => {
    expect(electronProjectPlan(MISSING, {})).toEqual({ action: 'skip', reason: MISSING });
  });

  it('fails, naming the variable and the reason, where the binary is missing and CI requires it', () => {
    expect(electronProjectPlan(MISSING, { [REQUIRE_ELECTRON_ENV_VAR]: '1' })).toEqual({
      action: 'fail',
      reason: `CONCURRENCY_EXPLORER_REQUIRE_ELECTRON is set, but ${MISSING}`,
    });
  });
});

describe('isElectronRequired', () => {
  it.each(['1', 'true', 'yes', ' TRUE '])('takes %j as required', (value) => {
    expect(isElectronRequired({ [REQUIRE_ELECTRON_ENV_VAR]: value })).toBe(true);
  });

  it.each([undefined, '', ' ', '0', 'false', 'FALSE'])('takes %j as not required', (value) => {
    expect(isElectronRequired({ [REQUIRE_ELECTRON_ENV_VAR]: value })).toBe(false);
  });
});
