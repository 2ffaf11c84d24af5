#!/usr/bin/env node
// The CLI is written in TypeScript; tsx compiles it on the fly so `npx lectern` works straight
// after `npm install`, with no build step to forget.
import { register } from 'tsx/esm/api';

// `lectern check *.md | head -1` closes the pipe early: that is the reader's choice, not a crash.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
