import { readFileSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeCodeBlock } from '../../../src/runbooks/steps/analyze-code-block.js';
import type { StepAnalysis, StepCommand } from '../../../src/runbooks/steps/step-types.js';

import { seedDirectory as seedDir, seedsAvailable } from '../../support/seeds.js';

interface SeedBlock {
  file: string;
  lang: string;
  meta: string;
  code: string;
}

/** Every fenced block of the seeds; fences inside list items are indented, so is their code. */
function seedBlocks(): SeedBlock[] {
  const blocks: SeedBlock[] = [];
  if (!seedsAvailable) return blocks;
  for (const file of readdirSync(seedDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()) {
    const text = readFileSync(`${seedDir}/${file}`, 'utf8');
    for (const match of text.matchAll(/^( *)```(\S*)([^\n]*)\n([\s\S]*?)^\1```/gm)) {
      const indent = match[1]?.length ?? 0;
      const lines = (match[4] ?? '').replace(/\n$/, '').split('\n');
      const code = lines.map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length))).join('\n');
      blocks.push({ file, lang: match[2] ?? '', meta: (match[3] ?? '').trim(), code });
    }
  }
  return blocks;
}

describe.skipIf(!seedsAvailable)('analysing the code blocks of the five seed runbooks', () => {
  const blocks = seedBlocks();
  let analyses: StepAnalysis[] = [];

  beforeAll(async () => {
    analyses = await Promise.all(
      blocks.map((block) => analyzeCodeBlock({ lang: block.lang, code: block.code, meta: block.meta })),
    );
  });

  const commands = (file?: string): { command: StepCommand; analysis: StepAnalysis; block: SeedBlock }[] =>
    analyses.flatMap((analysis, index) => {
      const block = blocks[index] as SeedBlock;
      if (file !== undefined && !block.file.startsWith(file)) return [];
      return analysis.groups.flatMap((group) => group.commands.map((command) => ({ command, analysis, block })));
    });
  const commandStarting = (text: string, file?: string): StepCommand => {
    const found = commands(file).find(({ command }) => command.text.startsWith(text));
    if (found === undefined) throw new Error(`no command starts with ${text}`);
    return found.command;
  };
  const analysisWith = (text: string, file?: string): StepAnalysis => {
    const found = commands(file).find(({ command }) => command.text.startsWith(text));
    if (found === undefined) throw new Error(`no command starts with ${text}`);
    return found.analysis;
  };

  it('finds the fenced blocks of every seed and analyses them all without a parse error', () => {
    expect(blocks.length).toBeGreaterThan(100);
    expect(new Set(blocks.map((block) => block.file)).size).toBe(5);
    expect(analyses).toHaveLength(blocks.length);
    expect(analyses.filter((analysis) => analysis.parseError !== null)).toEqual([]);
    expect(analyses.filter((analysis) => analysis.kind === 'shell').length).toBeGreaterThan(80);
  });

  it('keeps command texts and parameter spans exact slices of the code', () => {
    analyses.forEach((analysis, index) => {
      const code = (blocks[index] as SeedBlock).code;
      for (const group of analysis.groups)
        for (const command of group.commands) expect(code.slice(command.start, command.end)).toBe(command.text);
      for (const parameter of analysis.parameters)
        for (const occurrence of parameter.occurrences)
          expect(code.slice(occurrence.start, occurrence.end)).toBe(occurrence.raw);
    });
  });

  it('classifies the Redis, Celery and systemd commands of the dispatch runbook', () => {
    expect(commandStarting('redis-cli del "dispatch:lock:1:2024-01-15"').level).toBe('destructive');
    expect(commandStarting('redis-cli del').reasons[0]?.reason).toBe('redis-cli DEL deletes keys');
    expect(commandStarting('celery -A celery_app purge').level).toBe('destructive');
    expect(commandStarting('redis-cli flushall').reasons[0]?.reason).toBe('redis-cli FLUSHALL deletes every key');
    expect(commandStarting('redis-cli keys "dispatch:lock:*"').level).toBe('read-only');
    expect(commandStarting('celery -A celery_app inspect active').level).toBe('read-only');
    expect(commandStarting('celery -A celery_app worker').level).toBe('changing');
    const restart = commandStarting('sudo systemctl restart osrm');
    expect(restart).toMatchObject({
      level: 'changing',
      argv0: 'systemctl',
      wrappers: ['sudo'],
      argv: ['systemctl', 'restart', 'osrm'],
    });
  });

  it('gives the revoke command its task_id parameter', () => {
    const analysis = analysisWith('celery -A celery_app control revoke <task_id>');
    expect(commandStarting('celery -A celery_app control revoke').level).toBe('destructive');
    expect(analysis.risk).toBe('destructive');
    expect(analysis.parameters).toEqual([
      expect.objectContaining({
        name: 'task_id',
        form: 'angle',
        secret: false,
        token: '<task_id>',
        occurrences: [expect.objectContaining({ line: 2 })],
      }),
    ]);
  });

  it('treats curl GETs as read-only and curl -X POST -d as changing, with $TOKEN a secret', () => {
    const get = commandStarting('curl -s http://localhost:5000/route/v1/driving');
    expect(get.level).toBe('read-only');
    expect(analysisWith('curl -s http://localhost:5000/api/company_dispatch_health/health').risk).toBe('read-only');
    const post = analysisWith('curl -X POST http://localhost:5000/api/company_dispatch/run');
    expect(post.risk).toBe('changing');
    expect(post.parameters).toEqual([
      expect.objectContaining({ name: 'TOKEN', form: 'env', secret: true, token: '$TOKEN' }),
    ]);
  });

  it('notices the unquoted ";" that splits the OSRM URL into a second, harmless command', () => {
    const first = analysisWith('curl -s http://localhost:5000/route/v1/driving');
    const split = first.groups[0]?.commands[1];
    expect(split?.argv0).toBe('6.6330,46.5200');
    expect(split?.reasons[0]?.reason).toMatch(/not a command/);
    expect(first.risk).toBe('read-only');
  });

  it('titles commands with the comment line above them', () => {
    const first = analysisWith('curl -s http://localhost:5000/route/v1/driving');
    expect(first.groups.map((group) => group.title)).toEqual(["Vérifier la santé d'OSRM", 'Vérifier les logs']);
    expect(analysisWith('sudo systemctl restart osrm').groups.map((group) => group.title)).toEqual([null]);
  });

  it('finds the {{ }} placeholders of the SQL blocks of the AKIG runbook', () => {
    const sqlBlocks = analyses.filter(
      (analysis, index) => analysis.kind === 'sql' && (blocks[index] as SeedBlock).file.startsWith('001'),
    );
    expect(sqlBlocks).toHaveLength(2);
    const agent = sqlBlocks[1]?.parameters.find((parameter) => parameter.name === 'agent_id');
    expect(agent).toMatchObject({ form: 'mustache', token: '{{ agent_id }}' });
    expect(agent?.occurrences).toHaveLength(3);
    expect(sqlBlocks.every((analysis) => analysis.risk === 'read-only' && analysis.executable)).toBe(true);
    expect(sqlBlocks[1]?.groups.map((group) => group.title)).toEqual([
      "Historique de performance de l'agent",
      'Sessions gÃ©olocalisation',
      'Actions du jour',
    ]);
    const template = analyses.find((analysis) =>
      analysis.parameters.some((parameter) => parameter.name === 'nb_impayes'),
    );
    expect(template).toMatchObject({ kind: 'config', executable: false });
    expect(template?.parameters.map((parameter) => parameter.name)).toEqual([
      'nb_impayes',
      'affected_sites',
      'total_montant',
    ]);
  });

  it('looks inside docker exec, heredocs fed to psql, and psql -c', () => {
    expect(commandStarting('docker exec akig-backend psql -h postgres -U akig_user -d akig <<EOF').level).toBe(
      'read-only',
    );
    expect(commandStarting('docker exec akig-db psql -U akig_user -c \\\n  "SELECT pg_terminate_backend').level).toBe(
      'destructive',
    );
    expect(commandStarting('docker exec akig-cache redis-cli FLUSHDB').reasons[0]?.reason).toBe(
      'redis-cli FLUSHDB deletes every key of the database (via docker exec akig-cache)',
    );
    expect(commandStarting('gunzip -c /backups/postgres/postgres-backup-2025-10-26.sql.gz').level).toBe('destructive');
    expect(commandStarting('find /backups/postgres -name "*.sql.gz" -mtime +30 -delete').level).toBe('destructive');
    expect(commandStarting('VACUUM ANALYZE').level).toBe('changing');
  });

  it('classifies the docker compose runbook, with its REDIS_PASSWORD secret', () => {
    expect(commandStarting('docker compose exec redis redis-cli -a ${REDIS_PASSWORD} FLUSHALL').level).toBe(
      'destructive',
    );
    const password = analysisWith('docker compose exec redis redis-cli -a ${REDIS_PASSWORD} ping').parameters;
    expect(password).toEqual([
      expect.objectContaining({ name: 'REDIS_PASSWORD', form: 'env', secret: true, token: '${REDIS_PASSWORD}' }),
    ]);
    expect(
      commandStarting('docker compose exec postgres psql -U manchengo -d manchengo_erp \\\n  -c "UPDATE').level,
    ).toBe('changing');
    expect(commandStarting('./infra/backup/restore-postgres.sh').level).toBe('destructive');
    expect(commandStarting('./infra/deploy/rollback.sh').level).toBe('destructive');
    expect(analysisWith('git clone <repo-url>').parameters.map((parameter) => parameter.name)).toEqual(['repo_url']);
  });

  it('classifies the Kubernetes runbook', () => {
    expect(commandStarting('kubectl get pods -n rag-production')).toMatchObject({
      level: 'read-only',
      argv0: 'kubectl',
    });
    expect(commandStarting('kubectl rollout restart deployment/rag-api').level).toBe('changing');
    expect(commandStarting('kubectl exec -it deployment/postgres').level).toBe('read-only');
    expect(commandStarting("kubectl patch deployment rag-api -n rag-production -p '{\n").endLine).toBe(20);
  });

  it('classifies the SafarGo runbook, rollbacks and restores included', () => {
    expect(commandStarting('docker system prune -f').level).toBe('destructive');
    expect(commandStarting('psql -h prod-db -U postgres -d safargo < backup_20241201.sql').level).toBe('destructive');
    expect(commandStarting('eas update:rollback').level).toBe('destructive');
    expect(commandStarting('vercel rollback').level).toBe('destructive');
    expect(commandStarting('curl -X POST https://api.safargo.com').level).toBe('changing');
    const yaml = analyses.find((analysis) => analysis.language === 'yaml');
    expect(yaml).toMatchObject({ kind: 'config', executable: false, groups: [], risk: 'read-only' });
  });
});
