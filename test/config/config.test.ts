import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('configuration', () => {
  const dirs: string[] = [];
  const tempDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'astreinte-config-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('has defaults that start the embedded database on 127.0.0.1:8080', () => {
    expect(loadConfig({ env: {} })).toEqual({
      host: '127.0.0.1',
      port: 8080,
      dataDir: './data',
      logLevel: 'info',
      logFormat: 'auto',
      bodyLimitBytes: 1048576,
      databasePoolSize: 10,
      shutdownTimeoutMs: 10000,
      demo: false,
      stepTimeoutMs: 60000,
      stepMaxOutputBytes: 1048576,
      stepConcurrency: 4,
      stepHeartbeatMs: 2000,
      alertSweepMs: 5000,
      alertInboxMaxAgeMs: 30000,
      alertInboxMaxDepth: 20000,
      timerPollMs: 250,
      liveSafetyPollMs: 10000,
      stepDenyList: expect.stringContaining('mkfs'),
      stepEnvironment: '',
      stepSecretEnv: '',
      probeTickMs: 200,
      probeConcurrency: 500,
      probeHistoryHours: 48,
      watchdogIntervalMs: 60000,
      stepQueueTimeoutMs: 600000,
      localRunner: true,
      runnerSandbox: 'bwrap',
      runnerWritablePaths: '',
      inboundSmtpHost: '127.0.0.1',
      inboundSmtpMaxBytes: 1048576,
      inboundSmtpMaxConnections: 20,
      inboundSmtpSessionMs: 60000,
    });
  });

  it('reads the runner settings, and refuses a sandbox it does not know', () => {
    const config = loadConfig({
      env: {
        ASTREINTE_LOCAL_RUNNER: 'false',
        ASTREINTE_RUNNER_SANDBOX: 'none',
        ASTREINTE_RUNNER_WRITABLE: '/srv/a:/srv/b',
      },
    });
    expect(config).toMatchObject({ localRunner: false, runnerSandbox: 'none', runnerWritablePaths: '/srv/a:/srv/b' });
    expect(() => loadConfig({ env: { ASTREINTE_RUNNER_SANDBOX: 'chroot' } })).toThrow(/ASTREINTE_RUNNER_SANDBOX/);
  });

  it("takes the team's time zone and refuses one Intl does not know", () => {
    expect(loadConfig({ env: { ASTREINTE_TIME_ZONE: 'Europe/Paris' } }).timeZone).toBe('Europe/Paris');
    expect(() => loadConfig({ env: { ASTREINTE_TIME_ZONE: 'Europe/Lyon' } })).toThrow(
      /ASTREINTE_TIME_ZONE: "Europe\/Lyon" is not an IANA time zone/,
    );
  });

  it('reads the environment and converts its text', () => {
    const config = loadConfig({
      env: {
        ASTREINTE_PORT: '9090',
        ASTREINTE_HOST: '0.0.0.0',
        DATABASE_URL: 'postgres://u@h/db',
        ASTREINTE_DEMO: 'true',
      },
    });
    expect(config).toMatchObject({ port: 9090, host: '0.0.0.0', databaseUrl: 'postgres://u@h/db', demo: true });
  });

  it('lets the environment override the file and the command line override both', () => {
    const dir = tempDir();
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ port: 7000, logLevel: 'debug', dataDir: '/srv/astreinte' }));
    const config = loadConfig({
      env: { ASTREINTE_CONFIG: file, ASTREINTE_PORT: '7001' },
      overrides: { logLevel: 'warn' },
    });
    expect(config).toMatchObject({ port: 7001, logLevel: 'warn', dataDir: '/srv/astreinte' });
  });

  it('reports every bad value at once, each with where it came from', () => {
    try {
      loadConfig({ env: { ASTREINTE_PORT: 'eighty', ASTREINTE_LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(3);
      expect(problems.find((p) => p.startsWith('ASTREINTE_PORT:'))).toContain('"eighty"');
      expect(problems.find((p) => p.startsWith('ASTREINTE_LOG_LEVEL:'))).toContain('"loud"');
      expect(problems.find((p) => p.startsWith('DATABASE_URL:'))).toContain('"mysql://x"');
    }
  });

  it('refuses a port out of range and an unknown key in the file', () => {
    const dir = tempDir();
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ prot: 1 }));
    expect(() => loadConfig({ env: { ASTREINTE_PORT: '70000' } })).toThrow(/ASTREINTE_PORT: .*70000/);
    expect(() => loadConfig({ env: {}, file })).toThrow(/unknown setting "prot"/);
    expect(() => loadConfig({ env: {}, file: join(dir, 'missing.json') })).toThrow(/missing\.json/);
  });

  it('refuses a deny list line that is not a regular expression, naming the line', () => {
    expect(() => loadConfig({ env: { ASTREINTE_STEP_DENY_LIST: 'rm -rf /\n\nkill (-9' } })).toThrow(
      /ASTREINTE_STEP_DENY_LIST: line 3 is not a regular expression/,
    );
    expect(loadConfig({ env: { ASTREINTE_STEP_DENY_LIST: '\\bshutdown\\b' } }).stepDenyList).toBe('\\bshutdown\\b');
  });

  it('checks the step environment and the names of secrets taken from the environment', () => {
    const config = loadConfig({
      env: {
        ASTREINTE_STEP_ENV: 'KUBECONFIG=/etc/kube/config\n# a comment\nAPP_ENV=prod eu',
        ASTREINTE_STEP_SECRET_ENV: 'REDIS_PASSWORD, PGPASSWORD',
      },
    });
    expect(config).toMatchObject({
      stepEnvironment: expect.stringContaining('KUBECONFIG'),
      stepSecretEnv: 'REDIS_PASSWORD, PGPASSWORD',
    });
    try {
      loadConfig({
        env: {
          ASTREINTE_STEP_ENV: 'GOOD=1\nno equals sign\nASTREINTE_P_x=1',
          ASTREINTE_STEP_SECRET_ENV: 'OK,not-a-name',
        },
      });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'ASTREINTE_STEP_ENV: line 2 must be NAME=value with NAME a shell variable name',
        'ASTREINTE_STEP_ENV: line 3: ASTREINTE_P_… names are reserved for step parameters',
        'ASTREINTE_STEP_SECRET_ENV: "not-a-name" is not an environment variable name',
      ]);
    }
  });
});
