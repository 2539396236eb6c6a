/**
 * The naming convention of a set of identifiers (all table names, all column names...):
 * the dominant style and inflection, with the counts behind them, e.g.
 * `{ style: 'snake_case', styleCounts: { snake_case: 512, camelCase: 8, single: 140, ... } }`.
 */
import { inflectionOf, type Inflection } from './inflection.js';
import { detectStyle, STYLES, type Style } from './styles.js';

export interface Convention {
  /** Dominant style among identifiers that are not `single`; `none` when there are none, `tie` on a tie. */
  readonly style: Exclude<Style, 'single'> | 'none' | 'tie';
  readonly styleCounts: Readonly<Record<Style, number>>;
  /** Dominant inflection of the last word, uncountables excluded. */
  readonly inflection: 'singular' | 'plural' | 'none' | 'tie';
  readonly inflectionCounts: Readonly<Record<Inflection, number>>;
  readonly total: number;
}

/** The key with the highest count; `none` when all are zero, `tie` when the highest is shared. */
const dominant = <Key extends string>(
  counts: Readonly<Record<Key, number>>,
  candidates: readonly Key[],
): Key | 'none' | 'tie' => {
  const highest = Math.max(0, ...candidates.map((key) => counts[key]));
  if (highest === 0) return 'none';
  const leaders = candidates.filter((key) => counts[key] === highest);
  return leaders.length === 1 ? (leaders[0] as Key) : 'tie';
};

/** `single` words fit both snake_case and camelCase, so they vote for neither. */
const VOTING_STYLES = STYLES.filter((style): style is Exclude<Style, 'single'> => style !== 'single');

export const inferConvention = (identifiers: readonly string[]): Convention => {
  const styleCounts: Record<Style, number> = {
    snake_case: 0,
    camelCase: 0,
    PascalCase: 0,
    'kebab-case': 0,
    SCREAMING_SNAKE: 0,
    single: 0,
    mixed: 0,
  };
  const inflectionCounts: Record<Inflection, number> = { singular: 0, plural: 0, uncountable: 0 };
  // Names repeat (every table has its `id` and `created_at`): classify each distinct one once.
  const occurrences = new Map<string, number>();
  for (const identifier of identifiers) occurrences.set(identifier, (occurrences.get(identifier) ?? 0) + 1);
  for (const [identifier, count] of occurrences) {
    styleCounts[detectStyle(identifier)] += count;
    inflectionCounts[inflectionOf(identifier)] += count;
  }
  return {
    style: dominant(styleCounts, VOTING_STYLES),
    styleCounts,
    inflection: dominant(inflectionCounts, ['singular', 'plural']),
    inflectionCounts,
    total: identifiers.length,
  };
};
