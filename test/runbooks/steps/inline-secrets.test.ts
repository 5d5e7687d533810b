import { describe, expect, it } from 'vitest';
import { analyzeCodeBlock } from '../../../src/runbooks/steps/analyze-code-block.js';
import { findInlineSecrets } from '../../../src/runbooks/steps/inline-secrets.js';

describe('inline secrets', () => {
  it('flags passwords, tokens and keys written into commands, by line', () => {
    const code = [
      'redis-cli -a password123 ping',
      "mysql -u root -p'secret' -e 'SELECT 1'",
      'PGPASSWORD=xyz psql -h db -c "SELECT 1"',
      'app --password=hunter2',
      'curl -H "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl" http://x',
      'psql postgres://admin:s3cr3t@db:5432/app',
      'curl -u admin:adminpass http://x',
    ].join('\n');
    const lines = findInlineSecrets(code).map((secret) => secret.line);
    expect(new Set(lines)).toEqual(new Set([1, 2, 3, 4, 5, 6, 7]));
    expect(findInlineSecrets(code).find((secret) => secret.line === 1)?.reason).toBe(
      'redis-cli -a passes the Redis password on the command line',
    );
  });

  it('never repeats the secret in the reason', () => {
    for (const secret of findInlineSecrets('redis-cli -a password123 ping\nexport API_TOKEN=abcdef123456')) {
      expect(secret.reason).not.toMatch(/password123|abcdef123456/);
    }
  });

  it('does not flag variables, placeholders or obvious stand-ins', async () => {
    const code = [
      'redis-cli -a ${REDIS_PASSWORD} ping',
      'redis-cli -a "$REDIS_PASSWORD" ping',
      'curl -H "Authorization: Bearer $TOKEN" http://x',
      'curl -H "Authorization: Bearer TOKEN" http://x',
      'export NEW_JWT_SECRET=$(openssl rand -base64 64)',
      'mysql -u root -p',
      'app --token=<api-token>',
      'app --password={{ db_password }}',
      'psql -p 5432 -h db',
    ].join('\n');
    expect((await analyzeCodeBlock({ lang: 'bash', code })).inlineSecrets).toEqual([]);
  });

  it('flags literal secrets in SQL and in config snippets too', async () => {
    expect(
      (await analyzeCodeBlock({ lang: 'sql', code: "ALTER ROLE app WITH PASSWORD 'n0tS0Secret';" })).inlineSecrets,
    ).toHaveLength(1);
    const yaml = await analyzeCodeBlock({ lang: 'yaml', code: 'db:\n  password: hunter2\n  token: ${TOKEN}' });
    expect(yaml.inlineSecrets).toEqual([{ line: 2, reason: 'a secret setting with a literal value' }]);
  });
});
