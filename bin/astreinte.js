#!/usr/bin/env node
// Entry point of the `astreinte` command: runs the compiled CLI (`npm run build` makes dist/).
import { runCli } from '../dist/cli/main.js';

process.exitCode = await runCli(process.argv.slice(2));
