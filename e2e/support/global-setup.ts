import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, WEB_DIST } from './paths';

/** Builds the web app once unless a build is already there (the test script builds it first). */
export function setup(): void {
  if (existsSync(join(WEB_DIST, 'index.html')) && process.env.E2E_REBUILD !== '1') return;
  execFileSync('npm', ['run', 'build', '-w', '@bevatel/web'], { cwd: REPO_ROOT, stdio: 'inherit' });
}
