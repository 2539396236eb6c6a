/**
 * The drizzle-kit 1.0 hints file writer. The worked example's expected text is the exact
 * file drizzle-kit 1.0.0-rc.5 accepted in `push --hints-file` against a real database
 * (docs/hints-format.md, "How this was checked"); the shape checks mirror the strict zod
 * schema of drizzle-kit's src/cli/hints.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HINT_KINDS, buildHintsFile, type HintDecision, type HintKind } from '../../src/plan/hints.js';

/** drizzle-kit 1.0.0-rc.5 hints.ts: entity arity per kind, strict objects, a JSON array. */
const arity: Record<HintKind, number> = {
  schema: 1,
  role: 1,
  table: 2,
  enum: 2,
  sequence: 2,
  view: 2,
  column: 3,
  policy: 3,
  check: 3,
  index: 3,
  unique: 3,
  primary_key: 3,
  'foreign key': 3,
};
const entity = (kind: HintKind) => z.array(z.string()).length(arity[kind]);
const drizzleKitHintSchema = z.array(
  z.union(
    HINT_KINDS.flatMap((kind) => [
      z.strictObject({ type: z.literal('rename'), kind: z.literal(kind), from: entity(kind), to: entity(kind) }),
      z.strictObject({ type: z.literal('create'), kind: z.literal(kind), entity: entity(kind) }),
    ]),
  ),
);

const meetings: readonly HintDecision[] = [
  { decision: 'rename', kind: 'view', schema: 'public', from: 'active_meetings', to: 'live_meetings' },
  { decision: 'create', kind: 'column', schema: 'public', table: 'meeting', to: 'room' },
  { decision: 'rename', kind: 'column', schema: 'public', table: 'meeting', from: 'user_id', to: 'userId' },
  { decision: 'rename', kind: 'foreign key', schema: 'public', table: 'meeting', from: 'meetings_user_id_fk', to: 'meeting_user_fk' },
  { decision: 'rename', kind: 'check', schema: 'public', table: 'meeting', from: 'meetings_title_check', to: 'meeting_title_check' },
  { decision: 'rename', kind: 'unique', schema: 'public', table: 'meeting', from: 'meetings_title_key', to: 'meeting_title_unique' },
  { decision: 'rename', kind: 'index', schema: 'public', table: 'meeting', from: 'meetings_user_id_idx', to: 'meeting_userId_idx' },
  { decision: 'create', kind: 'table', schema: 'public', to: 'notes' },
  { decision: 'rename', kind: 'table', schema: 'public', from: 'meetings', to: 'meeting' },
  { decision: 'rename', kind: 'sequence', schema: 'public', from: 'counter_seq', to: 'ticket_seq' },
  { decision: 'rename', kind: 'enum', schema: 'public', from: 'mood', to: 'feeling' },
  { decision: 'rename', kind: 'schema', schema: 'crm', from: 'crm', to: 'sales' },
];

const textOf = (decisions: readonly HintDecision[]): string => {
  const result = buildHintsFile(decisions);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.text;
};

describe('buildHintsFile', () => {
  it('writes the file drizzle-kit 1.0.0-rc.5 accepted for the worked example, in its resolution order', () => {
    expect(textOf(meetings)).toBe(
      [
        '[',
        '  { "type": "rename", "kind": "schema", "from": ["crm"], "to": ["sales"] },',
        '  { "type": "rename", "kind": "enum", "from": ["public", "mood"], "to": ["public", "feeling"] },',
        '  { "type": "rename", "kind": "sequence", "from": ["public", "counter_seq"], "to": ["public", "ticket_seq"] },',
        '  { "type": "rename", "kind": "table", "from": ["public", "meetings"], "to": ["public", "meeting"] },',
        '  { "type": "create", "kind": "table", "entity": ["public", "notes"] },',
        '  { "type": "create", "kind": "column", "entity": ["public", "meeting", "room"] },',
        '  { "type": "rename", "kind": "column", "from": ["public", "meeting", "user_id"], "to": ["public", "meeting", "userId"] },',
        '  { "type": "rename", "kind": "unique", "from": ["public", "meeting", "meetings_title_key"], "to": ["public", "meeting", "meeting_title_unique"] },',
        '  { "type": "rename", "kind": "check", "from": ["public", "meeting", "meetings_title_check"], "to": ["public", "meeting", "meeting_title_check"] },',
        '  { "type": "rename", "kind": "index", "from": ["public", "meeting", "meetings_user_id_idx"], "to": ["public", "meeting", "meeting_userId_idx"] },',
        '  { "type": "rename", "kind": "foreign key", "from": ["public", "meeting", "meetings_user_id_fk"], "to": ["public", "meeting", "meeting_user_fk"] },',
        '  { "type": "rename", "kind": "view", "from": ["public", "active_meetings"], "to": ["public", "live_meetings"] }',
        ']',
        '',
      ].join('\n'),
    );
  });

  it('returns the entries it wrote, equal to the parsed text and valid for drizzle-kit', () => {
    const result = buildHintsFile(meetings);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(JSON.parse(result.text)).toEqual(result.hints);
    expect(drizzleKitHintSchema.safeParse(JSON.parse(result.text)).success).toBe(true);
  });

  it('writes an empty array when there is nothing to decide', () => {
    expect(textOf([])).toBe('[]\n');
  });

  it('qualifies each kind the way drizzle-kit builds its prompt ids', () => {
    const policy = buildHintsFile([{ decision: 'rename', kind: 'policy', schema: 'app', table: 'docs', from: 'p_old', to: 'p_new' }]);
    const role = buildHintsFile([{ decision: 'create', kind: 'role', schema: 'ignored', to: 'reader' }]);
    expect(policy.ok && policy.hints).toEqual([{ type: 'rename', kind: 'policy', from: ['app', 'docs', 'p_old'], to: ['app', 'docs', 'p_new'] }]);
    expect(role.ok && role.hints).toEqual([{ type: 'create', kind: 'role', entity: ['reader'] }]);
  });

  it('keeps exact PostgreSQL names, escaped only as JSON requires', () => {
    const weird = 'Weird "Name"\\ é\u0001';
    const result = buildHintsFile([{ decision: 'create', kind: 'column', schema: 'My Schema', table: weird, to: 'x' }]);
    expect(result.ok && JSON.parse(result.text)).toEqual([{ type: 'create', kind: 'column', entity: ['My Schema', weird, 'x'] }]);
  });

  it('collapses identical decisions', () => {
    const twice = [...meetings, ...meetings];
    expect(textOf(twice)).toBe(textOf(meetings));
  });

  it('rejects decisions drizzle-kit would reject or misread, with codes and paths', () => {
    const cases: [HintDecision, string][] = [
      [{ decision: 'rename', kind: 'table', schema: 'public', to: 'meeting' }, 'missing-from'],
      [{ decision: 'create', kind: 'table', schema: 'public', from: 'meetings', to: 'meeting' }, 'unexpected-from'],
      [{ decision: 'rename', kind: 'column', schema: 'public', from: 'a', to: 'b' }, 'missing-table'],
      [{ decision: 'create', kind: 'table', schema: 'public', table: 'x', to: 'y' }, 'unexpected-table'],
      [{ decision: 'create', kind: 'enum', schema: '', to: 'mood' }, 'empty-name'],
      [{ decision: 'rename', kind: 'view', schema: 'public', from: 'v', to: 'v' }, 'rename-to-itself'],
    ];
    for (const [decision, code] of cases) {
      const result = buildHintsFile([decision]);
      expect(result).toMatchObject({ ok: false, issues: [{ code, path: 'decisions[0]' }] });
    }
  });

  it('rejects two answers for one entity and one source renamed twice', () => {
    const conflicting = buildHintsFile([
      { decision: 'rename', kind: 'table', schema: 'public', from: 'meetings', to: 'meeting' },
      { decision: 'create', kind: 'table', schema: 'public', to: 'meeting' },
    ]);
    expect(conflicting).toMatchObject({ ok: false, issues: [{ code: 'conflicting-decisions', path: 'decisions[1]' }] });
    const doubled = buildHintsFile([
      { decision: 'rename', kind: 'column', schema: 'public', table: 't', from: 'a', to: 'b' },
      { decision: 'rename', kind: 'column', schema: 'public', table: 't', from: 'a', to: 'c' },
    ]);
    expect(doubled).toMatchObject({ ok: false, issues: [{ code: 'duplicate-rename-source', path: 'decisions[1]' }] });
  });
});

const name = fc.string({ minLength: 1, maxLength: 6 });
const decisionArbitrary: fc.Arbitrary<HintDecision> = fc
  .record({ kind: fc.constantFrom(...HINT_KINDS), schema: name, table: name, from: name, to: name, rename: fc.boolean() })
  .map(({ kind, schema, table, from, to, rename }) => {
    const scoped = ['column', 'unique', 'check', 'index', 'primary_key', 'foreign key', 'policy'].includes(kind);
    return {
      decision: rename ? 'rename' : 'create',
      kind,
      schema,
      ...(scoped ? { table } : {}),
      ...(rename ? { from: `${from}_old` } : {}),
      to,
    } satisfies HintDecision;
  });

describe('properties', () => {
  it('same decisions in any order give the same text, valid for drizzle-kit whenever there is no issue', () => {
    fc.assert(
      fc.property(fc.array(decisionArbitrary, { maxLength: 12 }), fc.integer(), (decisions, seed) => {
        const result = buildHintsFile(decisions);
        const reversed = buildHintsFile([...decisions].reverse());
        if (!result.ok) {
          expect(result.issues.map((issue) => issue.code).every((code) => ['conflicting-decisions', 'duplicate-rename-source', 'rename-to-itself'].includes(code))).toBe(true);
          return;
        }
        expect(reversed.ok && reversed.text).toBe(result.text);
        const rotated = decisions.length === 0 ? [] : [...decisions.slice(Math.abs(seed) % decisions.length), ...decisions.slice(0, Math.abs(seed) % decisions.length)];
        const rotatedResult = buildHintsFile(rotated);
        expect(rotatedResult.ok && rotatedResult.text).toBe(result.text);
        expect(drizzleKitHintSchema.safeParse(JSON.parse(result.text)).success).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
