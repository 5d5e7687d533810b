import { readFile, readdir } from 'node:fs/promises';
import { Agent, request } from 'node:http';

/**
 * What the storm bench watches of a server while the storm runs: its health endpoint, polled
 * every 100 ms on a connection of its own (a probe that times out at 5 s counts as 5 s), and its
 * process in /proc: peak resident memory and the CPU it used (user + system ticks) over the storm.
 */
export interface Watch {
  /** Stops polling and returns the readings. */
  stop(): Promise<WatchResult>;
}

export interface WatchResult {
  /** Milliseconds per health probe. */
  health: number[];
  healthFailures: number;
  peakRssMb: number;
  /** CPU time over wall time, in percent of one core. */
  cpuPercent: number;
}

const clockTicksPerSecond = 100;

/** Starts watching process `pid` and `healthUrl`. */
export function watchServer(pid: number, healthUrl: string): Watch {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const health: number[] = [];
  let failures = 0;
  let peakRss = 0;
  let stopped = false;
  const start = performance.now();
  const firstTicks = cpuTicks(pid);
  // The last reading while the process lived: a process killed -9 mid-storm has no /proc at the end.
  let lastTicks = { ticks: 0, at: start };
  const pollHealth = async (): Promise<void> => {
    while (!stopped) {
      const sent = performance.now();
      if (!(await probe(agent, healthUrl))) failures += 1;
      health.push(performance.now() - sent);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 100 - (performance.now() - sent))));
    }
  };
  const pollMemory = async (): Promise<void> => {
    while (!stopped) {
      peakRss = Math.max(peakRss, await rssKb(pid));
      const ticks = await cpuTicks(pid);
      if (ticks > 0) lastTicks = { ticks, at: performance.now() };
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  };
  const loops = Promise.all([pollHealth(), pollMemory()]);
  return {
    async stop() {
      const before = await firstTicks;
      const ticks = await cpuTicks(pid);
      const after = ticks > 0 ? { ticks, at: performance.now() } : lastTicks;
      const seconds = (after.at - start) / 1000;
      stopped = true;
      await loops;
      agent.destroy();
      return {
        health,
        healthFailures: failures,
        peakRssMb: peakRss / 1024,
        cpuPercent: seconds > 0 ? ((after.ticks - before) / clockTicksPerSecond / seconds) * 100 : Number.NaN,
      };
    },
  };
}

function probe(agent: Agent, url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(url, { agent, timeout: 5000 }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode === 200));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(false));
    req.end();
  });
}

/** utime + stime of `pid` (fields 14 and 15 of /proc/PID/stat, after the command's parenthesis); 0 once gone. */
async function cpuTicks(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
}

async function rssKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0);
}

/** The process whose command line holds `argument` (Alertmanager's listen address): its pid. */
export async function pidWithArgument(argument: string): Promise<number> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const command = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (command.split('\0').includes(argument)) return Number(entry);
  }
  throw new Error(`no process with ${argument} on its command line`);
}
