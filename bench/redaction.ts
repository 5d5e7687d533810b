/**
 * Throughput of the stream redactor: `npx tsx bench/redaction.ts`.
 * 10 MB of log-like text (timestamps, levels, URLs, JSON, base64 blobs) in which 20 secrets show
 * up now and then, verbatim, URL-encoded and in Basic auth headers, fed in 4 KiB chunks. Prints
 * the median MB/s over 5 runs after a warm-up, and, for comparison, one RegExp of the same forms
 * as escaped alternatives applied to the whole text (what the automaton replaced).
 */
import { seededRandom } from '../test/execution/redaction/random-cases.js';
import { Buffer } from 'node:buffer';
import { createRedactor, type NamedSecret } from '../src/execution/redaction/create-redactor.js';
import { createStreamRedactor } from '../src/execution/redaction/create-stream-redactor.js';
import { secretForms } from '../src/execution/redaction/secret-forms.js';

const targetLength = 10 * 1024 * 1024;
const chunkLength = 4096;

const random = seededRandom(20240611);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const token = (length: number): string =>
  Array.from({ length }, () =>
    pick([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_/+=!@ ']),
  ).join('');

const secrets: NamedSecret[] = Array.from({ length: 20 }, (_, i) => ({
  name: `secret_${i}`,
  value: token(12 + (i % 5) * 8),
}));
const words = [
  'GET',
  'POST',
  'connect',
  'retry',
  'upstream',
  'timeout',
  'ok',
  'db',
  'pool',
  'worker',
  'shard',
  'lease',
];

function logLine(i: number): string {
  const time = new Date(1_700_000_000_000 + i * 37).toISOString();
  const level = pick(['INFO', 'INFO', 'INFO', 'WARN', 'DEBUG', 'ERROR']);
  const secret = pick(secrets).value;
  switch (i % 400 === 0 ? Math.floor(random() * 3) : 3 + Math.floor(random() * 3)) {
    case 0:
      return `${time} ${level} using token ${secret} for the call\n`;
    case 1:
      return `${time} ${level} curl https://api.example.com/v1?key=${encodeURIComponent(secret)}&x=1\n`;
    case 2:
      return `${time} ${level} > Authorization: Basic ${Buffer.from(`deploy:${secret}`).toString('base64')}\n`;
    case 3:
      return `${time} ${level} ${Array.from({ length: 8 }, () => pick(words)).join(' ')} id=${token(10)}\n`;
    case 4:
      return `${time} ${level} {"event":"${pick(words)}","ms":${Math.floor(random() * 900)},"path":"/api/${token(6)}"}\n`;
    default:
      return `${time} ${level} payload=${Buffer.from(token(30)).toString('base64')} 🚀 ok\n`;
  }
}

const lines: string[] = [];
let length = 0;
for (let i = 0; length < targetLength; i += 1) {
  const line = logLine(i);
  lines.push(line);
  length += line.length;
}
const text = lines.join('');
const chunks: string[] = [];
for (let at = 0; at < text.length; at += chunkLength) chunks.push(text.slice(at, at + chunkLength));
const megabytes = Buffer.byteLength(text) / 1e6;
const redactor = createRedactor(secrets);

function streamOnce(): { ms: number; out: string } {
  const started = performance.now();
  const stream = createStreamRedactor(redactor);
  const parts: string[] = [];
  for (const chunk of chunks) parts.push(stream.push(chunk));
  parts.push(stream.flush());
  return { ms: performance.now() - started, out: parts.join('') };
}

const forms = secrets.flatMap((secret) => secretForms(secret.value)).sort((a, b) => b.length - a.length);
const alternatives = new RegExp(forms.map((form) => form.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), 'g');
function regexOnce(): number {
  const started = performance.now();
  text.replace(alternatives, '[REDACTED]');
  return performance.now() - started;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const warm = streamOnce();
if (warm.out !== redactor.redact(text)) throw new Error('stream output differs from whole-text redaction');
if (secrets.some((secret) => warm.out.includes(secret.value))) throw new Error('a secret survived');
const streamMs = median(Array.from({ length: 5 }, () => streamOnce().ms));
regexOnce();
const regexMs = median(Array.from({ length: 3 }, regexOnce));

console.log(
  `input: ${megabytes.toFixed(1)} MB, ${lines.length} lines, ${secrets.length} secrets (${redactor.maxMatchLength} code units longest form, ${forms.length} forms), ${chunks.length} chunks of ${chunkLength / 1024} KiB`,
);
console.log(
  `stream redactor: ${(megabytes / (streamMs / 1000)).toFixed(0)} MB/s (median ${streamMs.toFixed(0)} ms over 5 runs)`,
);
console.log(
  `for comparison, one RegExp of ${forms.length} alternatives on the whole text: ${(megabytes / (regexMs / 1000)).toFixed(0)} MB/s`,
);
