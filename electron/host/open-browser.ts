import { spawn } from 'node:child_process';

/** The command that opens a URL in the user's default browser on this platform. */
function openerFor(url: string): { command: string; args: string[] } {
  if (process.platform === 'darwin') return { command: 'open', args: [url] };
  if (process.platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url] };
  return { command: 'xdg-open', args: [url] };
}

/**
 * Opens `url` in the default browser; rejects when there is no way to (e.g. no desktop session), or when
 * `BROWSER=none` says not to (the convention of create-react-app and Vite, for headless runs and tests).
 */
export function openInBrowser(url: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<void> {
  if (env.BROWSER === 'none') return Promise.reject(new Error('BROWSER is set to none'));
  const { command, args } = openerFor(url);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.once('error', (error) => reject(new Error(`${command} could not start: ${error.message}`)));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
