/** Where a runbook runs a command when it goes through a carrier (`docker exec db …`, `ssh web1 '…'`). */
export interface CommandPlace {
  /** The host name that stands for that place: the container, Compose service, pod or SSH host. */
  name: string;
  /** How it is named in notes: `the container akig-cache`. */
  shown: string;
}

/** What reading one command needs to know besides its words. */
export interface CommandContext {
  place: CommandPlace | null;
  /** Whether a text holds one of the step's placeholders (`{{ host }}`, `$HOST`, `<host>`). */
  hasParameter(text: string): boolean;
}

const loopback = /^(localhost|127(?:\.\d{1,3}){3}|::1|\[::1\]|0\.0\.0\.0)$/i;

/**
 * The host a probe should reach for a host the command names, or null when it names none (the
 * program's default, the local machine). The local machine of a command run in a container or
 * over SSH is that container or host: its name is proposed, with a note. A local machine of the
 * runbook's own shell is kept, with a note: Astreinte checks from its own server.
 */
export function placeHost(host: string | null, context: CommandContext, notes: string[]): string {
  const local = host === null || loopback.test(host);
  if (!local) return host;
  const { place } = context;
  if (place !== null) {
    notes.push(
      `the runbook runs this in ${place.shown}: "${place.name}" stands for it, if that name reaches it from the Astreinte server`,
    );
    return place.name;
  }
  const shown = host ?? 'localhost';
  notes.push(`${shown} is the machine the runbook's commands run on; the probe checks from the Astreinte server`);
  return shown;
}

/** A port as written: a number from 1 to 65535, a placeholder kept as is, else null. */
export function readPort(text: string | null, context: CommandContext): number | string | null {
  if (text === null) return null;
  if (/^\d{1,5}$/.test(text)) {
    const port = Number(text);
    return port >= 1 && port <= 65_535 ? port : null;
  }
  return context.hasParameter(text) ? text : null;
}

/** `host:port`, `[::1]:5432`, `host` (port null). */
export function splitHostPort(text: string): { host: string; port: string | null } {
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(text);
  if (bracketed !== null) return { host: bracketed[1] ?? '', port: bracketed[2] ?? null };
  const colon = text.lastIndexOf(':');
  // Two colons or more without brackets: an IPv6 address alone.
  if (colon === -1 || text.indexOf(':') !== colon) return { host: text, port: null };
  return { host: text.slice(0, colon), port: text.slice(colon + 1) };
}

/** Whether a word can be a host name (or a placeholder standing for one). */
export function isHostWord(text: string, context: CommandContext): boolean {
  return context.hasParameter(text) || /^[A-Za-z0-9_.:[\]-]{1,253}$/.test(text);
}

/** The port written into a label: `db:5432`, `[::1]:5432`. */
export function hostPortLabel(host: string, port: number | string): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}
