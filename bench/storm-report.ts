import { quantile } from './ingest-load.js';
import type { RoundResult } from './storm-rounds.js';

/**
 * The storm bench's table: one line per round, the tools side by side for each rate, then the
 * targets of issue 18 (Astreinte canary p99 < 1 s, /healthz p99 < 100 ms, 0 lost) and the notes.
 */
export function printRounds(
  rounds: readonly RoundResult[],
  run: { seconds: number; drainSeconds: number; kill: boolean },
): void {
  console.log(
    `storm of distinct alerts of one group for ${run.seconds} s, a canary (new critical group) every 500 ms; ` +
      `canaries waited for up to ${run.drainSeconds} s after the storm${run.kill ? '; Astreinte killed -9 halfway' : ''}`,
  );
  const columns: [string, number][] = [
    ['tool', 22],
    ['rate/s', 8],
    ['sent/s', 8],
    ['accepted', 10],
    ['processed', 10],
    ['inbox rows', 11],
    ['lost', 6],
    ['canary p50', 11],
    ['p99', 9],
    ['max', 9],
    ['paged', 8],
    ['healthz p99', 12],
    ['RSS MB', 8],
    ['CPU %', 7],
  ];
  const line = (cells: string[]): string =>
    cells
      .map((cell, index) => (index === 0 ? cell.padEnd(columns[0]![1]) : cell.padStart(columns[index]![1])))
      .join('');
  console.log(line(columns.map(([title]) => title)));
  for (const round of rounds) {
    const canaries = `${round.canaryLatencies.length}/${round.storm.canariesSent.size}`;
    console.log(
      line([
        round.tool,
        String(round.rate),
        (round.storm.sent / round.storm.seconds).toFixed(0),
        String(round.storm.accepted + round.storm.canariesAccepted),
        figure(round.processed),
        figure(round.backlog),
        String(round.lost),
        ms(quantile(round.canaryLatencies, 0.5)),
        ms(quantile(round.canaryLatencies, 0.99)),
        ms(round.canaryLatencies.length === 0 ? Number.NaN : Math.max(...round.canaryLatencies)),
        canaries,
        ms(quantile(round.watch.health, 0.99)),
        round.watch.peakRssMb.toFixed(0),
        round.watch.cpuPercent.toFixed(0),
      ]),
    );
  }
  for (const round of rounds.filter((round) => round.tool.startsWith('Astreinte'))) {
    const p99 = quantile(round.canaryLatencies, 0.99);
    const allPaged = round.canaryLatencies.length === round.storm.canariesSent.size;
    const met = (ok: boolean): string => (ok ? 'met' : 'NOT met');
    console.log(
      `${round.tool} at ${round.rate}/s: canary p99 < 1 s ${met(allPaged && p99 < 1000)}, ` +
        `/healthz p99 < 100 ms ${met(quantile(round.watch.health, 0.99) < 100)}, 0 lost ${met(round.lost === 0)}`,
    );
  }
  for (const round of rounds) {
    const samples =
      round.storm.errorSamples.length === 0 ? '' : `; first errors: ${round.storm.errorSamples.join(' | ')}`;
    const failures = round.watch.healthFailures > 0 ? `; ${round.watch.healthFailures} health probes failed` : '';
    if (round.notes.length + round.storm.errors + round.watch.healthFailures > 0)
      console.log(
        `${round.tool} at ${round.rate}/s: ${round.storm.errors} requests refused or failed${failures}${samples}` +
          (round.notes.length > 0 ? `; ${round.notes.join('; ')}` : ''),
      );
  }
}

function figure(value: number): string {
  return Number.isNaN(value) ? '-' : value.toFixed(0);
}

/** Milliseconds as ms below 10 s, as seconds above; '-' when no canary arrived. */
function ms(value: number): string {
  if (Number.isNaN(value)) return '-';
  return value < 10_000 ? `${value.toFixed(0)} ms` : `${(value / 1000).toFixed(1)} s`;
}
