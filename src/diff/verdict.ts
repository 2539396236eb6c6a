/**
 * The verdict and the exit code: pure functions of the findings (and `--fail-on`), as
 * arethetypeswrong's `getExitCode`. Exit code 2 (usage or input error) belongs to the CLI.
 */
import { riskRank, type Risk } from './finding-kinds.js';

/** Anything with a risk: schema findings and migration-history findings alike. */
export interface Risky {
  readonly risk: Risk;
}

/**
 * - `in-sync`: no findings;
 * - `safe`: low risk only (creates, widenings);
 * - `needs-decisions`: something medium (renames, ambiguities, drops of empty tables,
 *   default changes...), nothing high;
 * - `dangerous`: something high (data loss, failing changes).
 */
export type Verdict = 'in-sync' | 'safe' | 'needs-decisions' | 'dangerous';

export type FailOn = 'none' | Risk;

export const FAIL_ON_VALUES: readonly FailOn[] = ['none', 'low', 'medium', 'high'];

export const DEFAULT_FAIL_ON: FailOn = 'medium';

const highestRisk = (findings: readonly Risky[]): Risk | null =>
  findings.reduce<Risk | null>((max, f) => (max === null || riskRank(f.risk) > riskRank(max) ? f.risk : max), null);

export const verdictOf = (findings: readonly Risky[]): Verdict => {
  const highest = highestRisk(findings);
  if (highest === null) return 'in-sync';
  return highest === 'high' ? 'dangerous' : highest === 'medium' ? 'needs-decisions' : 'safe';
};

/** 1 when a finding reaches the threshold, else 0; `none` never fails. */
export const exitCodeOf = (findings: readonly Risky[], failOn: FailOn = DEFAULT_FAIL_ON): 0 | 1 => {
  if (failOn === 'none') return 0;
  return findings.some((f) => riskRank(f.risk) >= riskRank(failOn)) ? 1 : 0;
};
