import { describe, expect, it } from 'vitest';
import { analyzeCodeBlock } from '../../../src/runbooks/steps/analyze-code-block.js';
import type { StepCommand } from '../../../src/runbooks/steps/step-types.js';

const analyze = (code: string, lang = 'bash') => analyzeCodeBlock({ lang, code });
const commandsOf = async (code: string, lang = 'bash'): Promise<StepCommand[]> =>
  (await analyze(code, lang)).groups.flatMap((group) => group.commands);

describe('shell commands of a step', () => {
  it('splits a block into command lines with their line ranges', async () => {
    const commands = await commandsOf('docker ps\n\ndocker logs app; docker stats app\n');
    expect(commands.map(({ text, line, endLine }) => ({ text, line, endLine }))).toEqual([
      { text: 'docker ps', line: 1, endLine: 1 },
      { text: 'docker logs app', line: 3, endLine: 3 },
      { text: 'docker stats app', line: 3, endLine: 3 },
    ]);
  });

  it('keeps a pipeline or an && chain as one command and classifies every part', async () => {
    const [pipeline, chain] = await commandsOf(
      'tail -f /var/log/app.log | grep ERROR\ncd /srv/app && git pull && sudo systemctl restart app || echo failed',
    );
    expect(pipeline?.calls.map((call) => call.argv0)).toEqual(['tail', 'grep']);
    expect(pipeline?.level).toBe('read-only');
    expect(chain?.calls.map((call) => call.argv0)).toEqual(['cd', 'git', 'systemctl', 'echo']);
    expect(chain?.argv0).toBe('cd');
    expect(chain?.level).toBe('changing');
  });

  it('keeps backslash continuations and heredocs in one command', async () => {
    const code =
      'curl -X POST http://x \\\n  -H "Content-Type: application/json" \\\n  -d \'{"a": 1}\'\npsql -d app <<EOF\nDELETE FROM sessions;\nEOF\necho done';
    const commands = await commandsOf(code);
    expect(commands.map(({ line, endLine }) => [line, endLine])).toEqual([
      [1, 3],
      [4, 6],
      [7, 7],
    ]);
    expect(commands[1]?.text).toBe('psql -d app <<EOF\nDELETE FROM sessions;\nEOF');
    expect(commands[1]?.reasons[0]?.reason).toBe('DELETE FROM sessions deletes rows (via psql <<EOF)');
    expect(commands[0]?.argv).toEqual([
      'curl',
      '-X',
      'POST',
      'http://x',
      '-H',
      'Content-Type: application/json',
      '-d',
      '{"a": 1}',
    ]);
  });

  it('unwraps sudo, env, timeout, xargs and nice down to the real program', async () => {
    const commands = await commandsOf(
      'sudo -u postgres env PGDATABASE=app timeout 30 nice -n 10 psql -c "SELECT 1"\nls /tmp/old | xargs -n 1 rm -f',
    );
    expect(commands[0]).toMatchObject({
      argv0: 'psql',
      wrappers: ['sudo', 'env', 'timeout', 'nice'],
      level: 'read-only',
    });
    expect(commands[1]?.calls[1]).toEqual({ argv0: 'rm', argv: ['rm', '-f'], wrappers: ['xargs'] });
    expect(commands[1]?.level).toBe('destructive');
  });

  it('classifies commands inside $( ) and subshells', async () => {
    const [substitution, subshell] = await commandsOf('echo "removed: $(rm -rf /var/cache/app)"\n(cd /srv && ls)');
    expect(substitution?.argv0).toBe('echo');
    expect(substitution?.level).toBe('destructive');
    expect(subshell?.calls.map((call) => call.argv0)).toEqual(['cd', 'ls']);
  });

  it('looks inside sh -c, ssh, kubectl exec --, docker exec and find -exec', async () => {
    const commands = await commandsOf(
      [
        "sh -c 'redis-cli flushall'",
        'ssh deploy@web1 "sudo systemctl restart nginx"',
        'kubectl exec -it api-0 -n prod -- psql -c "TRUNCATE jobs"',
        'docker exec -e A=1 -it cache redis-cli -n 2 get key',
        'find /tmp -mtime +7 -exec rm {} \\;',
      ].join('\n'),
    );
    expect(commands.map((command) => command.level)).toEqual([
      'destructive',
      'changing',
      'destructive',
      'read-only',
      'destructive',
    ]);
    expect(commands[2]?.reasons[0]).toEqual({
      command: 'TRUNCATE jobs',
      level: 'destructive',
      reason: 'TRUNCATE jobs empties tables (via psql -c in kubectl exec api-0)',
    });
  });

  it('treats psql fed with a dump as a restore into a live database', async () => {
    const commands = await commandsOf(
      'psql -d app < backup.sql\ngunzip -c dump.sql.gz | psql -d app\npsql -d app -f migrate.sql',
    );
    expect(commands.map((command) => command.level)).toEqual(['destructive', 'destructive', 'changing']);
  });

  it('marks output redirections into files as changing', async () => {
    const [dump, quiet] = await commandsOf('pg_dump app > /tmp/app.sql\ncurl -s http://x > /dev/null 2>&1');
    expect(dump?.level).toBe('changing');
    expect(dump?.reasons.map((reason) => reason.reason)).toContain('writes output to /tmp/app.sql');
    expect(quiet?.level).toBe('read-only');
  });

  it('titles groups with the comment line above them until a blank line or the next comment', async () => {
    const analysis = await analyze(
      "# Vérifier la santé d'OSRM\ncurl -s http://localhost:5000/health\ncurl -s http://localhost:5000/ready\n# Vérifier les logs\ntail -n 50 app.log\n\nredis-cli ping\n# Doit retourner: PONG\n\n# Étape 1\n# Étape 2\nls",
    );
    expect(analysis.groups.map((group) => [group.title, group.commands.length])).toEqual([
      ["Vérifier la santé d'OSRM", 2],
      ['Vérifier les logs', 1],
      [null, 1],
      ['Étape 1 / Étape 2', 1],
    ]);
  });

  it('never takes a comment-looking line inside a heredoc for a title', async () => {
    const analysis = await analyze('cat <<EOF > notes.txt\n# not a title\nEOF\nls');
    expect(analysis.groups).toHaveLength(1);
    expect(analysis.groups[0]?.title).toBeNull();
  });

  it('strips $ prompts and skips the output lines of console blocks', async () => {
    const commands = await commandsOf(
      '$ kubectl get pods\nNAME    READY\napi-0   1/1\n$ redis-cli ping\nPONG',
      'console',
    );
    expect(commands.map((command) => command.text)).toEqual(['kubectl get pods', 'redis-cli ping']);
    expect(commands[0]?.start).toBe(2);
    const bash = await commandsOf('$ docker ps');
    expect(bash[0]?.argv).toEqual(['docker', 'ps']);
  });

  it('takes the five time fields of a crontab line for a wrapper', async () => {
    const [cron] = await commandsOf('0 2 * * * /usr/local/bin/rollback.sh --now');
    expect(cron).toMatchObject({ argv0: 'rollback.sh', wrappers: ['cron'], level: 'destructive' });
  });
});
