import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findSdkDir, loadSdkBundle } from './sdk-bundle';

let dir: string | undefined;

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('the SDK script-tag bundle', () => {
  it('is found where Node would find the SDK package', () => {
    expect(findSdkDir()).toMatch(/packages[/\\]sdk$|dashboard-app-sdk$/);
  });

  it('prefers the built bundle', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sdk-built-'));
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist/bevatel-dashboard-app.global.js'), 'var BevatelDashboardApp={};');
    expect(await loadSdkBundle(dir)).toBe('var BevatelDashboardApp={};');
  });

  it('bundles the global entry from source when the SDK is not built', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sdk-source-'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src/global.ts'), "export const greeting: string = 'hello';\n");
    const bundle = await loadSdkBundle(dir);
    expect(bundle).toContain('var BevatelDashboardApp');
    expect(bundle).toContain('greeting');
  });
});
