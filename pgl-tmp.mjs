import { PGlite } from '@electric-sql/pglite';
const db = await PGlite.create({ dataDir: '/tmp/astr-d' });
const sel = `SELECT t.id AS token_id, t.role AS token_role, t.name AS token_name, u.role AS user_role, u.id AS user_id, u.name
      FROM api_tokens t LEFT JOIN users u ON u.id = t.user_id
     WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2)
       AND (t.role = 'runner' OR (u.id IS NOT NULL AND u.deactivated_at IS NULL))`;
const cte = `WITH token AS (${sel}), touched AS (
    UPDATE api_tokens SET last_used_at = $2
     WHERE id = (SELECT token_id FROM token) AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')
  ) SELECT * FROM token`;
const upd = `UPDATE api_tokens SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')`;
const hash = (await db.query('SELECT token_hash, id FROM api_tokens LIMIT 1')).rows[0];
console.log(hash ? 'token found' : 'no token');
async function time(name, fn, n = 500) { const t0 = performance.now(); for (let i = 0; i < n; i++) await fn(); console.log(name, ((performance.now() - t0) / n).toFixed(3)); }
for (let round = 0; round < 3; round++) {
  await time('cte', () => db.query(cte, [hash.token_hash, new Date()]));
  await time('select+update', async () => { await db.query(sel, [hash.token_hash, new Date()]); await db.query(upd, [hash.id, new Date()]); });
  await time('select', () => db.query(sel, [hash.token_hash, new Date()]));
  await time('select 1', () => db.query('SELECT 1'));
}
await db.close();
