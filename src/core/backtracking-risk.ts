import ret, { types, type Token, type Tokens } from 'ret';

// ret is CommonJS: its module.exports is the tokenizer itself, with `types` assigned on it (which
// Node's ESM loader exposes as a named export). Its typings make the default import the module
// namespace and promise a `tokenizer` export that does not exist at run time.
const tokenizer = ret as unknown as (source: string) => Tokens;

/**
 * Why a user's regular expression could take exponential time in JavaScript's backtracking engine
 * — an unbounded quantifier inside an unbounded repeated group: `(a+)+`, `(\w*)*x` — or null.
 * Alertmanager and Prometheus use RE2, which cannot blow up; here one such pattern in a silence or
 * a probe condition, met by a long enough label or body, would stall the node. Overlapping
 * alternations (`(a|a)*`) are not detected, nor patterns the tokenizer cannot read (lookbehinds):
 * this refuses the usual shape, it is no proof of safety.
 */
export function backtrackingRisk(source: string): string | null {
  let root: Tokens;
  try {
    root = tokenizer(source);
  } catch {
    return null;
  }
  return nestedRepetition(root, 0)
    ? 'a repeated group that repeats inside can take exponential time; rewrite it without nesting (e.g. (a+)+ as a+)'
    : null;
}

/** Whether an unbounded repetition sits inside another one, below `token`. */
function nestedRepetition(token: Tokens, depth: number): boolean {
  if (token.type === types.REPETITION) {
    const unbounded = token.max === Infinity;
    if (unbounded && depth >= 1) return true;
    return nestedRepetition(token.value, depth + (unbounded ? 1 : 0));
  }
  if (token.type !== types.ROOT && token.type !== types.GROUP) return false;
  const branches: Token[][] = [...(token.options ?? []), ...(token.stack === undefined ? [] : [token.stack])];
  return branches.some((branch) => branch.some((child) => nestedRepetition(child, depth)));
}
