/** One question in the terminal, with a default for a bare Enter. */
import { createInterface } from 'node:readline/promises';

export async function askChoice<T extends string>(
  question: string,
  choices: readonly T[],
  fallback: T,
): Promise<T> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    for (;;) {
      const answer = (await rl.question(`${question} (${choices.join('/')}) [${fallback}] `))
        .trim()
        .toLowerCase();
      if (answer === '') return fallback;
      const choice = choices.find(
        (c) => c === answer || (answer.length === 1 && c.startsWith(answer)),
      );
      if (choice) return choice;
    }
  } finally {
    rl.close();
  }
}
