/**
 * The pure history check with in-memory folders and rows: every kind, the edge cases of
 * drizzle's timestamp rule, determinism, and a property tying "pending" to what
 * drizzle-orm's migrator would actually run.
 */
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { MigrationEntry } from '../../src/capture/queries/migrations.js';
import {
  HISTORY_FINDING_KINDS,
  checkMigrationHistory,
  parseJournal,
  type AppliedMigration,
  type HistoryFinding,
  type JournalMigration,
  type MigrationFolder,
} from '../../src/history/index.js';

const hashOf = (tag: string): string => `${tag}-hash`.padEnd(64, '0');

const entry = (position: number, tag: string, when: number, hash: string | null = hashOf(tag)): JournalMigration => ({
  position,
  idx: position,
  tag,
  when,
  hash,
});

const folderOf = (migrations: readonly JournalMigration[], orphans: MigrationFolder['orphans'] = []): MigrationFolder => ({
  migrations,
  orphans,
});

const appliedOf = (migration: JournalMigration): AppliedMigration => ({
  hash: migration.hash ?? 'gone',
  createdAt: String(migration.when),
});

const kinds = (findings: readonly HistoryFinding[]): string[] =>
  findings.map((finding) => ('migration' in finding ? `${finding.kind} ${finding.migration.tag}` : finding.kind));

const a = entry(0, '0000_a', 1_000);
const b = entry(1, '0001_b', 2_000);
const c = entry(2, '0002_c', 3_000);

describe('checkMigrationHistory', () => {
  it("takes capture's recorded rows as they are", () => {
    expectTypeOf<MigrationEntry>().toExtend<AppliedMigration>();
  });

  it('finds nothing when every migration is applied as written', () => {
    expect(checkMigrationHistory(folderOf([a, b, c]), [a, b, c].map(appliedOf))).toEqual([]);
    expect(checkMigrationHistory(folderOf([]), [])).toEqual([]);
  });

  it('lists pending migrations in journal order, ranked, even when their `when` values are out of order', () => {
    const late = entry(2, '0002_late', 9_000);
    const early = entry(3, '0003_early', 5_000);
    const findings = checkMigrationHistory(folderOf([a, b, late, early]), [a, b].map(appliedOf));
    expect(kinds(findings)).toEqual(['pending-migration 0002_late', 'pending-migration 0003_early']);
    expect(findings.map((finding) => (finding.kind === 'pending-migration' ? finding.order : 0))).toEqual([1, 2]);
  });

  it('treats every migration as pending on a database that never migrated', () => {
    expect(kinds(checkMigrationHistory(folderOf([a, b]), []))).toEqual(['pending-migration 0000_a', 'pending-migration 0001_b']);
  });

  it('flags a pending migration older than the newest applied one as skipped, high risk', () => {
    const merged = entry(3, '0003_merged', 2_500);
    const [finding] = checkMigrationHistory(folderOf([a, b, c, merged]), [a, b, c].map(appliedOf));
    expect(finding).toMatchObject({
      kind: 'skipped-migration',
      risk: 'high',
      newestAppliedAt: '3000',
      migration: { tag: '0003_merged', when: 2_500, file: '0003_merged.sql' },
    });
    expect(finding?.message).toContain('0002_c');
  });

  it('counts a `when` equal to the newest created_at as skipped (the migrator needs strictly newer)', () => {
    const twin = entry(3, '0003_twin', 3_000);
    expect(kinds(checkMigrationHistory(folderOf([a, b, c, twin]), [a, b, c].map(appliedOf)))).toEqual([
      'skipped-migration 0003_twin',
    ]);
  });

  it('pairs entries sharing one `when` by hash before order', () => {
    const first = entry(0, '0000_first', 1_000);
    const second = entry(1, '0001_second', 1_000);
    // Only the second was applied: the first is then skipped, not "changed".
    expect(kinds(checkMigrationHistory(folderOf([first, second]), [appliedOf(second)]))).toEqual([
      'skipped-migration 0000_first',
    ]);
  });

  it('reports an applied migration whose file changed, with both hashes', () => {
    const edited = { ...b, hash: hashOf('edited') };
    const [finding] = checkMigrationHistory(folderOf([a, edited]), [a, b].map(appliedOf));
    expect(finding).toMatchObject({ kind: 'changed-migration', risk: 'medium', appliedHash: b.hash, fileHash: hashOf('edited') });
  });

  it('reports a journal entry without its file once, whether applied or not', () => {
    const gone = entry(1, '0001_b', 2_000, null);
    const pendingGone = entry(2, '0002_c', 3_000, null);
    const findings = checkMigrationHistory(folderOf([a, gone, pendingGone]), [a, b].map(appliedOf));
    expect(kinds(findings)).toEqual(['journal-entry-without-file 0001_b', 'journal-entry-without-file 0002_c']);
    expect(findings.map((finding) => (finding.kind === 'journal-entry-without-file' ? finding.applied : null))).toEqual([
      true,
      false,
    ]);
  });

  it('reports applied rows the journal does not explain, sorted by created_at, linking an orphan file with the same hash', () => {
    const findings = checkMigrationHistory(folderOf([a], [{ file: '0001_b.sql', hash: b.hash! }]), [
      appliedOf(c),
      appliedOf(a),
      appliedOf(b),
    ]);
    expect(findings.map((finding) => [finding.kind, 'orphanFile' in finding ? finding.orphanFile : null])).toEqual([
      ['applied-migration-without-file', '0001_b.sql'],
      ['applied-migration-without-file', null],
      ['orphan-migration-file', null],
    ]);
  });

  it('reports a NULL created_at as high risk and no longer calls older migrations skipped', () => {
    const findings = checkMigrationHistory(folderOf([a, b, c]), [{ hash: a.hash!, createdAt: null }, appliedOf(c)]);
    expect(kinds(findings)).toEqual([
      'pending-migration 0000_a',
      'pending-migration 0001_b',
      'applied-migration-without-timestamp',
    ]);
    expect(findings.at(-1)).toMatchObject({ risk: 'high' });
  });

  it('compares created_at as bigint digits, not as text', () => {
    const small = entry(0, '0000_small', 999);
    const big = entry(1, '0001_big', 1_000);
    // As text "999" > "1000"; as numbers 1000 is the newest, so 0000_small is skipped.
    expect(kinds(checkMigrationHistory(folderOf([small, big]), [appliedOf(big)]))).toEqual(['skipped-migration 0000_small']);
  });

  it('gives every finding the risk its kind documents', () => {
    const findings = checkMigrationHistory(
      folderOf([a, { ...b, hash: 'x' }, entry(2, '0002_gone', 2_500, null), entry(3, '0003_old', 1_500), entry(4, '0004_new', 9_000)], [
        { file: 'stray.sql', hash: 'y' },
      ]),
      [appliedOf(a), appliedOf(b), { hash: 'z', createdAt: '4000' }],
    );
    expect(new Set(findings.map((finding) => finding.kind)).size).toBe(6);
    for (const finding of findings) expect(finding.risk).toBe(HISTORY_FINDING_KINDS[finding.kind].risk);
  });
});

/** drizzle-orm's rule (pg-core dialect migrate()): run what is newer than the newest row. */
const migratorWouldRun = (folder: MigrationFolder, applied: readonly AppliedMigration[]): string[] => {
  const newest = applied.reduce<bigint | null>((max, row) => {
    const value = BigInt(row.createdAt!);
    return max === null || value > max ? value : max;
  }, null);
  return folder.migrations.filter((migration) => newest === null || newest < BigInt(migration.when)).map((migration) => migration.tag);
};

const historyArbitrary = fc
  .uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 0, maxLength: 8 })
  .chain((whens) =>
    fc.record({
      migrations: fc.constant(whens.map((when, position) => entry(position, `${String(position).padStart(4, '0')}_m`, when))),
      appliedMask: fc.array(fc.boolean(), { minLength: whens.length, maxLength: whens.length }),
    }),
  );

describe('properties', () => {
  it('pending findings are exactly the migrations drizzle-orm would run; skipped ones are the rest of the unapplied', () => {
    fc.assert(
      fc.property(historyArbitrary, ({ migrations, appliedMask }) => {
        const folder = folderOf(migrations);
        const applied = migrations.filter((_, index) => appliedMask[index]).map(appliedOf);
        const findings = checkMigrationHistory(folder, applied);
        const pending = findings.flatMap((finding) => (finding.kind === 'pending-migration' ? [finding.migration.tag] : []));
        const skipped = findings.flatMap((finding) => (finding.kind === 'skipped-migration' ? [finding.migration.tag] : []));
        expect(pending).toEqual(migratorWouldRun(folder, applied));
        const unapplied = migrations.filter((_, index) => !appliedMask[index]).map((migration) => migration.tag);
        expect([...pending, ...skipped].sort()).toEqual(unapplied.sort());
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order the rows were read in', () => {
    fc.assert(
      fc.property(historyArbitrary, fc.integer(), ({ migrations, appliedMask }, seed) => {
        const applied = migrations.filter((_, index) => appliedMask[index]).map(appliedOf);
        const extra: AppliedMigration[] = [{ hash: 'lost', createdAt: '41' }, { hash: 'lost2', createdAt: '41' }];
        const rows = [...applied, ...extra];
        const shuffled = [...rows].sort((x, y) => ((hashText(x.hash) ^ seed) % 7) - ((hashText(y.hash) ^ seed) % 7));
        const folder = folderOf(migrations);
        expect(checkMigrationHistory(folder, shuffled)).toEqual(checkMigrationHistory(folder, rows));
      }),
      { numRuns: 100 },
    );
  });
});

const hashText = (text: string): number => [...text].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) | 0, 7);

describe('parseJournal', () => {
  it('keeps journal order and the fields the migrator reads', () => {
    const parsed = parseJournal(
      JSON.stringify({
        version: '7',
        dialect: 'postgresql',
        entries: [
          { idx: 0, version: '7', when: 20, tag: '0000_b', breakpoints: true },
          { idx: 1, version: '7', when: 10, tag: '0001_a', breakpoints: true },
        ],
      }),
    );
    expect(parsed).toEqual({
      ok: true,
      entries: [
        { idx: 0, tag: '0000_b', when: 20 },
        { idx: 1, tag: '0001_a', when: 10 },
      ],
    });
  });

  it('returns codes for text that is not JSON and for a wrong shape', () => {
    expect(parseJournal('{')).toMatchObject({ ok: false, code: 'journal-unreadable' });
    expect(parseJournal('{"entries":[{"tag":"0000_a","when":"soon"}]}')).toMatchObject({
      ok: false,
      code: 'journal-invalid',
      message: expect.stringContaining('entries.0.when'),
    });
  });
});
