/**
 * `bevatel-dashboard-app create <dir> [--template html|react] [--no-backend] [--sdk <spec>]`:
 * a working app to start from, with its tests, its README and a `.env` that `register` and
 * `dev` share. Asks for the template and the backend when run in a terminal without flags.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { joinOptionValues } from './args';
import { writeEnvFile } from './env-file';
import { sdkPackageRoot, sdkVersion } from './package-root';
import { askChoice } from './prompt';
import { renderTemplate } from './template';

export type TemplateName = 'html' | 'react';

export interface CreateOptions {
  dir: string;
  template: TemplateName;
  backend: boolean;
  /** npm spec of the SDK dependency; by default the SDK packed into `vendor/`. */
  sdk?: string;
}

export const CREATE_USAGE = `Usage: bevatel-dashboard-app create <dir> [options]

Generates a Dashboard App to start from, with its tests, a README and a .env.

Options:
  --template <html|react>  plain HTML with the script tag, or React + Vite (default html)
  --no-backend             only the front end (default: with a backend that verifies the
                           signed context token)
  --sdk <spec>             npm spec of @bevatel/dashboard-app-sdk for package.json (default:
                           this SDK, packed into <dir>/vendor/)
  -h, --help               show this help

Without --template or --no-backend in a terminal, it asks.
`;

const DEV_DEPENDENCIES: Record<TemplateName, Record<string, string>> = {
  html: {},
  react: { '@vitejs/plugin-react': '^6.0.0', vite: '^8.0.0' },
};
const DEPENDENCIES: Record<TemplateName, Record<string, string>> = {
  html: {},
  react: { react: '^19.0.0', 'react-dom': '^19.0.0' },
};
const SCRIPTS: Record<TemplateName, Record<string, string>> = {
  html: {
    start: 'node --env-file=.env server.js',
    test: 'node --test test/server.test.js',
    simulate: 'bevatel-dashboard-app dev',
  },
  react: {
    build: 'vite build',
    start: 'vite build && node --env-file=.env server.js',
    test: 'vite build && node --test test/server.test.js',
    simulate: 'bevatel-dashboard-app dev',
  },
};

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(root, path)).isFile())
    .sort();
}

/** npm spec for the SDK: this very package, packed into the project (no registry needed). */
function vendorSdk(target: string): string {
  const root = sdkPackageRoot();
  if (!existsSync(join(root, 'dist', 'index.js'))) {
    throw new Error(`${root} has no dist/: build the SDK first, or pass --sdk <spec>`);
  }
  const vendor = join(target, 'vendor');
  mkdirSync(vendor, { recursive: true });
  const report = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', vendor], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  ) as { filename: string }[];
  return `file:vendor/${report[0]?.filename}`;
}

/** Writes the project; returns its files, relative to `dir`. */
export function createProject(options: CreateOptions): string[] {
  const target = resolve(options.dir);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new Error(`${target} is not empty: choose a new folder`);
  }
  mkdirSync(target, { recursive: true });
  const name = basename(target)
    .toLowerCase()
    .replace(/[^a-z0-9-~._]+/g, '-')
    .replace(/^[-._]+|-+$/g, '');
  const title = basename(target)
    .replace(/[-_]+/g, ' ')
    .replace(/^\w/, (c) => c.toUpperCase());
  const tags = new Set<string>([options.template, ...(options.backend ? ['backend'] : [])]);
  const values = {
    title,
    staticRoot: options.template === 'html' ? 'public' : 'dist',
    templateLabel: `${options.template === 'html' ? 'plain HTML' : 'React + Vite'}, ${options.backend ? 'with a backend' : 'front end only'}`,
    frontEndFiles: options.template === 'html' ? 'public/' : 'index.html`, `src/',
  };
  const templates = join(sdkPackageRoot(), 'templates');
  for (const layer of ['common', options.template]) {
    const root = join(templates, layer);
    for (const file of filesUnder(root)) {
      if (file === 'api.js' && !options.backend) continue;
      const out = join(target, file.replace(/(^|\/)_gitignore$/, '$1.gitignore'));
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, renderTemplate(readFileSync(join(root, file), 'utf8'), tags, values));
    }
  }
  const sdk = options.sdk ?? vendorSdk(target);
  const manifest = {
    name: name || 'dashboard-app',
    version: '0.1.0',
    private: true,
    type: 'module',
    scripts: SCRIPTS[options.template],
    dependencies: {
      '@bevatel/dashboard-app-sdk': sdk,
      ...DEPENDENCIES[options.template],
    },
    devDependencies: DEV_DEPENDENCIES[options.template],
    engines: { node: '>=20.11' },
  };
  writeFileSync(join(target, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeEnvFile(join(target, '.env'), {
    APP_ORIGIN: 'http://localhost:3001',
    PORT: '3001',
    // The simulator (`npm run simulate`); `register` adds your dashboard.
    DASHBOARD_ORIGIN: 'http://localhost:4700',
    ...(options.backend ? { BEVATEL_APP_SECRET: 'dev-secret' } : {}),
  });
  return filesUnder(target).filter((file) => !file.startsWith('node_modules'));
}

async function resolveOptions(argv: readonly string[]): Promise<CreateOptions | null> {
  const { values, positionals } = parseArgs({
    args: joinOptionValues(argv, ['template', 'sdk']),
    allowPositionals: true,
    options: {
      template: { type: 'string' },
      'no-backend': { type: 'boolean' },
      sdk: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return null;
  const [dir, ...extra] = positionals;
  if (!dir || extra.length) throw new Error('create needs exactly one <dir>');
  const interactive =
    process.stdin.isTTY && process.stdout.isTTY && !values.template && !values['no-backend'];
  let template = values.template ?? 'html';
  let backend = !values['no-backend'];
  if (interactive) {
    template = await askChoice('Template', ['html', 'react'], 'html');
    backend =
      (await askChoice('With a backend that verifies the token?', ['yes', 'no'], 'yes')) === 'yes';
  }
  if (template !== 'html' && template !== 'react') {
    throw new Error(`--template must be html or react, not "${template}"`);
  }
  return { dir, template, backend, ...(values.sdk ? { sdk: values.sdk } : {}) };
}

export async function runCreate(argv: readonly string[]): Promise<number> {
  let options: CreateOptions | null;
  try {
    options = await resolveOptions(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${CREATE_USAGE}`);
    return 2;
  }
  if (!options) {
    console.log(CREATE_USAGE);
    return 0;
  }
  try {
    const files = createProject(options);
    const where = relative(process.cwd(), resolve(options.dir)) || '.';
    console.log(
      `Created ${where} (${options.template}, ${options.backend ? 'with' : 'without'} a backend, SDK ${sdkVersion()}):`,
    );
    for (const file of files) console.log(`  ${file}`);
    console.log(
      `\nNext:\n  cd ${where}\n  npm install\n  npm test\n  npm start            # then, in another terminal: npm run simulate`,
    );
    console.log(
      '  npx bevatel-dashboard-app register --dashboard <url> --token <api token> --secret',
    );
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}
