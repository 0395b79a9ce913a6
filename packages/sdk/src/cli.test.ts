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
    expect(log.mock.calls.join('\n')).toContain('Usage: bevatel-dashboard-app dev <appUrl>');
    error.mockRestore();
    log.mockRestore();
  });
});
