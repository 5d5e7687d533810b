import Mustache from 'mustache';
import { validationError, type FieldIssue } from '../../core/app-error.js';
import {
  runbookVariables,
  templateParts,
  templateVariables,
  type TemplateOverride,
  type TemplatePart,
} from './template-model.js';

const topLevel: ReadonlySet<string> = new Set(Object.keys(templateVariables));
const inRunbooks: ReadonlySet<string> = new Set([...topLevel, ...runbookVariables]);

/**
 * Checks an admin's template override before it is stored: each part must parse as Mustache and
 * use only the known variables (a typo would otherwise render as nothing, silently, in a page at
 * night). Partials and delimiter changes are refused, and so are unescaped insertions (`{{{x}}}`,
 * `{{&x}}`) in the HTML part. Throws a 400 naming each part, e.g. `/html`, under `path`.
 */
export function checkTemplate(override: TemplateOverride, path = ''): void {
  const issues = templateParts.flatMap((part) => {
    const source = override[part];
    return source === undefined ? [] : findTemplateIssues(source, part, `${path}/${part}`);
  });
  if (issues.length > 0) throw validationError('invalid notification template', issues);
}

/** The problems of one template part, each with `path` and a message giving the line. */
export function findTemplateIssues(source: string, part: TemplatePart, path: string): FieldIssue[] {
  let tokens: unknown[];
  try {
    tokens = Mustache.parse(source);
  } catch (error) {
    return [{ path, message: `does not parse: ${(error as Error).message}` }];
  }
  const issues: FieldIssue[] = [];
  walkTokens(
    tokens,
    { known: topLevel, inSection: false },
    (start, message) => {
      issues.push({ path, message: `line ${source.slice(0, start).split('\n').length}: ${message}` });
    },
    part,
  );
  return issues;
}

interface Scope {
  known: ReadonlySet<string>;
  inSection: boolean;
}

type Report = (start: number, message: string) => void;

function walkTokens(tokens: unknown[], scope: Scope, report: Report, part: TemplatePart): void {
  for (const token of tokens) {
    const [type, name, start, , children] = token as [string, string, number, number, unknown[] | undefined];
    if (type === 'text' || type === '!') continue;
    if (type === '>') {
      report(start, `partials ({{> ${name}}}) are not available`);
      continue;
    }
    if (type === '=') {
      report(start, 'changing delimiters is not supported');
      continue;
    }
    if (type === '&' && part === 'html')
      report(start, `{{{${name}}}} would insert ${name} without HTML escaping; use {{${name}}}`);
    checkName(name, start, scope, report);
    if ((type === '#' || type === '^') && children !== undefined) {
      const known = type === '#' && name === 'runbooks' ? inRunbooks : scope.known;
      walkTokens(children, { known, inSection: true }, report, part);
    }
  }
}

function checkName(name: string, start: number, scope: Scope, report: Report): void {
  if (name === '.') {
    if (!scope.inSection) report(start, '{{.}} only means something inside a section');
    return;
  }
  if (!scope.known.has(name)) {
    const known = [...scope.known].sort().join(', ');
    report(start, `unknown variable "${name}" (known: ${known})`);
  }
}
