#!/usr/bin/env node
// Inside the monorepo (src/ present, tsx available) runs the TypeScript source, so a stale
// dist/ is never used; from the published package (dist/ only) runs the built CLI.
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const source = fileURLToPath(new URL('../src/cli-run.ts', import.meta.url));
let tsx = null;
if (existsSync(source)) {
  try {
    tsx = import.meta.resolve('tsx');
  } catch {
    tsx = null;
  }
}

if (tsx) {
  const child = spawn(process.execPath, ['--import', tsx, source, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  const built = fileURLToPath(new URL('../dist/cli-run.js', import.meta.url));
  await import(pathToFileURL(built).href);
}
