/**
 * Which drizzle-kit verify emulates: the project's own, the one its `push` runs. Pure
 * rules over what `project-packages.ts` found.
 *
 * - The project's drizzle-kit (found from the working directory, else from the config's
 *   folder) is used; with none, drizzle-catalog's own (0.31), with a warning.
 * - Its major picks the adapter: 0.x (0.31 is the reference; an older 0.x is used as it
 *   is, with a warning: its serializer is its own, our prompt predictions are 0.31's) or
 *   1.x (1.0.0 release candidates). Any other major is refused.
 * - drizzle-orm and drizzle-kit must share a major: drizzle-kit 0.31's serializer reads
 *   drizzle-orm 1.0 tables wrongly (array columns lose `[]`, column `.unique()` gets the name
 *   `undefined`) and drizzle-kit 1.0's throws on drizzle-orm 0.x tables (issue 13).
 * - Loading the schema needs drizzle-orm; reading the config alone (capture) does not.
 */
import { displayPath } from '../config/display-path.js';
import { failure, type Result } from '../config/errors.js';
import type { InstalledPackage } from './find-package.js';
import type { KitMajor } from './child/protocol.js';

export interface DrizzleKitChoice {
  readonly major: KitMajor;
  readonly drizzleKit: InstalledPackage;
  /** `project`: installed in the project; `bundled`: drizzle-catalog's own dependency. */
  readonly origin: 'project' | 'bundled';
  readonly drizzleOrm: InstalledPackage | null;
  readonly warnings: readonly string[];
}

export interface DrizzleKitChoiceInput {
  readonly project: { readonly drizzleKit: InstalledPackage | null; readonly drizzleOrm: InstalledPackage | null };
  /** drizzle-catalog's own drizzle-kit: null when it is missing (or not looked for: the project has one). */
  readonly bundled: InstalledPackage | null;
  /** The working directory, to show paths from. */
  readonly cwd: string;
  /** Where the packages were looked for (the working directory, the config's folder), for messages. */
  readonly searched: string;
  /** Whether drizzle-orm must be there (loading the schema) or not (reading the config only). */
  readonly needsDrizzleOrm: boolean;
}

const parseVersion = (version: string): { readonly major: number; readonly minor: number } | null => {
  const match = /^(\d+)\.(\d+)\.\d+/.exec(version);
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : null;
};

/** `0.31.11 (the project's)`, as messages and the report header name a drizzle-kit. */
export const describeDrizzleKit = (choice: Pick<DrizzleKitChoice, 'drizzleKit' | 'origin'>): string =>
  `${choice.drizzleKit.version} (${choice.origin === 'project' ? "the project's" : "drizzle-catalog's own: the project has none"})`;

/** The drizzle-kit to install for a drizzle-orm version. */
const matchingKit = (ormVersion: string, ormMajor: number): string => (ormMajor === 0 ? 'drizzle-kit@^0.31' : `drizzle-kit@${ormVersion}`);

export const chooseDrizzleKit = (input: DrizzleKitChoiceInput): Result<{ readonly choice: DrizzleKitChoice }> => {
  const { project, bundled, searched, cwd } = input;
  const drizzleKit = project.drizzleKit ?? bundled;
  if (drizzleKit === null) {
    return failure({
      code: 'drizzle-kit-unsupported',
      path: cwd,
      message: `no drizzle-kit is installed in this project (searched from ${searched}), and drizzle-catalog's own is missing`,
      hint: 'install drizzle-kit in the project (npm i -D drizzle-kit), or reinstall drizzle-catalog',
    });
  }
  const origin = project.drizzleKit === null ? 'bundled' : 'project';
  const drizzleOrm = project.drizzleOrm;
  const kitVersion = parseVersion(drizzleKit.version);
  const ormVersion = drizzleOrm === null ? null : parseVersion(drizzleOrm.version);
  const kitName = `drizzle-kit ${describeDrizzleKit({ drizzleKit, origin })}`;

  if (drizzleOrm === null && input.needsDrizzleOrm) {
    return failure({
      code: 'drizzle-orm-not-found',
      path: cwd,
      message: `drizzle-orm is not installed: no node_modules/drizzle-orm is found from ${searched}`,
      hint: "install the project's dependencies (npm ci, pnpm install, yarn) where drizzle-kit runs: verify imports the schema with the project's drizzle-orm, as drizzle-kit does",
    });
  }
  if (kitVersion === null || kitVersion.major > 1) {
    return failure({
      code: 'drizzle-kit-unsupported',
      path: displayPath(drizzleKit.location, input.cwd),
      message: `${kitName} is not a version drizzle-catalog supports (0.x from 0.31, and 1.0)`,
      hint: 'use drizzle-kit 0.31 or 1.0 in the project, or upgrade drizzle-catalog (npm install --save-dev drizzle-catalog@latest)',
    });
  }
  if (drizzleOrm !== null && ormVersion !== null && ormVersion.major !== kitVersion.major) {
    const why =
      kitVersion.major === 0
        ? `drizzle-kit ${drizzleKit.version} cannot read drizzle-orm 1.0 tables (it silently loses array types and unique constraint names)`
        : `drizzle-kit ${drizzleKit.version} cannot read drizzle-orm 0.x tables`;
    const fix =
      kitVersion.major === 0
        ? `install the matching drizzle-kit: npm i -D ${matchingKit(drizzleOrm.version, ormVersion.major)}`
        : `install the drizzle-kit that matches drizzle-orm ${drizzleOrm.version} (npm i -D ${matchingKit(drizzleOrm.version, ormVersion.major)}), or upgrade drizzle-orm (npm i drizzle-orm@${drizzleKit.version})`;
    return failure({
      code: 'drizzle-versions-mismatch',
      path: displayPath(origin === 'project' ? drizzleKit.location : drizzleOrm.location, input.cwd),
      message: `drizzle-orm ${drizzleOrm.version} and ${kitName} do not go together: ${why}`,
      hint: `${fix}; drizzle-kit push would use the same pair`,
    });
  }
  const warnings: string[] = [];
  if (origin === 'bundled') {
    warnings.push(
      `no drizzle-kit is installed in this project (searched from ${searched}): verify uses drizzle-catalog's own drizzle-kit ${drizzleKit.version}; install the one push runs (npm i -D ${drizzleOrm === null || ormVersion === null ? 'drizzle-kit' : matchingKit(drizzleOrm.version, ormVersion.major)}) so that verify judges with it`,
    );
  } else if (kitVersion.major === 0 && kitVersion.minor < 31) {
    warnings.push(
      `drizzle-kit ${drizzleKit.version} is older than 0.31, the 0.x version drizzle-catalog is tested with: its own serializer reads the schema, but the push prompts are predicted as 0.31 asks them`,
    );
  }
  return { ok: true, choice: { major: kitVersion.major === 0 ? 0 : 1, drizzleKit, origin, drizzleOrm, warnings } };
};
