// Runs the CLI from the TypeScript sources (`node --import tsx src/cli/entry.ts …`), as bin/astreinte.js
// does from dist/: the exit code is set, not forced, so pending output is flushed before exit.
import { runCli } from './main.js';

process.exitCode = await runCli(process.argv.slice(2));
