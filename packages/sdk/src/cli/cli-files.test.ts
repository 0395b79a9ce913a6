import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { joinOptionValues } from './args';
import { createProject } from './create';
import { parseEnv, updateEnv } from './env-file';
import { readLocations } from './register';
import { renderTemplate } from './template';

describe('.env', () => {
  it('reads KEY=value lines, quotes and comments as dotenv and node --env-file do', () => {
    expect(
      parseEnv('# c\nA=1\nexport B = "two words"\nC=\'x#y\'\nD=plain # note\n\nbad line\n'),
    ).toEqual({ A: '1', B: 'two words', C: 'x#y', D: 'plain' });
  });

  it('updates keys in place and appends new ones, keeping comments and other keys', () => {
    const before = '# mine\nPORT=3001\nOTHER=keep\n';
    expect(updateEnv(before, { PORT: '4000', BEVATEL_APP_ID: '7' })).toBe(
      '# mine\nPORT=4000\nOTHER=keep\nBEVATEL_APP_ID=7\n',
    );
    expect(updateEnv('', { PORT: '1' })).toBe('PORT=1\n');
  });
});

describe('templates', () => {
  it('keeps the parts of the variant asked for and fills the placeholders', () => {
    const text =
      'a {{name}}\n// @if:backend\nb\n// @if:html\nc\n// @end:html\n// @end:backend\nd<!-- @if:react --> e<!-- @end:react -->';
    expect(renderTemplate(text, new Set(['backend', 'html']), { name: 'x' })).toBe('a x\nb\nc\nd');
    expect(renderTemplate(text, new Set(['react']), {})).toBe('a {{name}}\nd e');
    expect(() => renderTemplate('// @if:a\n', new Set(), {})).toThrow('Unclosed @if:a');
  });

  const work = mkdtempSync(join(tmpdir(), 'bevatel-create-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it.each([
    ['html', true],
    ['html', false],
    ['react', true],
    ['react', false],
  ] as const)('writes a %s project (backend: %s) with no marker left', (template, backend) => {
    const dir = join(work, `${template}-${backend}`);
    const files = createProject({ dir, template, backend, sdk: 'file:sdk.tgz' });
    expect(files).toContain('test/server.test.js');
    expect(files).toContain('.gitignore');
    expect(files.includes('api.js')).toBe(backend);
    expect(files.includes(template === 'html' ? 'public/app.js' : 'src/App.jsx')).toBe(true);
    for (const file of files) {
      expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(/@if:|@end:|\{\{\w+\}\}/);
    }
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(manifest.dependencies['@bevatel/dashboard-app-sdk']).toBe('file:sdk.tgz');
    expect(manifest.scripts.test).toContain('node --test');
    const env = parseEnv(readFileSync(join(dir, '.env'), 'utf8'));
    expect(env).toMatchObject({
      APP_ORIGIN: 'http://localhost:3001',
      DASHBOARD_ORIGIN: 'http://localhost:4700',
    });
    expect('BEVATEL_APP_SECRET' in env).toBe(backend);
  });

  it('refuses a folder that is not empty', () => {
    const dir = join(work, 'taken');
    createProject({ dir, template: 'html', backend: true, sdk: 'x' });
    writeFileSync(join(dir, 'keep.txt'), 'mine');
    expect(() => createProject({ dir, template: 'html', backend: true, sdk: 'x' })).toThrow(
      'is not empty',
    );
  });
});

describe('arguments', () => {
  it('keeps option values that start with a dash (tokens may)', () => {
    expect(joinOptionValues(['--token', '-abc', '--secret', 'x'], ['token'])).toEqual([
      '--token=-abc',
      '--secret',
      'x',
    ]);
    expect(joinOptionValues(['--token'], ['token'])).toEqual(['--token']);
  });
});

describe('register --location', () => {
  it('takes several locations, comma-separated or repeated, once each', () => {
    expect(readLocations(['conversation.sidebar, contact.page', 'conversation.sidebar'])).toEqual({
      locations: ['conversation.sidebar', 'contact.page'],
    });
    expect(readLocations([])).toEqual({ locations: [] });
  });

  it('names the first location the dashboard does not know', () => {
    expect(readLocations(['conversation.tab,sidebar'])).toEqual({ unknown: 'sidebar' });
  });
});
