/** Process entry of the CLI: runs `main` and exits unless a server keeps running. */
import { main } from './cli';

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
