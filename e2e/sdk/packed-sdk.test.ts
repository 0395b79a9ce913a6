/**
 * The published SDK, as an outside project gets it: `npm pack` (prepack builds dist/), the
 * tarball installed with npm into an empty folder, then every entry point of its `exports`
 * loaded with plain Node — `import` and `require` — and type-checked by tsc as ESM and CJS.
 * The package.json tested here is the one in the repository: nothing rewrites it around the pack.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  installIntoEmptyProject,
  packSdk,
  readJson,
  run,
  SDK_DIR,
  SDK_NAME,
  type PackedSdk,
} from '../support/packed-sdk';
import { REPO_ROOT } from '../support/paths';

interface Manifest {
  version: string;
  exports: Record<string, unknown>;
  dependencies?: Record<string, string>;
  bin: Record<string, string>;
}

interface Probe {
  exports: Record<string, string[]>;
  resolved: Record<string, string>;
  verifiedSub: string;
  sampleConversationId: number;
}

/** Loads every module subpath with `import` (.mjs) or `require` (.cjs) and reports what it got. */
const PROBE = (kind: 'esm' | 'cjs') => `
${kind === 'esm' ? "import { createRequire } from 'node:module';" : ''}
const load = ${kind === 'esm' ? '(spec) => import(spec)' : 'async (spec) => require(spec)'};
const resolve = ${kind === 'esm' ? 'import.meta.resolve' : 'require.resolve'};
const subpaths = JSON.parse(process.argv[2]);
const name = ${JSON.stringify(SDK_NAME)};
(async () => {
  const out = { exports: {}, resolved: {} };
  for (const subpath of subpaths) {
    const spec = subpath === '.' ? name : name + subpath.slice(1);
    out.exports[subpath] = Object.keys(await load(spec)).filter((k) => k !== 'default').sort();
    out.resolved[subpath] = String(resolve(spec));
  }
  const { signContextToken, verifyContextToken } = await load(name + '/server');
  const now = 1767225600;
  const claims = { iss: 'https://dash.example', aud: 'https://app.example', sub: '7',
    account_id: 1, app_id: 2, conversation_id: 3, contact_id: 4, inbox_id: 5, role: 'agent',
    iat: now, exp: now + 300, jti: 'j' };
  const token = signContextToken(claims, 'secret');
  out.verifiedSub = verifyContextToken(token, 'secret', { audience: 'https://app.example', now }).sub;
  const { createSampleContext } = await load(name + '/simulator');
  out.sampleConversationId = createSampleContext({ now }).conversation.id;
  console.log(JSON.stringify(out));
})().catch((error) => { console.error(error); process.exit(1); });
`;

/** Uses each entry's types the way ESM (.mts) and CJS (.cts) consumers do. */
const TYPES_PROBE = (kind: 'esm' | 'cjs') => `
import { connect, FetchContextTimeoutError, type AppContextData } from '${SDK_NAME}';
import { useAppContext } from '${SDK_NAME}/react';
import { verifyContextToken, ContextTokenError, type ContextTokenClaims } from '${SDK_NAME}/server';
import { startSimulator, createSampleContext } from '${SDK_NAME}/simulator';
const data: AppContextData = createSampleContext();
const claims: ContextTokenClaims | null = null as ContextTokenClaims | null;
export const uses = [connect, FetchContextTimeoutError, useAppContext, verifyContextToken,
  ContextTokenError, startSimulator, data.contact.name, claims?.sub, ${JSON.stringify(kind)}];
`;

describe('the packed SDK in an empty project', () => {
  let work: string;
  let packed: PackedSdk;
  let project: string;
  let manifest: Manifest;
  let moduleSubpaths: string[];
  const probes = {} as Record<'esm' | 'cjs', Probe>;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'bevatel-packed-sdk-'));
    packed = await packSdk(work);
    // React is the optional peer of the /react entry: linked from this repository, offline.
    project = await installIntoEmptyProject(
      {
        [SDK_NAME]: `file:${packed.tarball}`,
        react: `file:${join(REPO_ROOT, 'node_modules/react')}`,
      },
      work,
    );
    manifest = readJson<Manifest>(join(project, 'node_modules', SDK_NAME, 'package.json'));
    moduleSubpaths = Object.keys(manifest.exports).filter(
      (subpath) => subpath !== './package.json' && !subpath.endsWith('.js'),
    );
    for (const kind of ['esm', 'cjs'] as const) {
      const file = join(project, kind === 'esm' ? 'probe.mjs' : 'probe.cjs');
      writeFileSync(file, PROBE(kind));
      const { stdout } = await run(process.execPath, [file, JSON.stringify(moduleSubpaths)], {
        cwd: project,
      });
      probes[kind] = JSON.parse(stdout) as Probe;
    }
  }, 240_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('is the repository manifest, with built files only and no dependencies', () => {
    expect(manifest).toEqual(readJson<Manifest>(join(SDK_DIR, 'package.json')));
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(packed.files).toContain('README.md');
    expect(packed.files).toContain('dist/bevatel-dashboard-app.global.js');
    expect(packed.files.filter((file) => file.startsWith('src/'))).toEqual([]);
    expect(moduleSubpaths).toEqual(
      expect.arrayContaining(['.', './react', './server', './simulator']),
    );
  });

  it.each(['esm', 'cjs'] as const)('loads every entry point with plain Node (%s)', (kind) => {
    const probe = probes[kind];
    for (const subpath of moduleSubpaths) {
      expect(probe.exports[subpath]?.length, subpath).toBeGreaterThan(0);
      // import gets dist/*.js, require gets dist/*.cjs: never the TypeScript source.
      expect(probe.resolved[subpath]).toMatch(
        kind === 'esm' ? /\/dist\/[\w-]+\.js$/ : /\/dist\/[\w-]+\.cjs$/,
      );
    }
    expect(probe.exports['.']).toEqual(
      expect.arrayContaining(['connect', 'isInsideDashboard', 'FetchContextTimeoutError']),
    );
    expect(probe.exports['./react']).toEqual(expect.arrayContaining(['useAppContext']));
    expect(probe.exports['./server']).toEqual(
      expect.arrayContaining(['verifyContextToken', 'signContextToken', 'ContextTokenError']),
    );
    expect(probe.exports['./simulator']).toEqual(
      expect.arrayContaining(['startSimulator', 'createSampleContext', 'analyzeFrameHeaders']),
    );
    expect(probe.verifiedSub).toBe('7');
    expect(probe.sampleConversationId).toBeGreaterThan(0);
  });

  it('exports the same names to import and require', () => {
    expect(probes.esm.exports).toEqual(probes.cjs.exports);
  });

  it('type-checks as an ESM and a CJS consumer (moduleResolution node16)', async () => {
    writeFileSync(join(project, 'esm.mts'), TYPES_PROBE('esm'));
    writeFileSync(join(project, 'cjs.cts'), TYPES_PROBE('cjs'));
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'node16',
          moduleResolution: 'node16',
          target: 'es2022',
          lib: ['es2022', 'dom'],
          strict: true,
          noEmit: true,
          types: [],
          skipLibCheck: false,
          // The server and simulator entries use node:crypto and node:http.
          typeRoots: [join(REPO_ROOT, 'node_modules/@types')],
        },
        files: ['esm.mts', 'cjs.cts'],
      }),
    );
    const tsc = join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
    const result = await run(process.execPath, [tsc, '-p', project, '--types', 'node'], {
      cwd: project,
    }).catch((error: { stdout?: string; stderr?: string }) => error);
    expect(`${result.stdout ?? ''}${result.stderr ?? ''}`).toBe('');
  });

  it('defines the script-tag global and runs the CLI from dist/', async () => {
    const bundle = join(project, 'node_modules', SDK_NAME, 'dist/bevatel-dashboard-app.global.js');
    const sandbox: Record<string, unknown> = {};
    runInNewContext(readFileSync(bundle, 'utf8'), sandbox);
    const global = sandbox.BevatelDashboardApp as Record<string, unknown>;
    expect(typeof global.connect).toBe('function');
    expect(typeof global.isInsideDashboard).toBe('function');

    const bin = join(project, 'node_modules/.bin/bevatel-dashboard-app');
    const { stdout } = await run(bin, ['--help'], { cwd: project });
    expect(stdout).toContain('Usage: bevatel-dashboard-app');
  });
});
