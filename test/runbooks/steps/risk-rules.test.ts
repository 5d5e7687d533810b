import { describe, expect, it } from 'vitest';
import { analyzeCodeBlock } from '../../../src/runbooks/steps/analyze-code-block.js';
import { matchCommandRules } from '../../../src/runbooks/steps/match-rules.js';
import { commandRules } from '../../../src/runbooks/steps/risk-rules.js';
import type { RiskLevel } from '../../../src/runbooks/steps/step-types.js';

const levelOf = async (command: string): Promise<RiskLevel> =>
  (await analyzeCodeBlock({ lang: 'bash', code: command })).risk;

const readOnly = [
  'curl -s http://localhost:5000/health',
  'curl -I https://app',
  'curl -s -o /dev/null -w "%{http_code}" http://x',
  'wget -qO- http://x',
  'tail -n 100 app.log',
  'cat /etc/hosts',
  'grep -i error app.log',
  'less app.log',
  'head -5 f',
  'ls -la',
  'df -h',
  'du -sh /var',
  'ps aux',
  'top -b -n 1',
  'free -m',
  'uptime',
  'ping -c 3 db',
  'dig example.com',
  'nslookup db',
  'netstat -tlnp',
  'ss -s',
  'journalctl -u nginx -n 100',
  'systemctl status nginx',
  'docker ps -a',
  'docker logs -f api',
  'docker inspect api',
  'docker stats --no-stream',
  'docker compose ps',
  'docker compose logs api',
  'kubectl get pods -n prod',
  'kubectl -n prod describe pod api-0',
  'kubectl logs api-0',
  'kubectl top nodes',
  'redis-cli ping',
  'redis-cli -h cache -p 6380 info memory',
  'redis-cli get key',
  'redis-cli ttl key',
  'redis-cli --scan --pattern "a:*"',
  'redis-cli dbsize',
  'redis-cli llen queue',
  'celery -A app inspect active',
  'psql -c "SELECT 1"',
  'pg_isready -h db',
  'jq . f.json',
  'echo hi',
  'date',
  'openssl s_client -connect host:443',
  'git status',
  'helm list -A',
  'crontab -l',
  'sed -n 1,10p f',
  'tar -tzf a.tgz',
];
const changing = [
  'systemctl restart nginx',
  'systemctl reload nginx',
  'sudo systemctl start redis',
  'systemctl stop app',
  'docker restart api',
  'docker start db',
  'docker stop db',
  'docker compose up -d',
  'docker-compose restart api',
  'docker compose down',
  'kubectl patch deploy api -p "{}"',
  'kubectl apply -f x.yaml',
  'kubectl scale deploy api --replicas=3',
  'kubectl rollout restart deploy/api',
  'kubectl set image deploy/api a=b',
  'curl -X POST http://x',
  'curl -XPUT http://x',
  'curl --request PATCH http://x',
  'curl -d a=1 http://x',
  'curl --data-raw "{}" http://x',
  'psql -c "UPDATE t SET a = 1"',
  'psql -c "INSERT INTO t VALUES (1)"',
  'psql -c "VACUUM"',
  'psql -c "REINDEX TABLE t"',
  'psql -c "ALTER TABLE t ADD c int"',
  'redis-cli set k v',
  'redis-cli expire k 10',
  'redis-cli config set maxmemory 2gb',
  'celery -A app worker -l info',
  'npm install',
  'pm2 restart api',
  'git pull',
  "sed -i 's/a/b/' f",
  'cp a b',
  'mv a b',
  'mkdir -p /x',
  'chmod 600 f',
  'kill 1234',
  'helm upgrade api chart',
  'frobnicate --all',
];
const destructive = [
  'redis-cli FLUSHALL',
  'redis-cli flushdb',
  'redis-cli DEL key',
  'redis-cli unlink key',
  'rm -f /tmp/x',
  'rm -rf /var/cache',
  'rm file',
  'psql -c "DROP TABLE t"',
  'psql -c "TRUNCATE t"',
  'psql -c "DELETE FROM t"',
  'psql -c "SELECT pg_terminate_backend(42)"',
  'celery -A app purge',
  'celery -A app control revoke abc',
  'kubectl rollout undo deploy/api',
  'helm rollback api 3',
  'git reset --hard HEAD~1',
  'migrate -path db -database $DB down 1',
  'alembic downgrade -1',
  'docker volume prune -f',
  'docker volume rm data',
  'docker system prune -af',
  'docker rm -f api',
  'docker compose down -v',
  'docker-compose down --volumes',
  'kubectl delete pod api-0',
  'dd if=/dev/zero of=/dev/sda',
  'mkfs.ext4 /dev/sdb1',
  'kill -9 1234',
  'kill -s KILL 1234',
  'pkill -f worker',
  'curl -X DELETE http://x/1',
  'pg_restore --clean -d app dump',
  'dropdb app',
  'psql -d app < backup.sql',
  'find /tmp -name "*.log" -delete',
  'git push --force',
  './scripts/rollback.sh',
];

describe('risk rules', () => {
  it.each(readOnly)('reads "%s" as read-only', async (command) => {
    expect(await levelOf(command)).toBe('read-only');
  });

  it.each(changing)('reads "%s" as changing', async (command) => {
    expect(await levelOf(command)).toBe('changing');
  });

  it.each(destructive)('reads "%s" as destructive', async (command) => {
    expect(await levelOf(command)).toBe('destructive');
  });

  it('explains levels in words a responder can read', () => {
    expect(matchCommandRules(['redis-cli', 'FLUSHALL'])).toEqual({
      level: 'destructive',
      reason: 'redis-cli FLUSHALL deletes every key',
    });
    expect(matchCommandRules(['docker', 'compose', 'down', '-v'])).toEqual({
      level: 'destructive',
      reason: 'docker compose down -v also deletes the named volumes (data)',
    });
    expect(matchCommandRules(['kubectl', '-n', 'prod', 'get', 'pods'])).toEqual({
      level: 'read-only',
      reason: 'kubectl get only reads',
    });
    expect(matchCommandRules(['frobnicate'])).toEqual({ level: 'changing', reason: 'unknown command' });
    expect(matchCommandRules(['kubectl', 'frob'])).toEqual({
      level: 'changing',
      reason: 'kubectl frob is not in the rules (assumed changing)',
    });
  });

  it('gives a step the highest level of its commands, with every reason', async () => {
    const analysis = await analyzeCodeBlock({
      lang: 'bash',
      code: 'redis-cli ping\nsudo systemctl restart redis\nredis-cli flushall',
    });
    expect(analysis.risk).toBe('destructive');
    expect(analysis.reasons).toEqual([
      { command: 'redis-cli ping', level: 'read-only', reason: 'redis-cli PING only reads' },
      { command: 'systemctl restart redis', level: 'changing', reason: 'systemctl restart changes a running service' },
      { command: 'redis-cli flushall', level: 'destructive', reason: 'redis-cli FLUSHALL deletes every key' },
    ]);
  });

  it('keeps the tables well-formed: known levels, non-empty reasons, no empty alternatives', () => {
    for (const rule of commandRules) {
      expect(['read-only', 'changing', 'destructive']).toContain(rule.level);
      expect(rule.reason.trim()).not.toBe('');
      expect(rule.programs.every((program) => program !== '')).toBe(true);
      expect(rule.sub.every((alternatives) => alternatives.every((word) => word !== ''))).toBe(true);
    }
  });
});
