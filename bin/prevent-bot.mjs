#!/usr/bin/env node
// The package's command line: the same commands as `npm run cli -- <command>`.
import { register } from 'tsx/esm/api';

register();
await import('../bot/cli/main.ts');
