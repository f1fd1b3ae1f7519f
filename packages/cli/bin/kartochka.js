#!/usr/bin/env node
// The installed command. Through the package's own `./run` export: the built CLI, or its
// TypeScript source under `node --conditions=@kartochka/source --import tsx` in a checkout.
import { main } from '@kartochka/cli/run';

// `kartochka types schema.json | head`: a reader that stops early is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await main(process.argv.slice(2));
