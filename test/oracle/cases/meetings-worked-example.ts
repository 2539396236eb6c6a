import { readFileSync } from 'node:fs';
import * as meetingsSchema from '../../../examples/meetings/schema.js';
import type { OracleCase } from './case.js';

export const meetingsWorkedExample: OracleCase = {
  name: 'meetings-worked-example',
  description:
    'The worked example (examples/meetings): tables declared singular against plural ones, camelCase columns against snake_case, a column split across user_id and "userId", a dropped enum value and an extra column.',
  imports: meetingsSchema,
  schemaFilters: ['public'],
  setupSql: readFileSync(new URL('../../../examples/meetings/production.sql', import.meta.url), 'utf8'),
  // NOTE: the order of the rename candidates follows drizzle-kit's unsorted catalog reads; compared as a set.
  drizzleKit: {
    kind: 'prompts',
    // One prompt per new table, in the order schema.ts declares them.
    prompts: ['meeting', 'meeting_transcript', 'meeting_note', 'meeting_participant'].map((name) => ({
      entity: 'table' as const,
      name,
      table: null,
      options: [
        { kind: 'create' as const, name },
        ...['meetings', 'meeting_transcripts', 'meeting_notes'].map((from) => ({ kind: 'rename' as const, from, to: name })),
      ],
    })),
  },
};
