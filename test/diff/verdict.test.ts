import { describe, expect, it } from 'vitest';
import { finding, type Finding } from '../../src/diff/findings.js';
import { FINDING_KINDS, FINDING_KIND_ORDER, type Risk } from '../../src/diff/finding-kinds.js';
import { exitCodeOf, verdictOf } from '../../src/diff/verdict.js';

const of = (...risks: Risk[]): Finding[] =>
  risks.map((risk) => finding({ kind: 'create-table', risk, schema: 'public', table: 't', message: 'm', action: 'a' }));

describe('verdict', () => {
  it('is in-sync without findings, safe with low only, needs-decisions with medium, dangerous with high', () => {
    expect(verdictOf(of())).toBe('in-sync');
    expect(verdictOf(of('low', 'low'))).toBe('safe');
    expect(verdictOf(of('low', 'medium'))).toBe('needs-decisions');
    expect(verdictOf(of('medium', 'high', 'low'))).toBe('dangerous');
  });
});

describe('exit code', () => {
  it('is 1 exactly when a finding reaches --fail-on (default medium)', () => {
    expect(exitCodeOf(of('low'))).toBe(0);
    expect(exitCodeOf(of('low', 'medium'))).toBe(1);
    expect(exitCodeOf(of('low'), 'low')).toBe(1);
    expect(exitCodeOf(of('medium'), 'high')).toBe(0);
    expect(exitCodeOf(of('high'), 'high')).toBe(1);
    expect(exitCodeOf(of('high'), 'none')).toBe(0);
    expect(exitCodeOf(of(), 'low')).toBe(0);
  });
});

describe('finding kinds', () => {
  it('documents every kind with a title, a description and a default risk', () => {
    for (const kind of FINDING_KIND_ORDER) {
      const info = FINDING_KINDS[kind];
      expect(info.title.length, kind).toBeGreaterThan(0);
      expect(info.description.length, kind).toBeGreaterThan(0);
      expect(['low', 'medium', 'high']).toContain(info.defaultRisk);
    }
  });

  it('has at least the kinds the issue names', () => {
    const required = [
      'create-table', 'drop-table', 'rename-table', 'create-column', 'drop-column', 'rename-column', 'alter-column-type',
      'alter-column-nullability', 'alter-column-default', 'duplicate-column-variants', 'create-enum', 'drop-enum', 'alter-enum',
      'create-index', 'drop-index', 'alter-index', 'create-foreign-key', 'drop-foreign-key', 'alter-foreign-key', 'create-unique',
      'drop-unique', 'alter-primary-key', 'create-check', 'drop-check', 'identifier-too-long', 'ambiguous-rename',
    ];
    expect(FINDING_KIND_ORDER).toEqual(expect.arrayContaining(required));
  });
});
