import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main, parseArgs } from './cli';

describe('cli', () => {
  it('parses the dev command and its flags', () => {
    expect(parseArgs(['dev', 'http://localhost:5173/', '--port', '4800', '--secret=s3'])).toEqual({
      command: 'dev',
      appUrl: 'http://localhost:5173/',
      flags: { port: '4800', secret: 's3' },
    });
    expect(() => parseArgs(['dev', 'http://x', '--port'])).toThrow('--port needs a value');
  });

  it('prints usage and fails on bad input, without starting anything', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await main([])).toBe(2);
    expect(await main(['dev'])).toBe(2);
    expect(await main(['dev', 'http://localhost:5173', '--nope', '1'])).toBe(2);
    expect(await main(['dev', 'http://localhost:5173', '--port', 'abc'])).toBe(2);
    expect(await main(['dev', 'ftp://example.com', '--port', '0'])).toBe(1);
    expect(await main(['--help'])).toBe(0);
    expect(log.mock.calls.join('\n')).toContain('Usage: bevatel-dashboard-app dev [appUrl]');
    error.mockRestore();
    log.mockRestore();
  });

  it('dev takes the app URL from the .env that create and register write', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const dir = mkdtempSync(join(tmpdir(), 'bevatel-cli-env-'));
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      expect(await main(['dev', '--port', '0'])).toBe(2); // no .env, no appUrl: usage
      // An app URL the simulator refuses proves it was read from .env (exit 1, not usage).
      writeFileSync(join(dir, '.env'), 'APP_ORIGIN=ftp://example.com\nBEVATEL_APP_SECRET=s\n');
      expect(await main(['dev', '--port', '0'])).toBe(1);
      expect(error.mock.calls.flat().join('\n')).toMatch(/ftp:\/\/example\.com/);
    } finally {
      process.chdir(cwd);
      rmSync(dir, { recursive: true, force: true });
      error.mockRestore();
    }
  });

  it('dispatches create and register, each with its own usage', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await main(['create', '--help'])).toBe(0);
    expect(await main(['register', '--help'])).toBe(0);
    expect(log.mock.calls.join('\n')).toContain('Usage: bevatel-dashboard-app create <dir>');
    expect(log.mock.calls.join('\n')).toContain('Usage: bevatel-dashboard-app register');
    expect(await main(['create'])).toBe(2);
    expect(await main(['create', 'x', '--template', 'vue'])).toBe(2);
    expect(await main(['register', '--token', 't'])).toBe(2);
    expect(await main(['register', '--nope'])).toBe(2);
    log.mockRestore();
    error.mockRestore();
  });
});
