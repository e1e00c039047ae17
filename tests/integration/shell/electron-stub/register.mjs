// `node --import ./register.mjs out/main/index.js`: the built main process, with `electron` resolved to
// the stand-in beside this file (the Electron binary cannot be had where these tests run).
import { register } from 'node:module';

register('./resolve-electron.mjs', import.meta.url);
