import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths';

interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
}

/**
 * `npm install` on the oldest Node the README promises prints no EBADENGINE warning: every
 * locked package's `engines.node` admits the root package's minimum.
 */
describe('supported Node versions', () => {
  it('every locked package supports the promised minimum Node', () => {
    const root = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      engines: { node: string };
    };
    const minimum = semver.minVersion(root.engines.node)!.version;
    const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, LockedPackage>;
    };
    const refusing = Object.entries(lock.packages)
      .filter(([, entry]) => !Array.isArray(entry.engines) && entry.engines?.node)
      .filter(([, entry]) => !semver.satisfies(minimum, (entry.engines as { node: string }).node))
      .map(([path, entry]) => `${path}@${entry.version}: ${JSON.stringify(entry.engines)}`);
    expect(refusing).toEqual([]);
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`Node.js ${semver.major(minimum)}.${semver.minor(minimum)}`);
  });
});

describe('README configuration table', () => {
  it('lists every variable the start script reads', () => {
    const script = readFileSync(join(REPO_ROOT, 'scripts/start.mjs'), 'utf8');
    const read = new Set([...script.matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)].map((m) => m[1]!));
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Configuration'));
    const missing = [...read].filter((name) => !table.includes(`\`${name}\``));
    expect(read.size).toBeGreaterThan(8);
    expect(missing).toEqual([]);
  });
});
