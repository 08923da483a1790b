/** Command-line arguments: a command, positional arguments and `--flag value` / `--flag=value` options. */

export interface ParsedArgs {
  command: string | undefined;
  positional: string[];
  options: Map<string, string | true>;
}

/** Options that take a value; every other known option is a switch. */
const VALUE_OPTIONS = new Set([
  'sheet',
  'program',
  'cycle-start',
  'as-of',
  'output',
  'pdf',
  'map',
  'date-order',
  'expires',
  'program-file',
  'export',
]);
/** Value options that may be given several times; their values are kept in order. */
const REPEATABLE = new Set(['map', 'sheet']);
const SEPARATOR = '\u0000';
const SWITCHES = new Set(['json', 'force', 'help', 'extension-granted', 'all']);
const SHORT: Record<string, string> = { o: 'output', h: 'help' };

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    let name: string | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq < 0 ? undefined : arg.slice(eq + 1);
    } else if (/^-[A-Za-z]$/.test(arg)) {
      name = SHORT[arg.slice(1)];
      if (!name) throw new UsageError(`unknown option ${arg}`);
    }
    if (name === undefined) {
      positional.push(arg);
      continue;
    }
    if (VALUE_OPTIONS.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--')))
        throw new UsageError(`--${name} needs a value`);
      const before = options.get(name);
      options.set(name, REPEATABLE.has(name) && typeof before === 'string' ? `${before}${SEPARATOR}${value}` : value);
    } else if (SWITCHES.has(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      options.set(name, true);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { command: positional.shift(), positional, options };
}

export function optionText(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** Every value of a repeatable option, in the order given. */
export function optionValues(args: ParsedArgs, name: string): string[] {
  const v = args.options.get(name);
  return typeof v === 'string' ? v.split(SEPARATOR) : [];
}
