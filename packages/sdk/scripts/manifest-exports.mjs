// Switches package.json "exports" between the in-repo source map (TypeScript under src/, no
// build needed by Vite, tsx or vitest) and the published dist map (npm pack / publish).
// npm has no publishConfig.exports, hence this swap around `npm pack` (prepack / postpack).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const mode = process.argv[2];
const entries = {
  '.': 'index',
  './react': 'react',
  './server': 'server',
  './simulator': 'simulator',
};
const sources = {
  index: './src/index.ts',
  react: './src/react/index.ts',
  server: './src/server/index.ts',
  simulator: './src/simulator/index.ts',
};

function exportsFor(kind) {
  const map = {};
  for (const [subpath, name] of Object.entries(entries)) {
    map[subpath] =
      kind === 'source'
        ? { types: sources[name], default: sources[name] }
        : {
            import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
            require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
          };
  }
  if (kind === 'dist') {
    map['./bevatel-dashboard-app.global.js'] = './dist/bevatel-dashboard-app.global.js';
  }
  map['./package.json'] = './package.json';
  return map;
}

if (mode !== 'source' && mode !== 'dist') {
  console.error('usage: node scripts/manifest-exports.mjs source|dist');
  process.exit(2);
}
const file = new URL('../package.json', import.meta.url);
if (mode === 'dist' && !existsSync(new URL('../dist/index.js', import.meta.url))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(file, 'utf8'));
manifest.exports = exportsFor(mode);
writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`package.json exports now point to ${mode === 'source' ? 'src/' : 'dist/'}`);
