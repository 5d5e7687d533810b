/** Something that occupies lines `line`..`endLine` of the block (1-based, inclusive). */
export interface LocatedCommand {
  line: number;
  endLine: number;
}

/** Commands under one title; the title is null when no comment introduces them. */
export interface Grouped<T> {
  title: string | null;
  commands: T[];
}

/** Comment lines of shell (`# …`, not a `#!` shebang) and of SQL (`-- …`). */
export const shellComment = /^\s*#(?!!)\s*(.*)$/;
export const sqlComment = /^\s*--\s*(.*)$/;

/**
 * Groups commands the way runbooks lay them out: a comment line titles the commands right below it,
 * until the next comment or a blank line. Consecutive comment lines form one title (`a / b`); a
 * comment followed by a blank line titles nothing (it is usually an expected output or a manual
 * instruction). Lines inside a command (continuations, heredoc bodies) are never titles.
 */
export function groupByComments<T extends LocatedCommand>(
  lines: readonly string[],
  commands: readonly T[],
  comment: RegExp,
): Grouped<T>[] {
  const starts = new Map<number, T[]>();
  const covered = new Set<number>();
  for (const command of commands) {
    starts.set(command.line, [...(starts.get(command.line) ?? []), command]);
    for (let line = command.line + 1; line <= command.endLine; line++) covered.add(line);
  }
  const groups: Grouped<T>[] = [];
  let current: Grouped<T> | null = null;
  let pending: string[] = [];
  lines.forEach((text, index) => {
    const line = index + 1;
    const here = starts.get(line);
    if (here !== undefined) {
      if (current === null) {
        current = { title: pending.length > 0 ? pending.join(' / ') : null, commands: [] };
        groups.push(current);
        pending = [];
      }
      current.commands.push(...here);
      return;
    }
    if (covered.has(line)) return;
    const title = comment.exec(text)?.[1]?.trim();
    if (title !== undefined) {
      current = null;
      if (title !== '') pending.push(title);
    } else if (text.trim() === '') {
      current = null;
      pending = [];
    }
  });
  return groups;
}
