/**
 * Times the runbook text layer on the five seed runbooks (~40 KB): `npx tsx bench/decode-seeds.ts`.
 * Prints the median over 50 runs, after a warm-up, of the time to decode all five, plus each
 * file's repair statistics. The target is well under 10 ms for the five.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { decodeRunbookText } from '../src/runbooks/text/decode-runbook-text.js';

const seedsDir = new URL('../../shared/seeds/', import.meta.url);
const names = readdirSync(seedsDir)
  .filter((name) => name.endsWith('.txt'))
  .sort();
const files = names.map((name) => readFileSync(new URL(name, seedsDir)));
const totalBytes = files.reduce((sum, bytes) => sum + bytes.length, 0);

function decodeAll(): number {
  const started = performance.now();
  for (const bytes of files) decodeRunbookText(bytes);
  return performance.now() - started;
}

const first = decodeAll();
for (let i = 0; i < 20; i += 1) decodeAll();
const times = Array.from({ length: 50 }, decodeAll).sort((a, b) => a - b);
const median = ((times[24] ?? 0) + (times[25] ?? 0)) / 2;

for (const [i, bytes] of files.entries()) {
  const { encoding, lineEndings, repairs } = decodeRunbookText(bytes);
  const codepage = repairs.codepage ?? '-';
  console.log(
    `${names[i]}  ${bytes.length} B  ${encoding} ${lineEndings}  repaired ${repairs.count} (${codepage}), unrepaired ${repairs.unrepaired}`,
  );
}
console.log(`first call (cold, builds the codepage tables): ${first.toFixed(2)} ms`);
console.log(
  `decode ${files.length} seeds (${(totalBytes / 1024).toFixed(1)} KB): median ${median.toFixed(3)} ms over 50 runs (min ${(times[0] ?? 0).toFixed(3)}, max ${(times[49] ?? 0).toFixed(3)})`,
);
