import { existsSync, statSync } from 'node:fs';
import type { ShellLauncher } from '../../execution/process/run-shell-process.js';

/** What a sandbox lets a step see and touch besides a read-only view of the host. */
export interface SandboxPaths {
  /** Folders (or files) the step may write to, bound read-write at the same path. */
  writable: readonly string[];
  /** Folders or files hidden from the step (the server's data folder, its configuration). */
  hidden: readonly string[];
}

/**
 * Steps in bubblewrap: their own PID namespace (no other process of the host is visible, so no
 * `/proc/<pid>/environ` of the server or the runner), IPC and UTS namespaces, a private `/tmp`, the
 * host's file system read-only except the writable paths, hidden folders replaced by empty ones and
 * hidden files by `/dev/null` (which the step cannot even open: `--dev` mounts devices nodev), all
 * capabilities dropped, no new privileges (bwrap always sets it), and killed with the runner
 * (`--die-with-parent`). The network is the host's: steps reach the services they repair.
 * No `--new-session`: the step stays in the runner's process group for bwrap, so a timeout or a
 * cancel signals every process of the step at once.
 */
export function bwrapLauncher(paths: SandboxPaths, bwrap = '/usr/bin/bwrap'): ShellLauncher {
  return (bash, cwd) => ({ file: bwrap, args: [...bwrapArguments(paths, cwd), '--', bash.file, ...bash.args] });
}

export function bwrapArguments(paths: SandboxPaths, cwd: string): string[] {
  const args = ['--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--tmpfs', '/tmp'];
  if (existsSync('/var/tmp')) args.push('--tmpfs', '/var/tmp');
  for (const path of paths.writable) if (existsSync(path)) args.push('--bind', path, path);
  // Hidden last: a hidden folder inside a writable one stays hidden.
  for (const path of paths.hidden) {
    if (!existsSync(path)) continue;
    if (statSync(path).isDirectory()) args.push('--tmpfs', path);
    else args.push('--ro-bind', '/dev/null', path);
  }
  args.push(
    '--unshare-pid',
    '--unshare-ipc',
    '--unshare-uts',
    '--unshare-cgroup-try',
    '--die-with-parent',
    '--cap-drop',
    'ALL',
  );
  args.push('--chdir', existsSync(cwd) ? cwd : '/');
  return args;
}
