/**
 * `bevatel-dashboard-app <command>`: `dev` (the simulator, below), `create` and `register`
 * (cli/create.ts, cli/register.ts). Each command parses its own arguments.
 */
import { resolve } from 'node:path';
import { runCreate } from './cli/create';
import { readEnvFile } from './cli/env-file';
import { runRegister } from './cli/register';
import {
  DEFAULT_SIMULATOR_PORT,
  DEFAULT_SIMULATOR_SECRET,
  startSimulator,
} from './simulator/server';

const COMMANDS: Record<string, (argv: readonly string[]) => Promise<number>> = {
  create: runCreate,
  register: runRegister,
};

const USAGE = `Usage: bevatel-dashboard-app dev [appUrl] [options]
       bevatel-dashboard-app create <dir> [--template html|react] [--no-backend]
       bevatel-dashboard-app register --dashboard <url> --token <api token> [--secret]

Serves a stand-in Bevatel dashboard that embeds <appUrl> in an iframe and sends it sample
conversation context, exactly as the real dashboard does. Without <appUrl>, and for
the secret, it reads the app's .env (APP_ORIGIN, BEVATEL_APP_SECRET), as register writes it.

Options:
  --port <n>         port of the simulator page (default ${DEFAULT_SIMULATOR_PORT})
  --secret <s>       HS256 secret for data.token (default "${DEFAULT_SIMULATOR_SECRET}")
  --host <h>         interface to listen on (default 127.0.0.1)
  --allow <list>     iframe allow list (default "clipboard-write")
  --late-after <s>   seconds without fetch-info before hinting at a late listener (default 3)
  -h, --help         show this help
`;

export interface CliArgs {
  command: string | undefined;
  appUrl: string | undefined;
  flags: Record<string, string>;
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '-h' || arg === '--help') flags.help = 'true';
    else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      if (eq > 0) flags[arg.slice(2, eq)] = arg.slice(eq + 1);
      else {
        const value = argv[i + 1];
        if (value === undefined || value.startsWith('--')) throw new Error(`${arg} needs a value`);
        flags[arg.slice(2)] = value;
        i += 1;
      }
    } else positional.push(arg);
  }
  return { command: positional[0], appUrl: positional[1], flags };
}

export async function main(argv: readonly string[]): Promise<number> {
  const command = argv[0] === undefined ? undefined : COMMANDS[argv[0]];
  if (command) return command(argv.slice(1));
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  // The same .env as the generated app and `register`.
  const env = args.command === 'dev' ? readEnvFile(resolve('.env')) : {};
  args.appUrl ??= env.APP_ORIGIN ? `${env.APP_ORIGIN}/` : undefined;
  const secretFromEnv = args.flags.secret === undefined && Boolean(env.BEVATEL_APP_SECRET);
  if (secretFromEnv) args.flags.secret = env.BEVATEL_APP_SECRET as string;
  if (args.flags.help || args.command !== 'dev' || !args.appUrl) {
    (args.flags.help ? console.log : console.error)(USAGE);
    return args.flags.help ? 0 : 2;
  }
  const known = ['port', 'secret', 'host', 'allow', 'late-after'];
  const unknown = Object.keys(args.flags).filter((flag) => !known.includes(flag));
  if (unknown.length) {
    console.error(`Unknown option --${unknown[0]}\n\n${USAGE}`);
    return 2;
  }
  const port = args.flags.port === undefined ? DEFAULT_SIMULATOR_PORT : Number(args.flags.port);
  const lateAfter = args.flags['late-after'] === undefined ? 3 : Number(args.flags['late-after']);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || !(lateAfter > 0)) {
    console.error(`Bad --port or --late-after\n\n${USAGE}`);
    return 2;
  }
  try {
    const simulator = await startSimulator({
      appUrl: args.appUrl,
      port,
      secret: args.flags.secret,
      host: args.flags.host,
      allow: args.flags.allow,
      lateAfterMs: lateAfter * 1000,
    });
    console.log(`Bevatel dashboard simulator: ${simulator.url}`);
    console.log(`Embedding ${args.appUrl}`);
    console.log(
      `Tokens: HS256 with ${secretFromEnv ? 'BEVATEL_APP_SECRET from .env' : `secret "${args.flags.secret ?? DEFAULT_SIMULATOR_SECRET}"`}, ` +
        `aud "${simulator.audience}", iss "${simulator.issuer}"`,
    );
    const stop = (): void => {
      simulator.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return -1;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}
