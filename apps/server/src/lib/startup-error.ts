/**
 * Why the server could not start, in one line an operator can act on: what it was doing, on
 * which path or address, and the cause (errno or SQLite code), never a stack trace.
 */

/** A URL with its password hidden, for messages. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
  }
}

/** The message of an error and of its causes, joined: "a: b (CODE)". */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current !== undefined && current !== null && !seen.has(current)) {
    seen.add(current);
    if (current instanceof AggregateError && current.message === '') {
      // node-postgres connecting to "localhost" gives one error per address and no message.
      parts.push([...new Set(current.errors.map((e: unknown) => describeError(e)))].join('; '));
      break;
    }
    if (!(current instanceof Error)) {
      parts.push(String(current));
      break;
    }
    const code = (current as { code?: unknown }).code;
    const text =
      typeof code === 'string' && !current.message.includes(code)
        ? `${current.message} (${code})`
        : current.message;
    if (!parts.some((part) => part.includes(text))) parts.push(text);
    current = current.cause;
  }
  return parts.join(': ').replace(/\s*\n\s*/g, ' ');
}

/** Runs one start-up step; a failure says which step, on what, and why. */
export async function startupStep<T>(what: string, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new Error(`${what}: ${describeError(error)}`, { cause: error });
  }
}
