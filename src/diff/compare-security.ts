/**
 * Phase 2 for row-level security: the enabled flag and the policies of a table.
 *
 * NOTE: drizzle-kit 0.31 (`applyPgSnapshotsDiff`) enables RLS on a table that declares
 * policies even without `.enableRLS()`, and DISABLES it on a database table whose schema
 * declares neither `.enableRLS()` nor policies: a push can silently open a table that
 * production protects (Supabase, Neon authorize). FORCE ROW LEVEL SECURITY it ignores.
 */
import type { Policy, Table } from '../catalog/model.js';
import type { ExpressionIndex } from './expressions.js';
import { finding, qualified, show, type Finding } from './findings.js';
import { pairObjects } from './pair-objects.js';

/** What drizzle-kit makes of the schema: RLS on when enabled or when any policy exists. */
const schemaRls = (t: Table): boolean => t.rowLevelSecurity.enabled || t.policies.length > 0;

const same = (expressions: ExpressionIndex, a: string | null, b: string | null): boolean =>
  a === null || b === null ? a === b : expressions.compare(a, null, b, null).equal;

/** What drizzle-kit push compares of a policy (`squashPolicyPush`: name, as, for, to). */
const samePushedPolicy = (a: Policy, b: Policy): boolean =>
  a.command === b.command && a.permissive === b.permissive && [...a.roles].sort().join(',') === [...b.roles].sort().join(',');

const samePolicy =
  (expressions: ExpressionIndex) =>
  (a: Policy, b: Policy): boolean =>
    samePushedPolicy(a, b) && same(expressions, a.using, b.using) && same(expressions, a.withCheck, b.withCheck);

const policyLabel = (p: Policy): string =>
  `${p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'} FOR ${p.command.toUpperCase()} TO ${[...p.roles].sort().join(', ')}` +
  `${p.using !== null ? ` USING (${p.using})` : ''}${p.withCheck !== null ? ` WITH CHECK (${p.withCheck})` : ''}`;

export const compareSecurity = (schemaTable: Table, databaseTable: Table, expressions: ExpressionIndex): Finding[] => {
  const base = { schema: schemaTable.schema, table: schemaTable.name } as const;
  const where = qualified(schemaTable.schema, schemaTable.name);
  const findings: Finding[] = [];
  const wanted = schemaRls(schemaTable);
  if (wanted !== databaseTable.rowLevelSecurity.enabled)
    findings.push(
      finding({
        ...base,
        kind: 'alter-row-level-security',
        risk: wanted ? 'medium' : 'high',
        from: databaseTable.rowLevelSecurity.enabled ? 'enabled' : 'disabled',
        to: wanted ? 'enabled' : 'disabled',
        message: wanted
          ? `Row-level security is off on ${where} in the database and on in the schema: rows no policy grants become invisible.`
          : `Row-level security is on for ${where} in the database, and the schema neither enables it nor declares policies: push DISABLES it, exposing every row.`,
        action: wanted
          ? 'Check that the policies grant what running code needs before pushing.'
          : 'Declare .enableRLS() (and the policies) on the table in the schema, or exclude the table from push.',
      }),
    );
  const pairing = pairObjects(schemaTable.policies, databaseTable.policies, samePolicy(expressions));
  for (const p of pairing.created)
    findings.push(
      finding({ ...base, kind: 'create-policy', risk: 'low', object: p.name, to: policyLabel(p), message: `Policy ${show(p.name)} on ${where} does not exist in the database.`, action: 'Nothing to decide: push creates it.' }),
    );
  for (const p of pairing.dropped)
    findings.push(
      finding({
        ...base,
        kind: 'drop-policy',
        risk: 'medium',
        object: p.name,
        from: policyLabel(p),
        message: `Policy ${show(p.name)} on ${where} is not in the schema: push drops it.`,
        action: 'Declare it in the schema (pgPolicy) if it is still wanted.',
      }),
    );
  for (const pair of pairing.pairs) {
    const { schema: s, database: d } = pair;
    if (pair.by === 'content') {
      if (s.name !== d.name)
        findings.push(
          finding({
            ...base,
            kind: 'rename-policy',
            risk: 'low',
            object: s.name,
            from: d.name,
            to: s.name,
            evidence: [{ kind: 'same-definition', detail: `both are ${policyLabel(s)}` }],
            confidence: 'high',
            message: `Policy ${show(d.name)} on ${where} is ${show(s.name)} in the schema, with the same definition.`,
            action: `Keep the database's name in the schema, or answer the rename at drizzle-kit's prompt.`,
          }),
        );
    } else if (!samePolicy(expressions)(s, d)) {
      // NOTE: drizzle-kit 0.31 push neither compares nor writes USING / WITH CHECK
      // (`squashPolicyPush`), so a difference only there is one push never fixes: a policy
      // pushed by drizzle-kit itself has none (test/schema/pushed-objects.test.ts).
      const clausesOnly = samePushedPolicy(s, d);
      findings.push(
        finding({
          ...base,
          kind: 'alter-policy',
          risk: 'medium',
          object: s.name,
          from: policyLabel(d),
          to: policyLabel(s),
          message: clausesOnly
            ? `Policy ${show(s.name)} on ${where} differs in its USING / WITH CHECK clauses: ${policyLabel(d)} in the database, ${policyLabel(s)} in the schema. drizzle-kit push does not compare these clauses and will not change them.`
            : `Policy ${show(s.name)} on ${where} is ${policyLabel(d)} in the database and ${policyLabel(s)} in the schema.`,
          action: clausesOnly
            ? 'Apply the clauses yourself (ALTER POLICY ... USING (...) WITH CHECK (...)) or through a migration from drizzle-kit generate, which writes them; push creates policies without them.'
            : 'Declare the policy as the database has it, unless the change is intended.',
        }),
      );
    }
  }
  return findings;
};
