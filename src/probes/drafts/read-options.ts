/** Which options of a program take a value, so their values are not read as arguments. */
export interface OptionSpec {
  /** Short options with a value, as letters (`'XHd'` for curl's `-X POST`, `-H …`, `-d …`). */
  valueShort?: string;
  /** Long options with a value, without dashes (`request`, `header`). */
  valueLong?: readonly string[];
  /** Options are words after one dash (`openssl s_client -connect host:443`, `nslookup -type=MX`). */
  singleDash?: boolean;
}

/** A command's words sorted out: flags set, options with a value in the order given, and the other arguments. */
export interface ReadOptions {
  flags: Set<string>;
  values: [name: string, value: string][];
  positionals: string[];
}

/**
 * Reads a command's arguments (argv without the program) the way getopt-style programs do:
 * bundled short flags (`-fsSL`), a value attached or next (`-XPOST`, `-X POST`, `-sX POST`),
 * `--name=value` and `--name value`, and `--` ending the options.
 */
export function readOptions(args: readonly string[], spec: OptionSpec): ReadOptions {
  const read: ReadOptions = { flags: new Set(), values: [], positionals: [] };
  const add = (name: string, value: string): void => void read.values.push([name, value]);
  const longWithValue = new Set(spec.valueLong ?? []);
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (arg === '--') {
      read.positionals.push(...args.slice(index + 1));
      break;
    }
    const long =
      spec.singleDash === true
        ? /^-([A-Za-z][\w-]*)(?:=(.*))?$/s.exec(arg)
        : /^--([A-Za-z][\w-]*)(?:=(.*))?$/s.exec(arg);
    if (long !== null) {
      const name = long[1] ?? '';
      if (long[2] !== undefined) add(name, long[2]);
      else if (longWithValue.has(name)) add(name, args[++index] ?? '');
      else read.flags.add(name);
      continue;
    }
    if (spec.singleDash !== true && /^-[A-Za-z]/.test(arg)) {
      for (let at = 1; at < arg.length; at++) {
        const letter = arg[at] ?? '';
        if (!(spec.valueShort ?? '').includes(letter)) {
          read.flags.add(letter);
          continue;
        }
        const rest = arg.slice(at + 1);
        add(letter, rest !== '' ? rest : (args[++index] ?? ''));
        break;
      }
      continue;
    }
    read.positionals.push(arg);
  }
  return read;
}

/** The value of the last of `names` given (a later option overrides an earlier one, as programs do), or null. */
export function lastValue(read: ReadOptions, ...names: string[]): string | null {
  const given = allValues(read, ...names);
  return given[given.length - 1] ?? null;
}

/** Every value given to any of `names`, in the order given. */
export function allValues(read: ReadOptions, ...names: string[]): string[] {
  return read.values.filter(([name]) => names.includes(name)).map(([, value]) => value);
}

/** Whether any of the flags was given. */
export function hasAnyFlag(read: ReadOptions, ...names: string[]): boolean {
  return names.some((name) => read.flags.has(name));
}
