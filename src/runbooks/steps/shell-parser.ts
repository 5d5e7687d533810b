import type sh from 'mvdan-sh';

/** The loaded shell parser: the syntax helpers and one reusable bash parser. */
export interface ShellParser {
  syntax: sh.Syntax;
  parser: sh.Parser;
}

let loading: Promise<ShellParser> | null = null;

/**
 * Loads mvdan-sh on first use and caches it. The GopherJS bundle is 1.5 MB and takes ~200 ms to
 * evaluate, so it is never imported at module load: servers that never import runbooks never pay.
 */
export function loadShellParser(): Promise<ShellParser> {
  loading ??= import('mvdan-sh').then(
    (module) => {
      const syntax = module.default.syntax;
      return { syntax, parser: syntax.NewParser(syntax.Variant(syntax.LangBash)) };
    },
    (error: unknown) => {
      // Let a later call retry instead of caching the failure forever.
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** A parse failure as one line: `line 3: reached EOF without closing quote '`. */
export function describeParseError(error: unknown): string {
  if (isParseError(error)) {
    const line = safeLine(error.Pos);
    return line === null ? error.Text : `line ${line}: ${error.Text}`;
  }
  return error instanceof Error ? error.message : String(error);
}

function isParseError(error: unknown): error is sh.ParseError {
  return typeof error === 'object' && error !== null && typeof (error as { Text?: unknown }).Text === 'string';
}

function safeLine(pos: sh.Pos | undefined): number | null {
  try {
    return pos === undefined ? null : pos.Line();
  } catch {
    return null;
  }
}
