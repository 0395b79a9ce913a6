/**
 * `--name value` → `--name=value` for the given string options, before node:util's parseArgs:
 * it refuses a separate value that starts with "-", and API tokens and secrets may.
 */
export function joinOptionValues(argv: readonly string[], names: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const value = argv[i + 1];
    if (names.includes(arg.replace(/^--/, '')) && arg.startsWith('--') && value !== undefined) {
      out.push(`${arg}=${value}`);
      i += 1;
    } else {
      out.push(arg);
    }
  }
  return out;
}
