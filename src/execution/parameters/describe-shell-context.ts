import { heredocInterpreter, nestedCommandWord, pipedIntoShell, programName, type NestedCode } from './nested-shell.js';
import type { Frame, ShellContext, ShellQuoting } from './shell-frames.js';

/**
 * Reads the scanner's frame stack at a placeholder: how it is quoted, whether it is evaluated as
 * arithmetic, and whether it lands in code of another shell.
 */
export function describeShellContext(stack: readonly Frame[], text: string, pos: number): ShellContext {
  const { nested, nestedOuter } = nesting(stack);
  // Output piped into a shell is code for it, whatever this shell quoted: never safe.
  const piped = pipedIntoShell(text.slice(pos)) ?? heredocPipedIntoShell(stack);
  return {
    quoting: quotingAt(stack, stack.length - 1),
    integerOnly: isIntegerOnly(stack, text, pos),
    nested,
    nestedOuter: nestedOuter ?? piped,
  };
}

function quotingAt(stack: readonly Frame[], index: number): ShellQuoting {
  const frame = stack[index];
  if (frame === undefined || frame.kind === 'command') return 'unquoted';
  if (frame.kind === 'heredoc') return frame.quoted ? 'quoted-heredoc' : 'heredoc';
  // `${X:-<y>}` is quoted the way the `${…}` itself is.
  if (frame.kind === 'brace') return quotingAt(stack, index - 1);
  return frame.kind;
}

const declarations = new Set(['declare', 'typeset', 'local', 'readonly', 'export']);

/**
 * Whether bash evaluates the text as an arithmetic expression, directly or through the output of
 * a command substitution around the placeholder. Array subscripts inside such an expression run
 * command substitutions (`a[$(id)]`), so there only integers are safe.
 */
function isIntegerOnly(stack: readonly Frame[], text: string, pos: number): boolean {
  for (const frame of stack) {
    if (frame.kind === 'arithmetic') return true;
    // `${a[<i>]}` (indexed array subscript) and `${x:<offset>}` are arithmetic; `${x:-<y>}` is not.
    if (frame.kind === 'brace' && /^[A-Za-z_]\w*(?:\[|:(?![-=?+]))/.test(text.slice(frame.start, pos))) return true;
    if (frame.kind !== 'command') continue;
    if (frame.testStart !== null) {
      const close = text.indexOf(']]', pos);
      const clause = text.slice(frame.testStart, close === -1 ? undefined : close);
      if (/\s-(?:eq|ne|lt|le|gt|ge)(?:\s|$)/.test(clause)) return true;
    }
    const program = programName(frame.words);
    if (program === 'let') return true;
    if (program !== null && declarations.has(program) && frame.words.some((word) => /^-[A-Za-z]*i/.test(word)))
      return true;
  }
  return false;
}

/** The innermost code frame decides `nested`; any enclosing one that is nested makes it unsafe. */
function nesting(stack: readonly Frame[]): Pick<ShellContext, 'nested' | 'nestedOuter'> {
  let nested: NestedCode | null = null;
  let nestedOuter: string | null = null;
  for (const frame of stack) {
    if (frame.kind !== 'command' && frame.kind !== 'heredoc') continue;
    if (nested !== null) nestedOuter ??= nested.interpreter;
    nested = nestedAt(frame);
  }
  return { nested, nestedOuter };
}

function nestedAt(frame: Frame): NestedCode | null {
  if (frame.kind === 'command') return frame.redirect ? null : nestedCommandWord(frame.words, frame.word ?? '');
  if (frame.kind !== 'heredoc') return null;
  const interpreter = heredocInterpreter(frame.owner);
  return interpreter === null ? null : { interpreter: `a heredoc read by ${interpreter}`, innerPrefix: frame.body };
}

function heredocPipedIntoShell(stack: readonly Frame[]): string | null {
  for (const frame of stack)
    if (frame.kind === 'heredoc' && pipedIntoShell(frame.ownerTail) !== null) return pipedIntoShell(frame.ownerTail);
  return null;
}
