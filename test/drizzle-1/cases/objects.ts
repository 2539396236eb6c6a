/** Views, materialized views, row-level security, policies and roles in drizzle-orm 1.0. */
import { boolean, integer, pgMaterializedView, pgPolicy, pgRole, pgSchema, pgTable, pgView, serial, sql, text } from '../orm.js';
import type { Kit1Case } from './case.js';

const reporting = pgSchema('reporting');
const users = pgTable('users', {
  id: serial().primaryKey(),
  name: text().notNull(),
  active: boolean().notNull().default(true),
});
const activeUsers = pgView('active_users').as((qb) => qb.select({ id: users.id, name: users.name }).from(users).where(sql`${users.active}`));
const userNames = pgView('user_names', { id: integer(), name: text() }).as(sql`select id, upper(name) as name from users`);
const userCount = pgMaterializedView('user_count', { total: integer() }).as(sql`select count(*)::integer as total from users`);
const emptyCount = reporting
  .materializedView('empty_count', { total: integer() })
  .withNoData()
  .as(sql`select count(*)::integer as total from users where not active`);
const barrier = reporting
  .view('barrier_users', { id: integer() })
  .with({ securityBarrier: true, checkOption: 'cascaded' })
  .as(sql`select id from users where active`);
const existingView = pgView('existing_view', { id: integer() }).existing();

export const views: Kit1Case = {
  name: 'views',
  description: 'views from the query builder and from SQL, materialized views (with no data), view options, views in a custom schema; an `.existing()` view is left out',
  imports: { reporting, users, activeUsers, userNames, userCount, emptyCount, barrier, existingView },
  schemaFilters: ['public', 'reporting'],
};

const posts = pgTable(
  'posts',
  { id: integer().primaryKey(), ownerId: integer().notNull(), published: boolean().notNull().default(false) },
  () => [
    pgPolicy('posts_read_published', { for: 'select', to: 'public', using: sql`published` }),
    pgPolicy('posts_owner_all', { as: 'restrictive', to: 'public', using: sql`"ownerId" = 1`, withCheck: sql`"ownerId" = 1` }),
    pgPolicy('posts_insert', { for: 'insert', withCheck: sql`published = false` }),
    pgPolicy('posts_update', { for: 'update', using: sql`true` }),
    pgPolicy('posts_delete', { for: 'delete', using: sql`not published` }),
  ],
);
const secrets = pgTable('secrets', { id: integer().primaryKey(), value: text() }).enableRLS();
const audit = pgTable('audit', { id: integer().primaryKey() });
const auditPolicy = pgPolicy('audit_read', { for: 'select', using: sql`true` }).link(audit);

export const rowLevelSecurity: Kit1Case = {
  name: 'row-level-security',
  description: 'policies of every command, permissive and restrictive, to public and built-in roles, with USING and WITH CHECK; RLS switched on by `.enableRLS()` and by policies; a linked policy',
  imports: { posts, secrets, audit, auditPolicy },
  schemaFilters: ['public'],
};

const notes = pgTable('notes', { id: integer().primaryKey() }, () => [
  pgPolicy('notes_mine', { to: ['current_user', 'session_user'], using: sql`true` }),
]);

export const policyToCurrentUser: Kit1Case = {
  name: 'policy-to-current-user',
  description: 'a policy `TO current_user, session_user`: PostgreSQL stores the role that ran CREATE POLICY',
  imports: { notes },
  schemaFilters: ['public'],
  expectedFindings: ['alter-policy notes (notes_mine) medium'],
  why: 'PostgreSQL resolves current_user and session_user when the policy is created and stores that role (postgres here); a schema cannot say which role will push, so the roles differ by name. drizzle-kit 1.0 alters the policy on every push for the same reason.',
  drizzleKitRepeats: ['ALTER POLICY "notes_mine" ON "notes" TO current_user, session_user USING (true);'],
};

const reader = pgRole('kit1_reader', { inherit: true });
const ledger = pgTable('ledger', { id: integer().primaryKey(), amount: integer() }, () => [
  pgPolicy('ledger_reader', { for: 'select', to: reader, using: sql`amount > 0` }),
]);

export const roles: Kit1Case = {
  name: 'roles',
  description: 'a role declared with pgRole, used by a policy (roles are cluster-wide: PGlite only)',
  imports: { reader, ledger },
  schemaFilters: ['public'],
  pgliteOnly: true,
  // NOTE: with `entities.roles` unset, drizzle-kit 1.0 never reads roles back but still creates the
  // schema's: every later push runs CREATE ROLE again, which fails.
  drizzleKitRepeats: ['CREATE ROLE "kit1_reader";', 'apply failed: role "kit1_reader" already exists'],
};
