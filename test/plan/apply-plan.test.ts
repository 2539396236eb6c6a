/**
 * `verify --plan` end to end, on PGlite and on the PostgreSQL server: build the
 * "production" database, capture it, run the real CLI to write the plan, apply the plan,
 * capture and verify again, and let drizzle-kit's own pushSchema (0.31) diff the schema
 * against the database. Before the plan, push stops at a "created or renamed?" prompt;
 * after it, push runs without one, and the only findings left are the ones the plan
 * leaves alone on purpose (creates, a drop). Done for the crm-drift fixture (every kind of
 * rename push asks about, quoted names, a second schema) and for the worked example.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/json-schema.js';
import { createPgliteDatabase, createServerDatabase, serverTestsEnabled } from '../support/databases.js';
import { captureTo, fixtureDir, pushPlan, runSqlFile, verifyCli, verifyJson, type Target } from './support.js';

const server = await serverTestsEnabled();

const TTY_PROMPT = /Interactive prompts require a TTY terminal/;

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'drizzle-catalog-plan-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const kinds = (report: JsonReport): string[] => report.findings.map((f) => `${f.kind} ${f.table ?? f.object ?? f.schema}${f.column ? `.${f.column}` : ''}`);

interface Scenario {
  readonly name: string;
  readonly cwd: string;
  readonly setup: (target: Target) => Promise<void>;
  readonly schemaFilters: string[];
  /** Statements the plan must hold (exact lines). */
  readonly planned: readonly string[];
  /** What verify still reports after the plan. */
  readonly left: readonly string[];
  /** What push runs after the plan. */
  readonly pushed: readonly RegExp[];
  /** Whether push's statements can be applied (no NOT NULL on populated tables...), for the in-sync check. */
  readonly applyPush: boolean;
}

const crm = fixtureDir('crm-drift');
const example = resolve(import.meta.dirname, '../../examples/meetings');

const EXAMPLE_SEED = `
  insert into project (name) select 'project ' || i from generate_series(1, 3) i;
  insert into meetings (project_id, user_id, title) select (select id from project limit 1), 'user-' || i, 'meeting ' || i from generate_series(1, 20) i;
  insert into meeting_notes (meeting_id, user_id, body) select id, user_id, 'note' from meetings limit 10;
  analyze;
`;

const scenarios: readonly Scenario[] = [
  {
    name: 'crm-drift fixture',
    cwd: crm,
    setup: (target) => runSqlFile(target, join(crm, 'production.sql')),
    schemaFilters: ['public', 'crm'],
    planned: [
      'ALTER TYPE public.ticket_status RENAME TO "ticketStatus";',
      'ALTER SEQUENCE public.invoice_number_seq RENAME TO "invoiceNumberSeq";',
      'ALTER TABLE crm.accounts RENAME TO account;',
      'ALTER TABLE public.customers RENAME TO customer;',
      'ALTER TABLE public.invoice_lines RENAME TO "invoiceLines";',
      'ALTER TABLE public.customer RENAME COLUMN full_name TO "fullName";',
      'ALTER TABLE public."invoiceLines" RENAME COLUMN "Order" TO "order";',
      'ALTER TABLE public."invoiceLines" RENAME COLUMN customer_id TO "customerId";',
      'ALTER TABLE public.customer RENAME CONSTRAINT customers_email_key TO customer_email_unique;',
      'ALTER TABLE public."invoiceLines" RENAME CONSTRAINT invoice_lines_amount_check TO "invoiceLines_amount_check";',
      'ALTER TABLE public."invoiceLines" RENAME CONSTRAINT invoice_lines_customer_id_fkey TO "invoiceLines_customerId_customer_id_fk";',
      'ALTER INDEX public.customers_full_name_idx RENAME TO "customer_fullName_idx";',
    ],
    left: ['create-column customer.nickname', 'drop-column invoiceLines.legacy_code', 'create-table note'],
    pushed: [/^CREATE TABLE "note"/, /^ALTER TABLE "customer" ADD COLUMN "nickname" text;$/, /^ALTER TABLE "invoiceLines" DROP COLUMN "legacy_code";$/],
    applyPush: true,
  },
  {
    name: 'worked example (examples/meetings)',
    cwd: example,
    setup: async (target) => {
      await runSqlFile(target, join(example, 'production.sql'));
      await target.exec(EXAMPLE_SEED);
    },
    schemaFilters: ['public'],
    planned: [
      'ALTER TABLE public.meetings RENAME TO meeting;',
      'ALTER TABLE public.meeting RENAME COLUMN user_id TO "userId";',
      'ALTER TABLE public.meeting_note RENAME COLUMN meeting_id TO "meetingId";',
      'ALTER TABLE public.meeting RENAME CONSTRAINT meetings_project_id_fkey TO "meeting_projectId_project_id_fk";',
    ],
    // The example's data split (user_id beside "userId") is not a rename: the plan leaves it, and says so.
    left: [
      'alter-enum meeting_status',
      'drop-column meeting.legacy_flag',
      'drop-column meeting_note.user_id',
      'alter-column-nullability meeting_note.userId',
      'duplicate-column-variants meeting_note.userId',
      'create-table meeting_participant',
    ],
    pushed: [/^CREATE TABLE "meeting_participant"/, /^ALTER TYPE "public"\."meeting_status" ADD VALUE 'cancelled'/, /DROP COLUMN "legacy_flag"/],
    applyPush: false,
  },
];

const targets = [
  { name: 'PGlite', enabled: true, create: createPgliteDatabase },
  { name: 'PostgreSQL server', enabled: server, create: () => createServerDatabase('dc_plan') },
] as const;

describe.each(targets)('verify --plan on $name', ({ enabled, create }) => {
  describe.skipIf(!enabled).each(scenarios)('$name', (scenario) => {
    it('plans the renames, leaves only creates and the unplanned changes, and push no longer prompts', async () => {
      const target: Target = await create();
      const dir = await mkdtemp(join(scratch, 'run-'));
      try {
        await scenario.setup(target);
        const imports = (await import(join(scenario.cwd, 'schema.ts'))) as Record<string, unknown>;
        const before = join(dir, 'before.json');
        const planFile = join(dir, 'plan.sql');
        await captureTo(target, before);

        // Without the plan, push stops at the first "created or renamed?" prompt.
        await expect(pushPlan(target, imports, scenario.schemaFilters)).rejects.toThrow(TTY_PROMPT);

        const first = await verifyJson(scenario.cwd, ['--snapshot', before, '--plan', planFile]);
        expect(first.stderr).toMatch(/wrote .*plan\.sql: \d+ renames/);
        expect(first.prompts.some((p) => p.kind === 'create-or-rename' && p.answer !== null && p.answer > 0)).toBe(true);
        const plan = await readFile(planFile, 'utf8');
        const lines = plan.split('\n');
        for (const statement of scenario.planned) expect(lines).toContain(statement);
        expect(lines.filter((l) => l === 'BEGIN;' || l === 'COMMIT;')).toEqual(['BEGIN;', 'COMMIT;']);
        // Drops are listed, never run.
        expect(lines.filter((l) => /^\s*(ALTER TABLE .* DROP|DROP )/i.test(l))).toEqual([]);
        expect(plan).toMatch(/-- \[never planned: drizzle-kit push would drop it\]/);
        // Table renames come before anything that names the new tables.
        const tableRenames = lines.map((l, i) => [l, i] as const).filter(([l]) => /^ALTER TABLE \S+ RENAME TO /.test(l));
        const firstOther = lines.findIndex((l) => /^ALTER TABLE \S+ RENAME (COLUMN|CONSTRAINT) /.test(l));
        expect(Math.max(...tableRenames.map(([, i]) => i))).toBeLessThan(firstOther);

        await runSqlFile(target, planFile);
        const after = join(dir, 'after.json');
        await captureTo(target, after);
        const second = await verifyJson(scenario.cwd, ['--snapshot', after]);
        expect(kinds(second).sort()).toEqual([...scenario.left].sort());
        expect(second.findings.filter((f) => f.kind.startsWith('rename-') || f.kind === 'ambiguous-rename')).toEqual([]);
        expect(second.prompts.filter((p) => p.kind === 'create-or-rename')).toEqual([]);

        // drizzle-kit itself: no prompt, no rename, only what the plan left.
        const push = await pushPlan(target, imports, scenario.schemaFilters);
        expect(push.statements.filter((s) => /RENAME/i.test(s))).toEqual([]);
        for (const pattern of scenario.pushed) expect(push.statements.some((s) => pattern.test(s)), `${pattern} in\n${push.statements.join('\n')}`).toBe(true);

        if (scenario.applyPush) {
          await push.apply();
          const final = join(dir, 'final.json');
          await captureTo(target, final);
          const third = await verifyJson(scenario.cwd, ['--snapshot', final]);
          expect(kinds(third)).toEqual([]);
          expect(third.verdict).toBe('in-sync');
        }
      } finally {
        await target.close();
      }
    });
  });
});

describe('verify --plan refuses rather than writes', () => {
  it('a plan whose statement PostgreSQL cannot parse is not written (exit 2)', async () => {
    // A database column named with the empty string cannot be written as an identifier.
    const target = await createPgliteDatabase();
    const dir = await mkdtemp(join(scratch, 'refuse-'));
    try {
      await runSqlFile(target, join(crm, 'production.sql'));
      const snapshotFile = join(dir, 'snapshot.json');
      await captureTo(target, snapshotFile);
      const text = await readFile(snapshotFile, 'utf8');
      const planFile = join(dir, 'plan.sql');
      const { writeFile, access } = await import('node:fs/promises');
      // A NUL in a name (which PostgreSQL never stores, but a hand-edited snapshot might hold) cannot go into SQL.
      await writeFile(snapshotFile, text.replaceAll('"full_name"', '"full\\u0000name"'));
      const run = await verifyCli(crm, ['--snapshot', snapshotFile, '--plan', planFile, '--fail-on', 'none']);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/--plan .*plan\.sql not written/);
      expect(run.err).toMatch(/NUL/);
      await expect(access(planFile)).rejects.toThrow();
    } finally {
      await target.close();
    }
  });
});
