import { readdirSync, readFileSync } from 'node:fs';
import type { OutputChunk } from '../../../src/execution/process/output-collector.js';

/** `/proc/<pid>/stat` fields after the command name: state is the first, pgrp the third. */
function statOf(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** Every process whose process group is `pgid` (Linux /proc). */
export function groupMembers(pgid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => statOf(pid)?.[2] === String(pgid));
}

/**
 * Whether a process still runs: `process.kill(pid, 0)` succeeds, and it is not a zombie. Orphans
 * are re-parented to PID 1, which in some containers never reaps them: a killed process then
 * stays a zombie that `kill(pid, 0)` still finds, though it is dead.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  return statOf(pid)?.[0] !== 'Z';
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Collects the chunks a run delivers, with helpers to read them back. */
export function chunkLog() {
  const chunks: OutputChunk[] = [];
  return {
    chunks,
    onOutput: (chunk: OutputChunk) => void chunks.push(chunk),
    text: (stream: OutputChunk['stream']) =>
      chunks
        .filter((chunk) => chunk.stream === stream)
        .map((chunk) => chunk.text)
        .join(''),
  };
}
