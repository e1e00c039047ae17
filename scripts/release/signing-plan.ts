type Env = Readonly<Record<string, string | undefined>>;

/** What one platform's release build does about code signing and notarisation, decided from the secrets present. */
export interface SigningPlan {
  /** One line per step that is skipped or done, printed as a notice in the job's log. */
  notices: string[];
  /** Switches for electron-builder in the steps after this one. */
  env: Record<string, string>;
  /** Secrets given only in part: the build would fail later with a vaguer message, so the job stops here. */
  problems: string[];
}

/** The secrets each platform's signing reads (electron-builder's variable names). */
export const SIGNING_SECRETS = {
  darwin: { certificate: ['CSC_LINK', 'CSC_KEY_PASSWORD'], notarisation: ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'] },
  win32: { certificate: ['WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD'] },
} as const;

const present = (env: Env, name: string) => (env[name] ?? '').trim() !== '';

/** All of `names` set, none set, or some: the last is a problem naming the missing ones. */
function secretSet(env: Env, names: readonly string[], what: string, problems: string[]): boolean {
  const missing = names.filter((name) => !present(env, name));
  if (missing.length === 0) return true;
  if (missing.length < names.length) problems.push(`${what} needs ${names.join(', ')}; missing: ${missing.join(', ')}`);
  return false;
}

/**
 * Signing for a release build on `platform`. macOS signs with the Developer ID certificate (`CSC_LINK`,
 * `CSC_KEY_PASSWORD`) and notarises with an Apple ID (`APPLE_ID`, `APPLE_APP_SPECIFIC_PASSWORD`, `APPLE_TEAM_ID`),
 * Windows signs with `WIN_CSC_LINK`, `WIN_CSC_KEY_PASSWORD`; Linux packages are not signed. Whatever is absent is
 * skipped with a notice saying so; an unsigned macOS build never falls back to a keychain identity.
 */
export function signingPlan(platform: NodeJS.Platform, env: Env): SigningPlan {
  const plan: SigningPlan = { notices: [], env: {}, problems: [] };
  if (platform === 'darwin') {
    const { certificate, notarisation } = SIGNING_SECRETS.darwin;
    const signed = secretSet(env, certificate, 'macOS code signing', plan.problems);
    const notarised = secretSet(env, notarisation, 'macOS notarisation', plan.problems);
    if (signed) plan.notices.push('macOS code signing: on (CSC_LINK)');
    else {
      plan.notices.push(`macOS code signing skipped: ${certificate.join(' and ')} are not set; the app is signed ad hoc and Gatekeeper will warn`);
      plan.env.CSC_IDENTITY_AUTO_DISCOVERY = 'false';
    }
    if (notarised && !signed) plan.problems.push(`macOS notarisation needs a signed app: ${notarisation.join(', ')} are set but ${certificate.join(' and ')} are not`);
    else if (notarised) plan.notices.push('macOS notarisation: on (APPLE_ID)');
    else plan.notices.push(`macOS notarisation skipped: ${notarisation.join(', ')} are not set`);
  } else if (platform === 'win32') {
    const { certificate } = SIGNING_SECRETS.win32;
    if (secretSet(env, certificate, 'Windows code signing', plan.problems)) plan.notices.push('Windows code signing: on (WIN_CSC_LINK)');
    else plan.notices.push(`Windows code signing skipped: ${certificate.join(' and ')} are not set; SmartScreen will warn`);
  } else {
    plan.notices.push('Linux packages (AppImage, deb) are not signed');
  }
  return plan;
}
