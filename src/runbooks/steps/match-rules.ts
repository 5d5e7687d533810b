import { positionalsOf } from './program-syntax.js';
import {
  commandRules,
  unknownCommandReason,
  unknownProgramRules,
  type CommandRule,
  type RuleCondition,
} from './risk-rules.js';
import type { RiskLevel } from './step-types.js';

/** A level and the human-readable reason for it. */
export interface Verdict {
  level: RiskLevel;
  reason: string;
}

const levelRank: Readonly<Record<RiskLevel, number>> = { 'read-only': 0, changing: 1, destructive: 2 };

/** Whether `a` is strictly riskier than `b`. */
export function riskier(a: RiskLevel, b: RiskLevel): boolean {
  return levelRank[a] > levelRank[b];
}

/** The highest of some levels (read-only when there are none). */
export function highestLevel(levels: Iterable<RiskLevel>): RiskLevel {
  let highest: RiskLevel = 'read-only';
  for (const level of levels) if (riskier(level, highest)) highest = level;
  return highest;
}

const rulesByProgram = new Map<string, CommandRule[]>();
for (const rule of commandRules) {
  for (const program of rule.programs) rulesByProgram.set(program, [...(rulesByProgram.get(program) ?? []), rule]);
}

/**
 * Classifies one unwrapped, canonical argv (`['docker', 'compose', 'down', '-v']`) with the tables of
 * `risk-rules.ts`. The most specific matching rule wins: more subcommand words first, then rules with
 * a condition on the arguments over those without; ties go to the riskier rule.
 */
export function matchCommandRules(argv: readonly string[]): Verdict {
  const program = argv[0] ?? '';
  const positionals = positionalsOf(argv, program);
  const rules = rulesByProgram.get(program);
  if (rules === undefined)
    return matchUnknownProgram(
      argv,
      positionals.map(({ word }) => word),
    );
  let best: { rule: CommandRule; score: number } | null = null;
  for (const rule of rules) {
    if (!subMatches(rule, positionals)) continue;
    if (
      rule.when !== null &&
      !conditionHolds(
        rule.when,
        argv,
        program,
        positionals.slice(rule.sub.length).map(({ word }) => word),
      )
    )
      continue;
    const score = rule.sub.length * 2 + (isSpecific(rule.when) ? 1 : 0);
    if (best === null || score > best.score || (score === best.score && riskier(rule.level, best.rule.level)))
      best = { rule, score };
  }
  if (best === null) {
    const shown = [program, positionals[0]?.word].filter((word) => word !== undefined).join(' ');
    return { level: 'changing', reason: `${shown} is not in the rules (assumed changing)` };
  }
  const matched = positionals.slice(0, best.rule.sub.length).map(({ word }) => word);
  return { level: best.rule.level, reason: render(best.rule.reason, program, matched) };
}

/** Programs the tables do not know: judged by their name (`rollback.sh`), else "unknown command". */
function matchUnknownProgram(argv: readonly string[], positionals: string[]): Verdict {
  const program = argv[0] ?? '';
  const words = [program, ...positionals.slice(0, 2)];
  let best: Verdict | null = null;
  for (const rule of unknownProgramRules) {
    if (rule.when !== null && !conditionHolds(rule.when, argv, program, words)) continue;
    // Name the word that gave it away: `eas update:rollback`, not just `eas`.
    const word = words.find((candidate) => rule.when?.arg?.test(candidate) === true);
    const shown = word === undefined || word === program ? [] : [word];
    if (best === null || riskier(rule.level, best.level))
      best = { level: rule.level, reason: render(rule.reason, program, shown) };
  }
  return best ?? { level: 'changing', reason: unknownCommandReason };
}

/** `bare` alone only says "nothing else given": a flag such as `redis-cli --scan` is more specific. */
function isSpecific(when: RuleCondition | null): boolean {
  return (
    when !== null &&
    (when.flags !== undefined || when.option !== undefined || when.arg !== undefined || when.name !== undefined)
  );
}

function subMatches(rule: CommandRule, positionals: readonly { word: string }[]): boolean {
  return rule.sub.every((alternatives, index) => {
    const word = positionals[index]?.word.toLowerCase();
    if (word === undefined) return false;
    return alternatives.some(
      (alternative) =>
        alternative === '*' ||
        alternative === word ||
        (alternative.endsWith('*') && word.startsWith(alternative.slice(0, -1))),
    );
  });
}

function conditionHolds(
  when: RuleCondition,
  argv: readonly string[],
  program: string,
  rest: readonly string[],
): boolean {
  const args = argv.slice(1);
  if (when.bare === true && rest.length > 0) return false;
  if (when.name !== undefined && !when.name.test(program)) return false;
  if (when.arg !== undefined && !rest.some((word) => when.arg?.test(word) === true)) return false;
  if (when.flags !== undefined && !when.flags.some((flag) => hasFlag(args, flag))) return false;
  if (when.option !== undefined) {
    const [names, value] = when.option;
    if (!optionValues(args, names).some((found) => value.test(found))) return false;
  }
  return true;
}

/** `-f` is present as is, as `--force=…`, or inside a bundle of short flags (`-rf`) or attached (`-i.bak`). */
export function hasFlag(args: readonly string[], flag: string): boolean {
  const letter = /^-[A-Za-z]$/.test(flag) ? (flag[1] ?? '') : null;
  return args.some((arg) => {
    if (arg === flag || (flag.startsWith('--') && arg.startsWith(`${flag}=`))) return true;
    if (letter === null || arg.startsWith('--') || !arg.startsWith('-')) return false;
    return arg.startsWith(flag) || (/^-[A-Za-z]+$/.test(arg) && arg.includes(letter));
  });
}

/** Values of an option: `-X POST`, `-XPOST`, `--request=POST`, `-sX POST`. */
export function optionValues(args: readonly string[], names: readonly string[]): string[] {
  const values: string[] = [];
  args.forEach((arg, index) => {
    for (const name of names) {
      const short = /^-[A-Za-z]$/.test(name);
      if (arg === name) values.push(args[index + 1] ?? '');
      else if (name.startsWith('--') && arg.startsWith(`${name}=`)) values.push(arg.slice(name.length + 1));
      else if (short && !arg.startsWith('--') && /^-[A-Za-z]{2,}$/.test(arg) && arg.endsWith(name[1] ?? ''))
        values.push(args[index + 1] ?? '');
      else if (short && !arg.startsWith('--') && arg.startsWith(name) && arg.length > 2) values.push(arg.slice(2));
    }
  });
  return values;
}

function render(template: string, program: string, matched: readonly string[]): string {
  return template.replace('{cmd}', [program, ...matched].join(' ')).replace('{SUB}', matched.join(' ').toUpperCase());
}
