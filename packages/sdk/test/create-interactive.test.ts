/**
 * `create` in a terminal without --template or --no-backend asks both questions. util-linux's
 * `script` gives the CLI a real pseudo-terminal (stdin and stdout are TTYs there).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/bevatel-dashboard-app.mjs', import.meta.url));

/** Runs `command` in a pseudo-terminal, answering each prompt (matched by text) in turn. */
function inTerminal(command: string, cwd: string, answers: [RegExp, string][]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`no answer in time; output so far:\n${output}`));
    }, 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const next = answers[0];
      if (next && next[0].test(output)) {
        answers.shift();
        child.stdin.write(next[1]);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`exit ${code}:\n${output}`));
    });
  });
}

describe('create in a terminal', () => {
  const work = mkdtempSync(join(tmpdir(), 'bevatel-create-tty-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  // `script` is util-linux's (Debian's essential bsdutils package).
  it('asks for the template and the backend when no flag says', async () => {
    const output = await inTerminal(
      `"${process.execPath}" "${BIN}" create my-app --sdk file:x.tgz`,
      work,
      [
        [/Template \(html\/react\) \[html\]/, 'react\r'],
        [/backend.*\(yes\/no\) \[yes\]/, 'n\r'],
      ],
    );
    expect(output).toContain('(react, without a backend');
    const dir = join(work, 'my-app');
    expect(existsSync(join(dir, 'src/App.jsx'))).toBe(true);
    expect(existsSync(join(dir, 'api.js'))).toBe(false);
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).toContain('"vite build"');
  }, 30_000);
});
