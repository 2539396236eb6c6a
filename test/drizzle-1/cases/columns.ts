/** Column types, arrays, defaults, enums, identity, serial, sequences and generated columns in drizzle-orm 1.0. */
import {
  bigint,
  bigserial,
  bit,
  boolean,
  bytea,
  char,
  cidr,
  date,
  decimal,
  doublePrecision,
  inet,
  integer,
  interval,
  json,
  jsonb,
  line,
  macaddr,
  macaddr8,
  numeric,
  pgEnum,
  pgSchema,
  pgSequence,
  pgTable,
  point,
  real,
  serial,
  smallint,
  smallserial,
  sql,
  text,
  time,
  timestamp,
  uuid,
  varchar,
} from '../orm.js';
import type { Kit1Case } from './case.js';

const allTypes = pgTable('all_types', {
  id: integer().primaryKey(),
  small: smallint().default(7),
  bigNumber: bigint({ mode: 'number' }).default(1000000000000),
  bigBigint: bigint({ mode: 'bigint' }).default(9007199254740993n),
  price: numeric({ precision: 10, scale: 2 }).default('9.99'),
  wholeNumber: numeric({ precision: 6 }),
  anyNumber: numeric(),
  amount: decimal({ precision: 12, scale: 4 }),
  ratio: real().default(0.5),
  score: doublePrecision().default(1.25),
  title: text().notNull().default('untitled'),
  code: varchar({ length: 12 }).default('A-1'),
  anyLength: varchar(),
  initial: char({ length: 1 }).default('x'),
  oneChar: char(),
  active: boolean().notNull().default(true),
  born: date().default('2000-01-01'),
  bornDate: date({ mode: 'date' }),
  opens: time().default('09:00:00'),
  opensTz: time({ precision: 2, withTimezone: true }),
  createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp().default(sql`now()`),
  changedAt: timestamp({ mode: 'string', precision: 0 }).default('2024-01-02 03:04:05'),
  duration: interval().default('1 day'),
  window: interval({ fields: 'day to second', precision: 3 }),
  months: interval({ fields: 'month' }),
  externalId: uuid().defaultRandom(),
  payload: json().default({ a: 1, b: [true, null] }),
  settings: jsonb().notNull().default({}),
  address: inet(),
  network: cidr(),
  mac: macaddr(),
  mac8: macaddr8(),
  location: point(),
  locationXy: point({ mode: 'xy' }).default({ x: 1, y: 2 }),
  edge: line(),
  flags: bit({ dimensions: 8 }),
  blob: bytea(),
});

export const columnTypes: Kit1Case = {
  name: 'column-types',
  description: 'every built-in column family of pg-core 1.0, with and without type modifiers and defaults',
  imports: { allTypes },
  schemaFilters: ['public'],
  // NOTE: drizzle-kit 1.0 keeps `char()` as `char` and compares it with the database's char(1).
  drizzleKitRepeats: ['ALTER TABLE "all_types" ALTER COLUMN "oneChar" SET DATA TYPE char USING "oneChar"::char;'],
};

const mood = pgEnum('mood', ['happy', 'sad', 'on hold']);
const arrays = pgTable('arrays', {
  id: serial().primaryKey(),
  tags: text().array().notNull().default([]),
  matrix: integer().array('[][]').default([
    [1, 2],
    [3, 4],
  ]),
  cube: smallint().array('[][][]'),
  prices: numeric({ precision: 5, scale: 2 }).array(),
  flags: boolean().array().default([true, false]),
  labels: varchar({ length: 20 }).array().default(['a b', "it's", 'c,d']),
  moods: mood().array().default(['happy']),
  stamps: timestamp({ withTimezone: true }).array(),
  documents: jsonb().array(),
});

export const arrayColumns: Kit1Case = {
  name: 'arrays',
  description: 'one-, two- and three-dimensional arrays (drizzle-kit 0.31 lost the brackets on 1.0 tables), array defaults, enum arrays',
  imports: { mood, arrays },
  schemaFilters: ['public'],
  // NOTE: drizzle-kit 1.0 compares its array literal with the database's text, quoting differently.
  drizzleKitRepeats: [`ALTER TABLE "arrays" ALTER COLUMN "labels" SET DEFAULT '{a b,it''s,"c,d"}'::varchar(20)[];`],
};

const app = pgSchema('app');
const status = app.enum('order_status', ['pending', 'paid', 'shipped']);
const Priority = app.enum('Priority', ['low', 'high']);
const publicMood = pgEnum('mood', ['ok', 'not ok']);
const orders = app.table('orders', {
  id: integer().primaryKey(),
  status: status().notNull().default('pending'),
  priority: Priority().default('low'),
  history: status().array().default(['pending', 'paid']),
  mood: publicMood(),
});

export const enumsInCustomSchema: Kit1Case = {
  name: 'enums-in-custom-schema',
  description: 'enums in a pgSchema, a capitalised enum name, an enum array default, a public enum used from a custom schema',
  imports: { app, status, Priority, publicMood, orders },
  schemaFilters: ['public', 'app'],
};

const counters = pgSequence('counters', { startWith: 100, increment: 5, cache: 10 });
const countdown = app.sequence('countdown', { increment: -1, minValue: -1000, maxValue: -1, cycle: true });
const identities = pgTable('identities', {
  always: integer().generatedAlwaysAsIdentity(),
  byDefault: bigint({ mode: 'number' }).generatedByDefaultAsIdentity({ startWith: 1000, increment: 10, cache: 20 }),
  small: smallint().generatedByDefaultAsIdentity({ minValue: 5, maxValue: 500, cycle: true }),
  named: integer().generatedAlwaysAsIdentity({ name: 'custom_identity_seq', startWith: 7 }),
  serialId: serial(),
  smallSerialId: smallserial(),
  bigSerialId: bigserial({ mode: 'number' }),
  nextCounter: bigint({ mode: 'number' }).default(sql`nextval('counters')`),
});
const appIdentities = app.table('identities', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  serialId: serial(),
});

export const identityAndSequences: Kit1Case = {
  name: 'identity-and-sequences',
  description: 'identity columns with options and custom sequence names, serial columns of every size, standalone sequences (ascending, descending, cycling) in public and a custom schema',
  imports: { app, counters, countdown, identities, appIdentities },
  schemaFilters: ['public', 'app'],
  // NOTE: PostgreSQL stores nextval('counters'::regclass); drizzle-kit 1.0 compares text.
  drizzleKitRepeats: [`ALTER TABLE "identities" ALTER COLUMN "nextCounter" SET DEFAULT nextval('counters');`],
};

const descending = pgTable('descending_identities', {
  down: integer().generatedByDefaultAsIdentity({ increment: -1 }),
  bigDown: bigint({ mode: 'number' }).generatedByDefaultAsIdentity({ increment: -2 }),
});

export const descendingIdentities: Kit1Case = {
  name: 'descending-identities',
  description: 'identities counting down without a MINVALUE: drizzle-kit 1.0 writes MINVALUE -32768 whatever the type',
  imports: { descending },
  schemaFilters: ['public'],
};

const people = pgTable('people', {
  id: integer().primaryKey(),
  firstName: text().notNull(),
  lastName: text().notNull(),
  fullName: text().generatedAlwaysAs(sql`"firstName" || ' ' || "lastName"`),
  nameLength: integer().generatedAlwaysAs((): ReturnType<typeof sql> => sql`length(${people.firstName})`),
  upperLast: text().generatedAlwaysAs(sql`upper("lastName")`),
});

export const generatedColumns: Kit1Case = {
  name: 'generated-columns',
  description: 'stored generated columns from SQL and from a callback referencing columns',
  imports: { people },
  schemaFilters: ['public'],
};

const defaults = pgTable('defaults', {
  id: integer().primaryKey(),
  quoted: text().default("it's"),
  empty: text().default(''),
  backslash: text().default('a\\b'),
  zero: integer().default(0),
  negative: integer().default(-5),
  fraction: doublePrecision().default(-0.25),
  falseFlag: boolean().default(false),
  sqlExpression: integer().default(sql`(1 + 2)`),
  currentDate: date().default(sql`current_date`),
  currentTs: timestamp().default(sql`current_timestamp`),
  localTs: timestamp({ withTimezone: true }).default(sql`now() + interval '1 day'`),
  dateValue: timestamp({ mode: 'date' }).default(new Date('2024-05-06T07:08:09.123Z')),
  jsonString: jsonb().default('text'),
  jsonQuote: jsonb().default({ say: "it's" }),
  nullDefault: text().default(sql`null`),
  uuidValue: uuid().default('00000000-0000-0000-0000-000000000001'),
  castDefault: text().default(sql`'x'::text`),
});

export const defaultKinds: Kit1Case = {
  name: 'defaults',
  description: 'defaults of every kind: quoted and empty strings, backslashes, numbers, booleans, SQL expressions, dates, JSON values, explicit casts',
  imports: { defaults },
  schemaFilters: ['public'],
  // NOTE: PostgreSQL stores CURRENT_DATE, CURRENT_TIMESTAMP, (now() + '1 day'::interval) and no
  // default for NULL; drizzle-kit 1.0 compares the text and sets them again on every push.
  drizzleKitRepeats: [
    'ALTER TABLE "defaults" ALTER COLUMN "currentDate" SET DEFAULT current_date;',
    'ALTER TABLE "defaults" ALTER COLUMN "currentTs" SET DEFAULT current_timestamp;',
    `ALTER TABLE "defaults" ALTER COLUMN "localTs" SET DEFAULT now() + interval '1 day';`,
    'ALTER TABLE "defaults" ALTER COLUMN "nullDefault" SET DEFAULT null;',
  ],
};
