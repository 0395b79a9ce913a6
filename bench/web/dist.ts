import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, WEB_DIST } from '../../e2e/support/paths';

/** The static baseline page, served by the same server process as the dashboard. */
export const BASELINE_PAGE = '/bench-baseline.html';

/**
 * One row in the same list markup the dashboard renders, from an inline script: what a
 * navigation costs with no bundle, no API request and no framework.
 */
const BASELINE_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="UTF-8" /><title>Baseline</title></head>
  <body>
    <div id="root"></div>
    <script>
      const list = document.createElement('div');
      list.setAttribute('role', 'list');
      list.setAttribute('aria-label', 'Conversation list');
      const item = document.createElement('div');
      item.setAttribute('role', 'listitem');
      const link = document.createElement('a');
      link.href = '#';
      link.textContent = 'Conversation #1';
      item.append(link);
      list.append(item);
      document.getElementById('root').append(list);
    </script>
  </body>
</html>
`;

export interface PreparedDist {
  dir: string;
  remove(): void;
}

/**
 * A build of the web app in a temporary directory, with the baseline page beside index.html.
 * Building elsewhere than apps/web/dist leaves the build that others' browser tests serve alone
 * (vite empties its output directory first). With `build: false`, apps/web/dist is copied.
 */
export function prepareDist({ build }: { build: boolean }): PreparedDist {
  const dir = mkdtempSync(join(tmpdir(), 'bevatel-bench-web-'));
  if (build) {
    execFileSync(
      'npm',
      ['run', 'build', '-w', '@bevatel/web', '--', '--outDir', dir, '--emptyOutDir'],
      { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    );
  } else {
    if (!existsSync(join(WEB_DIST, 'index.html'))) {
      throw new Error(`--no-build: no build at ${WEB_DIST}; run npm run build -w @bevatel/web`);
    }
    cpSync(WEB_DIST, dir, { recursive: true });
  }
  writeFileSync(join(dir, BASELINE_PAGE.slice(1)), BASELINE_HTML);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
