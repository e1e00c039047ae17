import { describe, expect, it } from 'vitest';
import { signingPlan } from '../../../scripts/release/signing-plan';

const MAC_CERTIFICATE = { CSC_LINK: 'base64-p12', CSC_KEY_PASSWORD: 'secret' };
const APPLE_ID = { APPLE_ID: 'the-apple-id', APPLE_APP_SPECIFIC_PASSWORD: 'app-password', APPLE_TEAM_ID: 'TEAM123' };

describe('signingPlan on macOS', () => {
  it('signs and notarises when every secret is there', () => {
    const plan = signingPlan('darwin', { ...MAC_CERTIFICATE, ...APPLE_ID });
    expect(plan).toEqual({ notices: ['macOS code signing: on (CSC_LINK)', 'macOS notarisation: on (APPLE_ID)'], env: {}, problems: [] });
  });

  it('skips both with notices and keeps electron-builder from looking for a keychain identity when none is there', () => {
    const plan = signingPlan('darwin', {});
    expect(plan.notices).toEqual([
      expect.stringMatching(/^macOS code signing skipped: CSC_LINK and CSC_KEY_PASSWORD are not set/),
      'macOS notarisation skipped: APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID are not set',
    ]);
    expect(plan.env).toEqual({ CSC_IDENTITY_AUTO_DISCOVERY: 'false' });
    expect(plan.problems).toEqual([]);
  });

  it('signs without notarising when only the certificate is there; empty secrets count as absent', () => {
    const plan = signingPlan('darwin', { ...MAC_CERTIFICATE, APPLE_ID: '', APPLE_TEAM_ID: ' ' });
    expect(plan.notices).toEqual(['macOS code signing: on (CSC_LINK)', 'macOS notarisation skipped: APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID are not set']);
    expect(plan.problems).toEqual([]);
  });

  it('refuses to notarise an app it cannot sign', () => {
    expect(signingPlan('darwin', APPLE_ID).problems).toEqual([
      'macOS notarisation needs a signed app: APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID are set but CSC_LINK and CSC_KEY_PASSWORD are not',
    ]);
  });

  it('names the missing secrets of a set given in part', () => {
    const plan = signingPlan('darwin', { CSC_LINK: 'base64-p12', APPLE_ID: 'the-apple-id' });
    expect(plan.problems).toEqual([
      'macOS code signing needs CSC_LINK, CSC_KEY_PASSWORD; missing: CSC_KEY_PASSWORD',
      'macOS notarisation needs APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID; missing: APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID',
    ]);
  });
});

describe('signingPlan on Windows and Linux', () => {
  it('signs Windows with its own certificate, whatever the macOS one is', () => {
    expect(signingPlan('win32', { WIN_CSC_LINK: 'pfx', WIN_CSC_KEY_PASSWORD: 'secret' })).toEqual({
      notices: ['Windows code signing: on (WIN_CSC_LINK)'],
      env: {},
      problems: [],
    });
    expect(signingPlan('win32', MAC_CERTIFICATE).notices).toEqual([expect.stringMatching(/^Windows code signing skipped: WIN_CSC_LINK and WIN_CSC_KEY_PASSWORD are not set/)]);
  });

  it('says that Linux packages are not signed', () => {
    expect(signingPlan('linux', {})).toEqual({ notices: ['Linux packages (AppImage, deb) are not signed'], env: {}, problems: [] });
  });
});
