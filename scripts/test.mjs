#!/usr/bin/env node
// `npm test`: make sure Chromium is there, then run every Vitest project (unit, browser, e2e).
// Extra arguments go to Vitest (`npm test -- --project unit`).
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './ensure-chromium.mjs';

if (!ensureChromium()) process.exit(1);
const args = ['vitest', 'run', ...process.argv.slice(2)];
const run = spawnSync('npx', args, { stdio: 'inherit' });
process.exit(run.status ?? 1);
