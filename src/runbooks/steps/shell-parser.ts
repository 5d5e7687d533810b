import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Parser } from 'web-tree-sitter';

/** The loaded shell parser: one reusable tree-sitter parser set to the Bash grammar. */
export interface ShellParser {
  parser: Parser;
}

let loading: Promise<ShellParser> | null = null;

/**
 * Loads tree-sitter (WebAssembly) and its Bash grammar on first use and caches the parser.
 * Compiling the two wasm modules takes tens of milliseconds, so nothing happens at module load:
 * servers that never import runbooks never pay. A failed load is forgotten, so a later call retries.
 */
export function loadShellParser(): Promise<ShellParser> {
  loading ??= createShellParser().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

async function createShellParser(): Promise<ShellParser> {
  const { Parser, Language } = await import('web-tree-sitter');
  await Parser.init();
  const bash = await Language.load(bashGrammarPath());
  const parser = new Parser();
  parser.setLanguage(bash);
  return { parser };
}

/** tree-sitter-bash ships its grammar compiled to wasm next to its package.json (its native build is not used). */
function bashGrammarPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('tree-sitter-bash/package.json')), 'tree-sitter-bash.wasm');
}

/** Shell code the parser refuses, with the 1-based line where the problem starts. */
export class ShellSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'ShellSyntaxError';
  }
}

/** A parse failure as one line: `line 3: reached EOF without closing quote '`. */
export function describeParseError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
