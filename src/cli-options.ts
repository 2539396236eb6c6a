/**
 * What cac (and mri, its parser) lets through on the command line, caught before a command
 * runs: a flag given without a value or with an empty one, a single-value flag given twice
 * with different values, `--x` and `--no-x` together. Pure: argv and the option
 * declarations in, the option values to use or the first problem out.
 *
 * NOTE: mri turns every numeric-looking value into a number (`--schema 2024` → 2024,
 * `--snapshot ''` → 0, since `+'' === 0`) and collects a repeated flag into an array
 * (`--format json --format text` → ['json', 'text']). The raw argv is the only place the
 * text the user typed survives, so the values of text flags (files, paths, names) are
 * taken from it.
 */
import type { Command } from 'cac';

type CacOption = Command['options'][number];

export interface OptionSpec {
  /** The long flag as typed: `--snapshot`. */
  readonly flag: string;
  /** The key of cac's options object: `snapshot`, `failOn`. */
  readonly key: string;
  /** `--snapshot <file>` as declared, for messages. */
  readonly usage: string;
  readonly takesValue: boolean;
  /** Declared with `type: [String]`: every occurrence counts. */
  readonly repeatable: boolean;
  /** The value is text (a file, a path, a name): the user's spelling is kept, never a number. */
  readonly text: boolean;
}

/** Placeholders whose values are text, whatever they look like. */
const TEXT_PLACEHOLDER = /file|path|dir|glob|name|url|table/i;

export const optionSpecs = (options: readonly CacOption[]): readonly OptionSpec[] =>
  options.flatMap((option) => {
    const [names = '', placeholder = ''] = option.rawName.split(/(?=[<[])/);
    const flag = names.match(/--[\w-]+/g)?.find((name) => !name.startsWith('--no-'));
    if (flag === undefined) return [];
    return [
      {
        flag,
        key: option.name,
        usage: option.rawName,
        takesValue: option.isBoolean !== true,
        repeatable: Array.isArray(option.config.type),
        text: TEXT_PLACEHOLDER.test(placeholder),
      },
    ];
  });

/** One flag as the user typed it: a value, `null` for a value flag with none, a boolean for a switch. */
interface Occurrence {
  readonly spec: OptionSpec;
  readonly value: string | boolean | null;
}

/** The flags of `argv` that `specs` declare, in order, read the way mri reads them. */
const scan = (argv: readonly string[], specs: readonly OptionSpec[]): readonly Occurrence[] => {
  const byFlag = new Map(specs.map((spec) => [spec.flag, spec]));
  const found: Occurrence[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--') break;
    if (!arg.startsWith('--')) continue;
    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg : arg.slice(0, equals);
    const negated = name.startsWith('--no-') ? byFlag.get(`--${name.slice(5)}`) : undefined;
    if (negated !== undefined && !negated.takesValue) {
      found.push({ spec: negated, value: false });
      continue;
    }
    const spec = byFlag.get(name);
    if (spec === undefined) continue;
    if (!spec.takesValue) {
      found.push({ spec, value: equals === -1 || arg.slice(equals + 1) !== 'false' });
      continue;
    }
    if (equals !== -1) {
      found.push({ spec, value: arg.slice(equals + 1) });
      continue;
    }
    const next = argv[i + 1];
    // mri never takes an argument starting with `-` as a value (cli.ts glues `-` and negative numbers).
    if (next === undefined || next.startsWith('-')) {
      found.push({ spec, value: null });
    } else {
      found.push({ spec, value: next });
      i += 1;
    }
  }
  return found;
};

export type OptionCheck =
  | {
      readonly ok: true;
      /** cac's options object with text values as typed and repeated identical values made one. */
      readonly options: Readonly<Record<string, unknown>>;
    }
  | { readonly ok: false; readonly message: string };

const quoted = (values: readonly unknown[]): string => values.map((value) => `'${String(value)}'`).join(', ');

/**
 * Checks the flags of `argv` against `specs` (the matched command's and the global ones)
 * and returns `parsed` (cac's options object) corrected, or the first problem.
 */
export const checkOptions = (
  argv: readonly string[],
  specs: readonly OptionSpec[],
  parsed: Readonly<Record<string, unknown>>,
): OptionCheck => {
  const occurrences = scan(argv, specs);
  for (const { spec, value } of occurrences) {
    if (value === null) return { ok: false, message: `option \`${spec.usage}\` value is missing` };
    if (value === '') return { ok: false, message: `${spec.flag} is empty: it needs a value (${spec.usage})` };
  }
  const options: Record<string, unknown> = { ...parsed };
  for (const spec of specs) {
    const given = occurrences.filter((occurrence) => occurrence.spec === spec).map((occurrence) => occurrence.value as string | boolean);
    const distinct = [...new Set(given)];
    if (distinct.length === 0) continue;
    if (spec.repeatable) {
      if (spec.text) options[spec.key] = given.map(String);
      continue;
    }
    if (distinct.length > 1) {
      return {
        ok: false,
        message: spec.takesValue
          ? `${spec.flag} is given ${given.length} times with different values (${quoted(given)}): give it once`
          : `${spec.flag} and --no-${spec.flag.slice(2)} contradict each other: give one of them`,
      };
    }
    const value = parsed[spec.key];
    // A repeat of one value is no conflict: that value, not mri's array of copies.
    if (spec.text) options[spec.key] = distinct[0];
    else if (Array.isArray(value)) options[spec.key] = value[0];
  }
  return { ok: true, options };
};

/** The declared long flag closest to `typed` (a typo, a missing dash, snake_case), if any is close. */
export const closestFlag = (typed: string, flags: readonly string[]): string | undefined => {
  const canonical = (flag: string): string => flag.replace(/^-+/, '').replace(/_/g, '-').toLowerCase();
  const distance = (a: string, b: string): number => {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i += 1) {
      const next = [i];
      for (let j = 1; j <= b.length; j += 1) {
        next.push(Math.min((row[j] as number) + 1, (next[j - 1] as number) + 1, (row[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1)));
      }
      row = next;
    }
    return row[b.length] as number;
  };
  const scored = flags.map((flag) => ({ flag, score: distance(canonical(typed), canonical(flag)) }));
  const best = scored.sort((a, b) => a.score - b.score || a.flag.localeCompare(b.flag))[0];
  return best !== undefined && best.score <= 2 ? best.flag : undefined;
};
