import { afterEach, describe, expect, it } from 'vitest';
import { runShellProcess, type RunShellProcessInput } from '../../../src/execution/process/run-shell-process.js';
import { chunkLog, groupMembers, isAlive, sleep } from './process-probes.js';

const run = (script: string, extra: Partial<RunShellProcessInput> = {}) => {
  const log = chunkLog();
  const done = runShellProcess({
    script,
    timeoutMs: 10_000,
    maxOutputBytes: 1_000_000,
    onOutput: log.onOutput,
    killGraceMs: 500,
    ...extra,
  });
  return { log, done };
};

describe('runShellProcess', () => {
  it('reports the exit code of the last command, without -e or pipefail', async () => {
    expect(await run('exit 3').done).toMatchObject({ outcome: 'exited', exitCode: 3, signal: null, error: null });
    const { log, done } = run('false; echo still here; false | true');
    expect(await done).toMatchObject({ outcome: 'exited', exitCode: 0 });
    expect(log.text('stdout')).toBe('still here\n');
  });

  it('keeps stdout and stderr apart and numbers chunks across both', async () => {
    const { log, done } = run('echo a; echo b >&2; echo c');
    expect(await done).toMatchObject({ exitCode: 0, stdoutBytes: 4, stderrBytes: 2, truncatedBytes: 0 });
    expect([log.text('stdout'), log.text('stderr')]).toEqual(['a\nc\n', 'b\n']);
    expect(log.chunks.map((chunk) => chunk.seq)).toEqual(log.chunks.map((_, index) => index));
  });

  it('stamps each chunk with the clock it is given, not the system clock', async () => {
    const at = new Date('2030-01-02T03:04:05Z');
    const { log, done } = run('echo a; echo b >&2', { now: () => at });
    await done;
    expect(log.chunks.length).toBeGreaterThan(0);
    expect(log.chunks.every((chunk) => chunk.at.getTime() === at.getTime())).toBe(true);
  });

  it('delivers chunks of both streams in the order they arrive', async () => {
    const { log, done } = run('echo a; sleep 0.2; echo b >&2; sleep 0.2; echo c');
    await done;
    expect(log.chunks.map(({ stream, text }) => [stream, text])).toEqual([
      ['stdout', 'a\n'],
      ['stderr', 'b\n'],
      ['stdout', 'c\n'],
    ]);
  });

  it('delivers the output of a slow step as it comes, not at the end', async () => {
    const { log, done } = run('for i in 1 2 3 4; do echo "$i"; sleep 1; done');
    const result = await done;
    expect(log.text('stdout')).toBe('1\n2\n3\n4\n');
    const times = log.chunks.map((chunk) => chunk.at.getTime());
    expect((times.at(-1) ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(2500);
    expect(result.durationMs).toBeGreaterThanOrEqual(3500);
  });

  it('kills the whole process group, background grandchildren included, on timeout', async () => {
    let members: number[] = [];
    const { done } = run('sleep 100 & (sleep 100; echo x) | cat & sleep 100', {
      timeoutMs: 700,
      onStart: ({ pid }) => void sleep(400).then(() => (members = groupMembers(pid))),
    });
    const result = await done;
    expect(result).toMatchObject({ outcome: 'timed-out', exitCode: null, signal: 'SIGTERM' });
    // bash, the background sleep, the subshell and its sleep, cat, the foreground sleep.
    expect(members.length).toBeGreaterThanOrEqual(6);
    await sleep(200);
    expect(members.filter(isAlive)).toEqual([]);
  });

  it('kills the whole process group when cancelled', async () => {
    const controller = new AbortController();
    let members: number[] = [];
    const { done } = run('sleep 100 & sleep 100 | cat', {
      signal: controller.signal,
      onStart: ({ pid }) =>
        void sleep(400).then(() => {
          members = groupMembers(pid);
          controller.abort();
        }),
    });
    expect(await done).toMatchObject({ outcome: 'cancelled', signal: 'SIGTERM' });
    expect(members.length).toBeGreaterThanOrEqual(4);
    await sleep(200);
    expect(members.filter(isAlive)).toEqual([]);
  });

  it('does not start a step whose signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const { log, done } = run('echo never', { signal: controller.signal });
    expect(await done).toMatchObject({ outcome: 'cancelled', exitCode: null });
    expect(log.chunks).toEqual([]);
  });

  it('sends SIGKILL after the grace period to a step that ignores SIGTERM', async () => {
    let members: number[] = [];
    const { done } = run("trap '' TERM; sleep 100 & sleep 100", {
      timeoutMs: 300,
      killGraceMs: 300,
      onStart: ({ pid }) => void sleep(150).then(() => (members = groupMembers(pid))),
    });
    expect(await done).toMatchObject({ outcome: 'timed-out', signal: 'SIGKILL' });
    await sleep(200);
    expect(members.filter(isAlive)).toEqual([]);
  });

  it('terminates background processes a step leaves behind when it ends', async () => {
    const { log, done } = run('sleep 100 & echo $!');
    const started = Date.now();
    expect(await done).toMatchObject({ outcome: 'exited', exitCode: 0 });
    expect(Date.now() - started).toBeLessThan(1500);
    await sleep(200);
    expect(isAlive(Number(log.text('stdout')))).toBe(false);
  });

  it('stops delivering after the output cap, with one marker, and counts the rest', async () => {
    const { log, done } = run("head -c 5000 /dev/zero | tr '\\0' a; echo; echo err >&2", { maxOutputBytes: 1000 });
    expect(await done).toMatchObject({ exitCode: 0, stdoutBytes: 5001, stderrBytes: 4, truncatedBytes: 4005 });
    expect(log.text('stdout')).toBe(`${'a'.repeat(1000)}[output truncated after 1000 bytes]`);
    expect(log.text('stderr')).toBe('');
    expect(log.chunks.filter((chunk) => chunk.text.startsWith('[output truncated'))).toHaveLength(1);
  });

  it('never cuts a character in two at the cap', async () => {
    const { log, done } = run("printf 'a\\xc3\\xa9b'", { maxOutputBytes: 2 });
    expect(await done).toMatchObject({ stdoutBytes: 4, truncatedBytes: 3 });
    expect(log.text('stdout')).toBe('a[output truncated after 1 bytes]');
  });

  it('keeps a multi-byte character whole when it arrives split across two reads', async () => {
    const { log, done } = run("printf '\\xc3'; sleep 0.3; printf '\\xa9\\n'");
    await done;
    expect(log.text('stdout')).toBe('é\n');
  });

  describe('environment', () => {
    afterEach(() => {
      delete process.env['ASTREINTE_TEST_LEAK'];
    });

    it('gives the step a minimal environment, not the server one', async () => {
      process.env['ASTREINTE_TEST_LEAK'] = '1';
      const { log, done } = run('echo "${ASTREINTE_TEST_LEAK-unset} $TERM $ASTREINTE_P_x"; env | cut -d= -f1 | sort', {
        env: { ASTREINTE_P_x: 'v' },
      });
      await done;
      const [first, ...names] = log.text('stdout').trim().split('\n');
      expect(first).toBe('unset dumb v');
      expect(
        names.filter(
          (name) => !['PATH', 'HOME', 'LANG', 'TERM', 'ASTREINTE_P_x', 'PWD', 'SHLVL', '_', 'OLDPWD'].includes(name),
        ),
      ).toEqual([]);
    });

    it('keeps secret values out of the command line of every process of the step', async () => {
      const secret = 'tk_live_0123456789abcdef';
      let args = '';
      let cmdline = '';
      // A trailing command, or bash would exec `sleep` in its own place.
      const { log, done } = run('[ "$ASTREINTE_P_TOKEN" = "$EXPECTED" ] && echo seen; sleep 1; true', {
        env: { ASTREINTE_P_TOKEN: secret, EXPECTED: secret },
        onStart: ({ pid }) =>
          void sleep(300).then(async () => {
            const { execFileSync } = await import('node:child_process');
            args = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
            cmdline = (await import('node:fs')).readFileSync(`/proc/${pid}/cmdline`, 'utf8');
          }),
      });
      await done;
      expect(log.text('stdout')).toBe('seen\n');
      expect(cmdline).toContain('astreinte-step');
      expect(args).toContain('sleep 1');
      expect(args).not.toContain(secret);
    });
  });

  it('runs in the given directory and names itself astreinte-step in errors', async () => {
    const { log, done } = run('pwd; no-such-command-xyz', { cwd: '/tmp' });
    expect(await done).toMatchObject({ exitCode: 127 });
    expect(log.text('stdout')).toBe('/tmp\n');
    expect(log.text('stderr')).toBe('astreinte-step: line 1: no-such-command-xyz: command not found\n');
  });

  it('reports failed-to-start with the reason when bash cannot start', async () => {
    const result = await run('echo hi', { cwd: '/nonexistent/astreinte' }).done;
    expect(result).toMatchObject({ outcome: 'failed-to-start', exitCode: null, signal: null });
    expect(result.error).toMatch(/\/nonexistent\/astreinte.*ENOENT/);
  });

  it('terminates the step and rejects when the output callback throws', async () => {
    let pid = 0;
    const done = runShellProcess({
      script: 'echo boom; sleep 100',
      timeoutMs: 10_000,
      maxOutputBytes: 1000,
      killGraceMs: 300,
      onStart: (info) => void (pid = info.pid),
      onOutput: () => {
        throw new Error('consumer broke');
      },
    });
    await expect(done).rejects.toThrow('consumer broke');
    await sleep(200);
    expect(isAlive(pid)).toBe(false);
  });
});
