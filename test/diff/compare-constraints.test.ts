import { describe, expect, it } from 'vitest';
import { catalog, check, column, enumOf, enumType, foreignKey, index, primaryKey, table, unique } from '../support/catalog-builder.js';
import { brief, run } from './helpers.js';

const cols = [column('id', 'integer', { notNull: true }), column('email'), column('team_id', 'integer')];

describe('primary keys', () => {
  it('finds nothing for the same key under the same name', () => {
    const t = table('users', cols, { primaryKey: primaryKey('users_pkey', ['id']) });
    expect(run(catalog([t]), catalog([t])).findings).toEqual([]);
  });

  it('reports a key over other columns as a primary key change, high with rows', () => {
    const r = run(
      catalog([table('users', cols, { primaryKey: primaryKey('users_pkey', ['id', 'email']) })]),
      catalog([table('users', cols, { primaryKey: primaryKey('users_pkey', ['id']), rows: 10 })]),
    );
    expect(brief(r.findings)).toEqual(['high alter-primary-key users.users_pkey (id) → (id, email)']);
  });

  it('ignores the name of a key the schema leaves unnamed (PostgreSQL default <table>_pkey), but not of a named one', () => {
    const unnamed = run(
      catalog([table('meeting', cols, { primaryKey: primaryKey('meeting_pkey', ['id']) })]),
      catalog([table('meetings', cols, { primaryKey: primaryKey('meetings_pkey', ['id']) })]),
    );
    expect(unnamed.findings.map((f) => f.kind)).toEqual(['rename-table']);
    const named = run(
      catalog([table('meeting', cols, { primaryKey: primaryKey('meeting_id_email_pk', ['id', 'email']) })]),
      catalog([table('meetings', cols, { primaryKey: primaryKey('meetings_id_email_pk', ['id', 'email']) })]),
    );
    expect(named.findings.map((f) => `${f.kind} ${f.from} → ${f.to}`)).toEqual([
      'rename-table meetings → meeting',
      'rename-constraint meetings_id_email_pk → meeting_id_email_pk',
    ]);
  });

  it('reports a primary key added to an empty table as medium', () => {
    const r = run(catalog([table('users', cols, { primaryKey: primaryKey('users_pkey', ['id']) })]), catalog([table('users', cols)]));
    expect(brief(r.findings)).toEqual(['medium alter-primary-key users.users_pkey none → (id)']);
  });
});

describe('uniques, foreign keys, checks', () => {
  it('reports a new unique constraint: low on an empty table, medium with rows', () => {
    const schema = catalog([table('users', cols, { uniques: [unique('users_email_unique', ['email'])] })]);
    expect(brief(run(schema, catalog([table('users', cols)])).findings)).toEqual(['low create-unique users.users_email_unique ∅ → UNIQUE (email)']);
    expect(brief(run(schema, catalog([table('users', cols, { rows: 100 })])).findings)).toEqual([
      'medium create-unique users.users_email_unique ∅ → UNIQUE (email)',
    ]);
  });

  it('reports a unique constraint with the same name over other columns as altered', () => {
    const r = run(
      catalog([table('users', cols, { uniques: [unique('users_email_unique', ['email', 'team_id'])] })]),
      catalog([table('users', cols, { uniques: [unique('users_email_unique', ['email'])] })]),
    );
    expect(brief(r.findings)).toEqual(['medium alter-unique users.users_email_unique UNIQUE (email) → UNIQUE (email, team_id)']);
  });

  it('compares foreign key actions', () => {
    const fk = (onDelete: 'cascade' | 'no action') => foreignKey('users_team_id_teams_id_fk', ['team_id'], 'teams', ['id'], { onDelete });
    const teams = table('teams', [column('id', 'integer')]);
    const r = run(catalog([teams, table('users', cols, { foreignKeys: [fk('cascade')] })]), catalog([teams, table('users', cols, { foreignKeys: [fk('no action')] })]));
    expect(brief(r.findings)).toEqual([
      'medium alter-foreign-key users.users_team_id_teams_id_fk (team_id) → teams(id) → (team_id) → teams(id) ON DELETE CASCADE',
    ]);
  });

  it('reports a dropped foreign key and a new check', () => {
    const teams = table('teams', [column('id', 'integer')]);
    const r = run(
      catalog([teams, table('users', cols, { checks: [check('users_id_check', 'id > 0')] })]),
      catalog([teams, table('users', cols, { foreignKeys: [foreignKey('users_team_fk', ['team_id'], 'teams', ['id'])] })]),
    );
    expect(brief(r.findings)).toEqual(['medium drop-foreign-key users.users_team_fk (team_id) → teams(id) → ∅', 'low create-check users.users_id_check ∅ → CHECK (id > 0)']);
  });

  it('reports generated names that follow a table and column rename as renames, not drop + create', () => {
    const r = run(
      catalog([
        table('team', [column('id', 'integer')]),
        table('meeting', [column('id', 'integer'), column('teamId', 'integer')], {
          primaryKey: primaryKey('meeting_pkey', ['id']),
          foreignKeys: [foreignKey('meeting_teamId_team_id_fk', ['teamId'], 'team', ['id'])],
          uniques: [unique('meeting_teamId_unique', ['teamId'])],
          indexes: [index('meeting_teamId_index', ['teamId'])],
        }),
      ]),
      catalog([
        table('teams', [column('id', 'integer')]),
        table('meetings', [column('id', 'integer'), column('team_id', 'integer')], {
          rows: 100,
          primaryKey: primaryKey('meetings_pkey', ['id']),
          foreignKeys: [foreignKey('meetings_team_id_teams_id_fk', ['team_id'], 'teams', ['id'])],
          uniques: [unique('meetings_team_id_unique', ['team_id'])],
          indexes: [index('meetings_team_id_index', ['team_id'])],
        }),
      ]),
    );
    const byKind = r.findings.map((f) => `${f.kind} ${f.from} → ${f.to}`);
    expect(byKind).toEqual([
      'convention-mismatch null → null',
      'rename-table meetings → meeting',
      'rename-column team_id → teamId',
      'rename-constraint meetings_team_id_teams_id_fk → meeting_teamId_team_id_fk',
      'rename-constraint meetings_team_id_unique → meeting_teamId_unique',
      'rename-index meetings_team_id_index → meeting_teamId_index',
      'rename-table teams → team',
    ]);
    const fkRename = r.findings.find((f) => f.from === 'meetings_team_id_teams_id_fk');
    expect(fkRename?.risk).toBe('low');
    expect(fkRename?.evidence.map((e) => e.kind)).toEqual(['same-definition', 'follows-rename']);
  });

  it('pairs a constraint name PostgreSQL cut at 63 bytes with its long form (no rename, no drop)', () => {
    const long = 'meeting_participants_meeting_id_meetings_with_long_name_id_fk_extra';
    const refs = table('meetings_with_long_name', [column('id', 'integer')]);
    const t = (name: string) => table('meeting_participants', [column('meeting_id', 'integer')], { foreignKeys: [foreignKey(name, ['meeting_id'], 'meetings_with_long_name', ['id'])] });
    const r = run(catalog([refs, t(long)]), catalog([refs, t(long.slice(0, 63))]));
    expect(r.findings.map((f) => f.kind)).toEqual(['identifier-too-long']);
    expect(r.findings[0]?.from).toBe(long.slice(0, 63));
  });
});

describe('indexes', () => {
  const t = (indexes: ReturnType<typeof index>[], rows = 0) => table('events', [column('id', 'integer'), column('at', 'timestamp with time zone'), column('kind')], { indexes, rows });

  it('finds nothing for the same index', () => {
    const c = catalog([t([index('events_at_index', [{ column: 'at', order: 'desc' }])])]);
    expect(run(c, c).findings).toEqual([]);
  });

  it('reports other order, nulls, method, predicate or uniqueness under the same name as altered', () => {
    const base = index('events_at_index', ['at']);
    const variants = [
      index('events_at_index', [{ column: 'at', order: 'desc' }]),
      index('events_at_index', [{ column: 'at', nulls: 'first' }]),
      index('events_at_index', ['at'], { method: 'brin' }),
      index('events_at_index', ['at'], { predicate: "kind = 'x'" }),
      index('events_at_index', ['at'], { unique: true }),
      index('events_at_index', ['at', 'kind']),
    ];
    for (const v of variants) {
      const r = run(catalog([t([v])]), catalog([t([base])]));
      expect(r.findings.map((f) => f.kind)).toEqual(['alter-index']);
    }
  });

  it('rates a new unique index medium on a table with rows, a plain one low', () => {
    const r = run(catalog([t([index('a_idx', ['at'], { unique: true }), index('b_idx', ['kind'])])]), catalog([t([], 10)]));
    expect(brief(r.findings)).toEqual(['medium create-index events.a_idx ∅ → UNIQUE USING btree (at)', 'low create-index events.b_idx ∅ → USING btree (kind)']);
  });

  it('leaves indexes backing constraints to the constraint', () => {
    const withBacking = table('users', [column('email')], {
      uniques: [unique('users_email_unique', ['email'])],
      indexes: [index('users_email_unique', ['email'], { unique: true, constraint: 'users_email_unique' })],
    });
    const schemaSide = table('users', [column('email')], { uniques: [unique('users_email_unique', ['email'])] });
    expect(run(catalog([schemaSide]), catalog([withBacking])).findings).toEqual([]);
  });
});

describe('enums', () => {
  const uses = (rows: number) => table('people', [column('mood', enumType('mood'))], { rows });

  it('reports an added value low and a removed value high when a table with rows uses the enum', () => {
    const r = run(catalog({ tables: [uses(5)], enums: [enumOf('mood', ['sad', 'happy', 'ecstatic'])] }), catalog({ tables: [uses(5)], enums: [enumOf('mood', ['sad', 'ok', 'happy'])] }));
    expect(r.findings.map((f) => `${f.risk} ${f.kind} ${f.message}`)).toEqual([
      "high alter-enum Enum mood has value 'ok' in the database that the schema removes.",
      "low alter-enum Enum mood lacks value 'ecstatic' in the database.",
    ]);
  });

  it('reports reordered values as medium', () => {
    const r = run(catalog({ enums: [enumOf('mood', ['happy', 'sad'])] }), catalog({ enums: [enumOf('mood', ['sad', 'happy'])] }));
    expect(brief(r.findings)).toEqual(["medium alter-enum mood 'sad', 'happy' → 'happy', 'sad'"]);
  });

  it('compares enum-typed columns by enum name and schema, following an enum rename', () => {
    const r = run(
      catalog({ tables: [table('p', [column('m', enumType('feeling'))])], enums: [enumOf('feeling', ['a', 'b'])] }),
      catalog({ tables: [table('p', [column('m', enumType('Feeling'))])], enums: [enumOf('Feeling', ['a', 'b'])] }),
    );
    expect(brief(r.findings)).toEqual(['low rename-enum feeling Feeling → feeling']);
  });

  it('reports a column moved to an enum of another schema as a type change (cast with USING: may fail)', () => {
    const r = run(
      catalog({ tables: [table('p', [column('m', enumType('mood', 'app'))])], enums: [enumOf('mood', ['a'], 'app'), enumOf('mood', ['a'])] }),
      catalog({ tables: [table('p', [column('m', enumType('mood'))])], enums: [enumOf('mood', ['a'], 'app'), enumOf('mood', ['a'])] }),
    );
    expect(brief(r.findings)).toEqual(['medium alter-column-type p.m mood → app.mood']);
  });
});
