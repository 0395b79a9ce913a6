/**
 * The SDK exactly as it is published: `npm pack` in packages/sdk (its `prepack` builds dist/),
 * then installed with npm into an empty project. Tests that need the published package share
 * one pack per test file.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SDK_DIR } from './paths';

export const run = promisify(execFile);
export { SDK_DIR };
export const SDK_NAME = '@bevatel/dashboard-app-sdk';

export interface PackedSdk {
  /** Absolute path of the .tgz. */
  tarball: string;
  /** Paths inside the tarball, as npm lists them. */
  files: string[];
}

/** `npm pack` as a publication would run it (prepack included), into a temp folder. */
export async function packSdk(destination: string): Promise<PackedSdk> {
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', destination], {
    cwd: SDK_DIR,
    maxBuffer: 32 * 1024 * 1024,
  });
  // prepack's own output precedes the JSON report on stdout.
  const report = JSON.parse(stdout.slice(stdout.indexOf('\n[') + 1)) as {
    filename: string;
    files: { path: string }[];
  }[];
  const [entry] = report;
  if (!entry) throw new Error(`npm pack reported nothing: ${stdout}`);
  return { tarball: join(destination, entry.filename), files: entry.files.map((f) => f.path) };
}

/**
 * An empty project in a temp folder with `dependencies` installed by npm (no registry needed
 * for file: and local tarball specs). Returns its folder.
 */
export async function installIntoEmptyProject(
  dependencies: Record<string, string>,
  parent: string = mkdtempSync(join(tmpdir(), 'bevatel-sdk-consumer-')),
): Promise<string> {
  const dir = join(parent, 'consumer');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, dependencies }, null, 2),
  );
  await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: dir,
    maxBuffer: 32 * 1024 * 1024,
  });
  return dir;
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}
