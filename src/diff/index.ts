/** The diff engine's public surface: `verify()` and the data it returns. */
export { verify, compareFindings, FINDING_KINDS } from './verify.js';
export type { VerifyOptions, VerifyResult, VerifyWarning, Summary, SnapshotAge } from './verify.js';
export type { Finding, Evidence, EvidenceKind, Confidence } from './findings.js';
export { FINDING_KIND_ORDER, RISKS, type FindingKind, type FindingKindInfo, type Risk } from './finding-kinds.js';
export { verdictOf, exitCodeOf, DEFAULT_FAIL_ON, FAIL_ON_VALUES, type Verdict, type FailOn } from './verdict.js';
export type { NamingConventions, ConventionMismatch, ConventionFix, SideConventions } from './conventions.js';
export type { PushPrompt, RenamePrompt, DataLossPrompt, UniqueTruncatePrompt, PromptOption, PromptEntity, DataLossItem } from './prompts.js';
export type { Normalize } from './expressions.js';
export { filterDatabase, type DatabaseFilter } from './database-filter.js';
export type { HistoryInput, HistoryReport } from './history.js';
export type { Risky } from './verdict.js';
