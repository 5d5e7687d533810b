import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError, exitCodes } from './cli-io.js';

/** Extensions picked up when walking a folder (a file named on the command line is always taken). */
const runbookExtensions = /\.(?:md|markdown|txt)$/i;

/** Folders never walked into: version control, dependencies, anything hidden. */
function skipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/**
 * The files the paths name: files as given, folders walked recursively for `*.md`, `*.markdown`
 * and `*.txt`, in name order, each file once. A path that does not exist is a usage error (exit 2).
 */
export async function collectRunbookFiles(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new CliError(`${path}: no such file or folder`, exitCodes.usage);
    }
    if (info.isDirectory()) found.push(...(await walk(path)));
    else found.push(path);
  }
  return [...new Set(found)];
}

async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const files: string[] = [];
  for (const entry of entries) {
    if (skipped(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path)));
    else if (entry.isFile() && runbookExtensions.test(entry.name)) files.push(path);
  }
  return files;
}
