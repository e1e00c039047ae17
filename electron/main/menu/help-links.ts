/**
 * The only pages the app ever opens in the user's browser (`shell.openExternal`): fixed HTTPS addresses,
 * chosen from the Help menu. Nothing the page or a scenario supplies is ever opened.
 */
export const HELP_LINKS = {
  documentation: 'https://github.com/concurrency-explorer/concurrency-explorer#readme',
  eventLoopGuide: 'https://nodejs.org/en/learn/asynchronous-work/event-loop-timers-and-nexttick',
  libuvThreadPool: 'https://docs.libuv.org/en/v1.x/threadpool.html',
} as const;

export type HelpLink = keyof typeof HELP_LINKS;
