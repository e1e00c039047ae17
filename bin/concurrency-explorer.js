#!/usr/bin/env node
// The CLI runs its TypeScript sources directly: tsx compiles them as they load.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/main.ts');
