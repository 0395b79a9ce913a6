// Writes release/bevatel-dashboard-app-sdk-<version>.tgz: the tarball `npm pack` makes of the
// fresh build, which the dashboard serves at /sdk/… (`npm install <dashboard>/sdk/<file>`).
// `--ignore-scripts`: the build that runs this script has just written dist/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';

const release = new URL('../release/', import.meta.url);
rmSync(release, { recursive: true, force: true });
mkdirSync(release, { recursive: true });
const report = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', 'release'], {
    cwd: new URL('..', import.meta.url),
    encoding: 'utf8',
  }),
);
console.log(
  `release/${report[0].filename} (${report[0].size} bytes, ${report[0].entryCount} files)`,
);
