/**
 * A schema with distinctive values in its rows (never in its structure), wherever a
 * value could hide: plain, defaulted and enum-typed columns, jsonb, arrays, bytea, a
 * partition, a materialized view's stored result, a sequence's current value, and the
 * planner statistics ANALYZE gathers (pg_stats keeps sample values).
 */
export const ROW_VALUES = [
  'Row-Value-Zebra-4471',
  'Row-Override-Tapir-5512',
  'Row-Json-Okapi-9921',
  'Row-Array-Quokka-1187',
  'Row-Partition-Lynx-3391',
  'ROW-VALUE-ZEBRA-4471', // only in the materialized view's stored rows
  'deadbeefcafe',
  '7777123',
  '9876543',
] as const;

export const SEED_SQL = `
  create type public.tier as enum ('bronze', 'silver');
  create sequence public.ticket_seq;
  create table public.accounts (
    id integer primary key generated always as identity,
    name text not null,
    motto text not null default 'Default-Is-Structure',
    tier public.tier not null default 'bronze',
    profile jsonb,
    nicknames text[],
    avatar bytea,
    balance integer
  );
  insert into public.accounts (name, motto, tier, profile, nicknames, avatar, balance)
  select 'Row-Value-Zebra-4471', 'Row-Override-Tapir-5512', 'silver',
         '{"token": "Row-Json-Okapi-9921"}', array['Row-Array-Quokka-1187'], '\\xdeadbeefcafe', 7777123
  from generate_series(1, 50);
  create table public.events (at date not null, label text) partition by range (at);
  create table public.events_2024 partition of public.events for values from ('2024-01-01') to ('2025-01-01');
  insert into public.events values ('2024-05-01', 'Row-Partition-Lynx-3391');
  create materialized view public.account_names as select upper(name) as label from public.accounts;
  select setval('public.ticket_seq', 9876543);
  analyze;
`;
