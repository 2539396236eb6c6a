/** The warnings of a dump capture: everything the replay skipped or could not do, counted. Pure. */
import type { QualifiedName } from '../catalog/model.js';
import type { SkipReason } from './classify.js';
import type { ReplayReport } from './replay.js';

/** What each skip reason stands for, in the warning that counts them. */
export const SKIP_REASONS: Record<SkipReason, string> = {
  owner: 'ownership (ALTER ... OWNER TO)',
  privileges: 'privileges (GRANT, REVOKE, ALTER DEFAULT PRIVILEGES)',
  'session-role': 'SET ROLE / SET SESSION AUTHORIZATION',
  publication: 'publications',
  subscription: 'subscriptions',
  'event-trigger': 'event triggers',
  trigger: 'triggers',
  rule: 'rules',
  'security-label': 'security labels',
  'foreign-data': 'foreign servers, wrappers, user mappings and foreign tables',
  statistics: 'extended statistics',
  database: 'database properties (CREATE/ALTER DATABASE)',
  role: 'roles',
  tablespace: 'tablespaces',
  transaction: 'transaction control',
  'sequence-position': 'sequence positions (setval)',
  'large-object': 'large objects',
  'extension-membership': 'extension membership (ALTER EXTENSION ... ADD, binary upgrade)',
  storage: 'storage and planner settings (SET STATISTICS, SET STORAGE, SET COMPRESSION, CLUSTER ON, REPLICA IDENTITY, SET (...))',
  'meta-command': 'psql meta-commands',
};

/** At most this many refused statements are listed one by one. */
const MAX_LISTED = 20;

const number = (n: number): string => n.toLocaleString('en-US');
const plural = (n: number, noun: string, nouns = `${noun}s`): string => `${number(n)} ${n === 1 ? noun : nouns}`;
const qualified = (name: QualifiedName): string => `${name.schema}.${name.name}`;

export interface MissingExtension {
  readonly name: string;
  readonly schema: string;
}

export const dumpWarnings = (report: ReplayReport, missingExtensions: readonly MissingExtension[], journal: QualifiedName): readonly string[] => {
  const warnings: string[] = [];
  const skipped = [...report.skipped].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (skipped.length > 0) {
    const total = skipped.reduce((sum, [, n]) => sum + n, 0);
    warnings.push(
      `skipped ${plural(total, 'statement')} that ${total === 1 ? 'defines' : 'define'} nothing a snapshot records: ${skipped
        .map(([reason, n]) =>
          reason === 'meta-command'
            ? `${plural(n, 'psql meta-command')} (${report.metaCommands.map((c) => `\\${c}`).join(', ')})`
            : `${number(n)} about ${SKIP_REASONS[reason]}`,
        )
        .join(', ')}`,
    );
  }
  if (report.tablesWithRows.length > 0) {
    const names = report.tablesWithRows.map(qualified).sort();
    const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? `, and ${number(names.length - 5)} more` : '');
    warnings.push(`row data of ${plural(names.length, 'table')} in the dump was not read (${shown}): a snapshot records only the rows of the migrations journal ${qualified(journal)}`);
  }
  if (missingExtensions.length > 0) {
    const names = missingExtensions.map((extension) => extension.name).join(', ');
    const types = report.placeholders.map(qualified).sort();
    const stand =
      types.length === 0
        ? 'no column uses a type the replay lacks'
        : types.length === 1
          ? `type ${types.join(', ')} stands in as a placeholder base type of the same name`
          : `types ${types.join(', ')} stand in as placeholder base types of the same names`;
    const one = missingExtensions.length === 1;
    warnings.push(
      `${one ? 'extension' : 'extensions'} ${names} ${one ? 'is' : 'are'} not available to the replay (PGlite): ${stand}; ${one ? 'its version is' : 'their versions are'} not recorded, and objects that need ${one ? 'its' : 'their'} functions or operators are left out (listed below, if any)`,
    );
  }
  if (report.collations.length > 0) {
    const names = report.collations.map(qualified).sort().join(', ');
    warnings.push(
      `${report.collations.length === 1 ? 'collation' : 'collations'} ${names} ${report.collations.length === 1 ? 'is' : 'are'} not in the replay's PostgreSQL: ${report.collations.length === 1 ? 'a copy' : 'copies'} of "C" stand${report.collations.length === 1 ? 's' : ''} in under the same name (columns and indexes keep the name; nothing in a snapshot depends on the locale)`,
    );
  }
  if (report.ignored.size > 0) {
    const what = [...report.ignored].map(([statement, message]) => `${statement} (${message})`).join('; ');
    warnings.push(`ignored ${plural(report.ignored.size, 'statement')} the replay does not know: ${what}`);
  }
  for (const refused of report.refused.slice(0, MAX_LISTED)) {
    warnings.push(`line ${refused.line}: ${refused.label} could not be replayed and is missing from the snapshot: ${refused.message}`);
  }
  if (report.refused.length > MAX_LISTED) warnings.push(`... and ${plural(report.refused.length - MAX_LISTED, 'more statement')} that could not be replayed`);
  return warnings;
};
