-- The production database of the worked example, as the team's psql would show it.
-- Built by regenerate-snapshot.ts into a throwaway database, then captured into
-- snapshots/example.json. Names are snake_case and plural; `project` kept its old name.

create type meeting_status as enum ('scheduled', 'live', 'ended');

create table project (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  created_at timestamp with time zone not null default now()
);

create table meetings (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references project (id),
  user_id text not null,
  title text not null,
  status meeting_status not null default 'scheduled',
  starts_at timestamp with time zone,
  created_at timestamp with time zone not null default now(),
  legacy_flag boolean
);

create table meeting_transcripts (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references meetings (id) on delete cascade,
  body text not null,
  language varchar(10) default 'en',
  created_at timestamp with time zone not null default now()
);

-- An earlier `drizzle-kit push` was answered "create column" for userId: the new,
-- empty-ish "userId" column now sits beside user_id, and the data is split across both.
create table meeting_notes (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references meetings (id) on delete cascade,
  user_id text,
  "userId" text,
  body text not null,
  pinned boolean not null default false,
  created_at timestamp with time zone not null default now()
);
