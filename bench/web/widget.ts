/**
 * Website widget launcher: `npx tsx bench/web/widget.ts`.
 *
 * Builds apps/widget (tsup) and prints, in KB gzip (level 9, KB = 1,000 bytes), the launcher
 * every page of a customer's site loads (`/packs/js/sdk.js`, budget 15 KB) and what loads only
 * when a visitor opens the chat (frame.html + frame.css + frame.js). Baseline in the same run:
 * the least a launcher can be, a script that only draws a fixed button (esbuild, minified).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { REPO_ROOT } from '../../e2e/support/paths';

const BUDGET_KB = 15;
const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const gzip = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).length;

const BARE_BUBBLE = `
const b = document.createElement('button');
b.textContent = 'Chat';
b.style.cssText = 'position:fixed;right:20px;bottom:20px;width:60px;height:60px;border-radius:50%';
b.addEventListener('click', () => document.body.append(document.createElement('iframe')));
document.body.append(b);
`;

async function main(): Promise<void> {
  const widget = join(REPO_ROOT, 'apps/widget');
  execFileSync(join(REPO_ROOT, 'node_modules/.bin/tsup'), { cwd: widget, stdio: 'ignore' });
  const dist = join(widget, 'dist');
  const file = (name: string) => readFileSync(join(dist, name));
  const bare = await build({
    stdin: { contents: BARE_BUBBLE, loader: 'ts' },
    bundle: true,
    minify: true,
    write: false,
    format: 'iife',
  });
  const bareBytes = bare.outputFiles[0]!.contents;
  const launcher = file('sdk.js');
  const frame = ['frame.html', 'frame.css', 'frame.js'].map(file);
  const frameRaw = frame.reduce((n, b) => n + b.length, 0);
  const frameGzip = frame.reduce((n, b) => n + gzip(b), 0);
  const pass = gzip(launcher) <= BUDGET_KB * 1000 ? 'PASS' : 'FAIL';
  const baseline = gzip(bareBytes);
  console.log('\nWebsite widget (KB = 1,000 bytes; gzip level 9)\n');
  console.log('| measure | min KB | gzip KB | ÷ bare bubble | budget |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  console.log(
    `| baseline: a bare bubble script | ${kb(bareBytes.length)} | ${kb(baseline)} | 1.00× | |`,
  );
  console.log(
    `| launcher /packs/js/sdk.js (every page) | ${kb(launcher.length)} | ${kb(gzip(launcher))} | ` +
      `${(gzip(launcher) / baseline).toFixed(2)}× | ${pass} (≤ ${BUDGET_KB}) |`,
  );
  console.log(
    `| chat frame: html + css + js (on open only) | ${kb(frameRaw)} | ${kb(frameGzip)} | ` +
      `${(frameGzip / baseline).toFixed(2)}× | |`,
  );
  if (pass === 'FAIL') process.exitCode = 1;
}

void main();
