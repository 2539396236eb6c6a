/**
 * Older snapshot formats are upgraded in memory, one version at a time, so a file
 * committed years ago still loads. Each step takes the previous format's document
 * (already known to carry that formatVersion, otherwise unvalidated) and returns the
 * next one's; the result is validated against the current schema afterwards.
 *
 * Only format 1 exists so far, so the chain is empty. When format 2 arrives: keep
 * format 1's zod schema beside it for reference, add `{ from: 1, upgrade }` here, and
 * bump FORMAT_VERSION.
 */
import { FORMAT_VERSION } from './format.js';

export type JsonObject = Record<string, unknown>;

export interface FormatUpgrade {
  /** The format this step reads; it returns format `from + 1`. */
  readonly from: number;
  readonly upgrade: (document: JsonObject) => JsonObject;
}

export const FORMAT_UPGRADES: readonly FormatUpgrade[] = [];

export interface UpgradeChain {
  readonly current: number;
  readonly upgrades: readonly FormatUpgrade[];
}

export const DEFAULT_CHAIN: UpgradeChain = { current: FORMAT_VERSION, upgrades: FORMAT_UPGRADES };

/** The oldest format the chain can bring to `current`. */
export const oldestReadableFormat = (chain: UpgradeChain): number => {
  let oldest = chain.current;
  while (chain.upgrades.some((step) => step.from === oldest - 1)) oldest -= 1;
  return oldest;
};

/** Runs the steps from `from` to `chain.current`; the caller checked `from` is readable. */
export const upgradeDocument = (document: JsonObject, from: number, chain: UpgradeChain): JsonObject => {
  let upgraded = document;
  for (let version = from; version < chain.current; version += 1) {
    const step = chain.upgrades.find((candidate) => candidate.from === version);
    if (step === undefined) throw new Error(`no upgrade from snapshot format ${version}`);
    upgraded = { ...step.upgrade(upgraded), formatVersion: version + 1 };
  }
  return upgraded;
};
