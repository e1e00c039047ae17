import { spawn } from 'node:child_process';

/** The command that opens a URL in the user's default browser on this platform. */
function openerFor(url: string): { command: string; args: string[] } {
  if (process.platform === 'darwin') return { command: 'open', args: [url] };
  if (process.platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url] };
  return { command: 'xdg-open', args: [url] };
}

/** Opens `url` in the default browser; rejects when there is no way to (e.g. no desktop session). */
export function openInBrowser(url: string): Promise<void> {
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
