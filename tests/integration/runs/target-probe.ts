import { get } from 'node:http';

/** Which process answered a request to the built-in target at `url`, and how many requests that server has been asked. */
export function askTarget(url: string): Promise<{ pid: number; requests: number }> {
  return new Promise((resolve, reject) => {
    get(`${url}/?latencyMs=0`, (response) => {
      response.resume();
      resolve({ pid: Number(response.headers['x-target-pid']), requests: Number(response.headers['x-target-requests']) });
    }).once('error', reject);
  });
}
