import { isMaskedWord } from './placeholders.js';
import type { InlineSecret } from './step-types.js';

interface SecretRule {
  /** Must capture the value in a group named `value`, so placeholders can be told from secrets. */
  readonly pattern: RegExp;
  readonly reason: string;
}

// Values are matched on masked code: `<password>` has become `_P________` and is recognised as such.
const secretRules: readonly SecretRule[] = [
  {
    pattern: /\bredis-cli\b.*?\s(?:-a|--pass)\s+(['"]?)(?<value>[^\s'"]+)\1/,
    reason: 'redis-cli -a passes the Redis password on the command line',
  },
  { pattern: /\bmysql(?:dump|admin)?\b.*?\s-p(?<value>[^\s'"]+)/, reason: 'mysql -p with the password attached' },
  { pattern: /(?:^|\s)-p(['"])(?<value>[^'"\s]+)\1/, reason: "a quoted password attached to -p (-p'…')" },
  {
    pattern:
      /\b(?:[A-Z0-9_]*(?:PASSWORD|PASSWD|SECRET|TOKEN|API_KEY|APIKEY|ACCESS_KEY|PRIVATE_KEY)|MYSQL_PWD)=(['"]?)(?<value>[^\s'"]+)\1/,
    reason: 'a secret variable is assigned a literal value',
  },
  {
    pattern:
      /--(?:password|passwd|pass|token|secret|api-key|apikey|access-key|secret-key|client-secret)(?:=|\s+)(['"]?)(?<value>[^\s'"]+)\1/i,
    reason: 'a secret is given as a command-line option',
  },
  {
    pattern: /Authorization:\s*(?:Bearer|Basic|Token)\s+(?<value>[A-Za-z0-9._~+/=-]+)/i,
    reason: 'a literal Authorization header',
  },
  {
    pattern:
      /\b(?:postgres(?:ql)?|mysql|mongodb(?:\+srv)?|rediss?|amqps?|https?):\/\/[^\s:@/'"]+:(?<value>[^\s@/'"]+)@/,
    reason: 'a password inside a connection URL',
  },
  { pattern: /\bcurl\b.*?\s(?:-u|--user)\s+(['"]?)[^\s:'"]+:(?<value>[^\s'"]+)\1/, reason: 'curl -u user:password' },
  { pattern: /\bPASSWORD\s+'(?<value>[^']+)'/i, reason: 'a literal password in SQL' },
  {
    pattern:
      /^\s*["']?[\w.-]*(?:password|passwd|secret|token|api_key|apikey)["']?\s*[:=]\s*(['"]?)(?<value>[^\s'"#,]+)\1\s*,?\s*$/i,
    reason: 'a secret setting with a literal value',
  },
  {
    pattern: /(?<value>\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*)/,
    reason: 'a literal JSON Web Token',
  },
  {
    pattern:
      /(?<value>\b(?:AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,}|xox[abpr]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{16,}))/,
    reason: 'a literal cloud or API key',
  },
];

/**
 * Lint: secrets written into the code (`redis-cli -a password123`, `PGPASSWORD=xyz`, a literal
 * bearer token). Variables (`$TOKEN`), placeholders and obvious stand-ins (`TOKEN`, `xxx`, `***`)
 * are fine. Reasons never repeat the secret.
 */
export function findInlineSecrets(maskedCode: string): InlineSecret[] {
  const found: InlineSecret[] = [];
  maskedCode.split('\n').forEach((text, index) => {
    for (const rule of secretRules) {
      const value = rule.pattern.exec(text)?.groups?.['value'];
      if (value === undefined || !looksLiteral(value)) continue;
      if (!found.some((secret) => secret.line === index + 1 && secret.reason === rule.reason))
        found.push({ line: index + 1, reason: rule.reason });
    }
  });
  return found;
}

/** A real value, not a reference (`$X`, `$(cmd)`, `%s`, `{{ x }}`) nor a stand-in word (`TOKEN`, `YOUR_KEY`, `xxx`). */
function looksLiteral(value: string): boolean {
  if (/^[$%{<`]/.test(value) || isMaskedWord(value)) return false;
  if (/^[A-Z][A-Z0-9_-]*$/.test(value) && !/\d/.test(value)) return false;
  if (/^(x+|\*+|\.+|…)$/i.test(value) || /^(your|my)[-_]/i.test(value)) return false;
  return true;
}
