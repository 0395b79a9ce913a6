// `npm test`: everything, in order, on a fresh machine too. It installs what the tests need
// (Debian's Chromium when missing, as CI runs as root), checks types, lint and format, builds
// what the browser tests serve, then runs unit/API tests and browser tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureServices } from './services.mjs';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, 'test-results');
mkdirSync(reports, { recursive: true });

function run(title, command, args, options = {}) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${title} failed after ${seconds}s`);
    return false;
  }
  console.log(`✔ ${title} (${seconds}s)`);
  return true;
}

function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return true;
  if (process.getuid?.() !== 0) {
    console.error('Chromium is missing: run `sudo apt-get install -y chromium`.');
    return false;
  }
  return (
    run('apt-get update', 'apt-get', ['update', '-qq']) &&
    run('install Debian chromium', 'apt-get', ['install', '-y', '-qq', 'chromium'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
  );
}

function vitestCounts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0),
  };
}

const only = process.argv[2]; // optional: "static", "unit", "reliability" or "e2e"
let ok = true;
if (!only || only === 'static') {
  ok = run('type-check', 'node', ['scripts/typecheck.mjs']) && ok;
  ok = run('lint', 'npx', ['eslint', '--max-warnings=0', '.']) && ok;
  ok = run('format', 'npx', ['prettier', '--check', '.']) && ok;
}
const tally = { passed: 0, failed: 0 };
if (!only || only === 'unit' || only === 'e2e') {
  ok = ensureChromium() && ok;
  ok = (await ensureServices()) && ok;
  ok = run('build', 'npm', ['run', 'build', '--workspaces', '--if-present']) && ok;
}
/** One vitest run with a JSON report beside the console output; its counts join the tally. */
function runVitest(title, report, extraArgs) {
  const file = join(reports, `${report}.json`);
  rmSync(file, { force: true }); // a crashed run must not count an old report
  const passed = run(title, 'npx', [
    'vitest',
    'run',
    ...extraArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ]);
  const counts = vitestCounts(file);
  tally.passed += counts.passed;
  tally.failed += counts.failed;
  return passed;
}

if (!only || only === 'unit') {
  ok = runVitest('unit and API tests (SQLite and PostgreSQL)', 'unit', []) && ok;
}
if (!only || only === 'reliability') {
  // Own PostgreSQL clusters and Redis servers (needs the PostgreSQL server binaries).
  ok =
    runVitest('fault tests (own PostgreSQL and Redis)', 'reliability', [
      '--config',
      'apps/server/vitest.reliability.config.ts',
    ]) && ok;
}
if (!only || only === 'e2e') {
  ok = runVitest('browser tests (Chromium)', 'e2e', ['--config', 'e2e/vitest.config.ts']) && ok;
}
if (!ok && tally.failed === 0) tally.failed = 1;
console.log(`\n${tally.passed} passed, ${tally.failed} failed`);
process.exit(ok ? 0 : 1);
