import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../src/execution/redaction/create-redactor.js';
import { createStreamRedactor } from '../../../src/execution/redaction/create-stream-redactor.js';
import { secretForms } from '../../../src/execution/redaction/secret-forms.js';
import {
  expectedHeld,
  int,
  randomChunks,
  randomOutput,
  randomSecrets,
  referenceRedact,
  seededRandom,
} from './random-cases.js';

const caseCount = 400;
const seeds = Array.from({ length: caseCount }, (_, i) => 1000 + i);

describe('redaction of random output with random secrets', () => {
  it(`gives the same text streamed in random chunks as redacted whole, for ${caseCount} seeds`, () => {
    for (const seed of seeds) {
      const random = seededRandom(seed);
      const secrets = randomSecrets(random);
      const redactor = createRedactor(secrets);
      const whole = randomOutput(random, secrets);
      const stream = createStreamRedactor(redactor);
      const pieces = randomChunks(random, whole, int(random, 1, 3) === 1 ? 2 : 40).map((chunk) => stream.push(chunk));
      expect(pieces.join('') + stream.flush(), `seed ${seed}`).toBe(redactor.redact(whole));
    }
  });

  it('replaces exactly what a brute-force search of every form finds, overlaps fused', () => {
    for (const seed of seeds) {
      const random = seededRandom(seed);
      const secrets = randomSecrets(random);
      const whole = randomOutput(random, secrets);
      expect(createRedactor(secrets).redact(whole), `seed ${seed}`).toBe(referenceRedact(whole, secrets));
    }
  });

  it('leaves no secret in any of its forms in the output', () => {
    for (const seed of seeds) {
      const random = seededRandom(seed);
      const secrets = randomSecrets(random);
      const out = createRedactor(secrets).redact(randomOutput(random, secrets));
      for (const secret of secrets) {
        for (const form of secretForms(secret.value))
          expect(out.includes(form), `seed ${seed}: ${JSON.stringify(form)}`).toBe(false);
      }
    }
  });

  it('holds back exactly the longest tail that could still begin a secret form, never more', () => {
    for (const seed of seeds.slice(0, 150)) {
      const random = seededRandom(seed);
      const secrets = randomSecrets(random);
      const forms = secrets.flatMap((secret) => secretForms(secret.value));
      const redactor = createRedactor(secrets);
      const stream = createStreamRedactor(redactor);
      let seen = '';
      for (const chunk of randomChunks(random, randomOutput(random, secrets), 25)) {
        stream.push(chunk);
        seen += chunk;
        expect(stream.heldBack, `seed ${seed} after ${JSON.stringify(seen.slice(-20))}`).toBe(
          expectedHeld(seen, forms),
        );
        expect(stream.heldBack).toBeLessThanOrEqual(redactor.maxMatchLength - 1);
      }
    }
  });

  it('redacts the same whatever the chunk size, down to one code unit per chunk', () => {
    for (const seed of seeds.slice(0, 60)) {
      const random = seededRandom(seed);
      const secrets = randomSecrets(random);
      const redactor = createRedactor(secrets);
      const whole = randomOutput(random, secrets);
      const expected = redactor.redact(whole);
      for (const size of [1, 2, 3, 7, 64]) {
        const stream = createStreamRedactor(redactor);
        let out = '';
        for (let at = 0; at < whole.length; at += size) out += stream.push(whole.slice(at, at + size));
        expect(out + stream.flush(), `seed ${seed}, chunks of ${size}`).toBe(expected);
      }
    }
  });
});
