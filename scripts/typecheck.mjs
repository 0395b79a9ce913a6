// Type-checks every workspace that has a tsconfig.json, one `tsc --noEmit` each, so a
// workspace's own compiler options (DOM libs for the web app, node types for the server) apply.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// Node 20 has no fs.glob: expand the one `dir/*` form the workspaces list uses.
const dirs = workspaces.flatMap((pattern) =>
  pattern.endsWith('/*')
    ? readdirSync(join(root, pattern.slice(0, -2)), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => join(pattern.slice(0, -2), entry.name))
    : [pattern],
);
let failed = 0;
for (const dir of dirs) {
  if (!existsSync(join(root, dir, 'tsconfig.json'))) continue;
  try {
    execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(dir, 'tsconfig.json')], {
      cwd: root,
      stdio: 'inherit',
    });
    console.log(`typecheck ok: ${dir}`);
  } catch {
    failed += 1;
    console.error(`typecheck FAILED: ${dir}`);
  }
}
process.exit(failed ? 1 : 0);
