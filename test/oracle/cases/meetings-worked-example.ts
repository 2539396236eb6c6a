import { readFileSync } from 'node:fs';
import * as meetingsSchema from '../../../examples/meetings/schema.js';
import type { OracleCase } from './case.js';

export const meetingsWorkedExample: OracleCase = {
  name: 'meetings-worked-example',
  description:
    'The worked example (examples/meetings): tables declared singular against plural ones, camelCase columns against snake_case, a column split across user_id and "userId", a dropped enum value and an extra column.',
  // NOTE: the drizzle-kit CLI loads schema files through esbuild-register, whose CommonJS exports
  // come out sorted by export name; vitest keeps declaration order. Sorted, as the CLI sees them.
  imports: Object.fromEntries(Object.entries(meetingsSchema).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  schemaFilters: ['public'],
  setupSql: readFileSync(new URL('../../../examples/meetings/production.sql', import.meta.url), 'utf8'),
  // NOTE: the order of the rename candidates follows drizzle-kit's unsorted catalog reads; compared as a set.
  drizzleKit: {
    kind: 'prompts',
    // One prompt per new table, in the order of the export names.
    prompts: ['meeting', 'meeting_note', 'meeting_participant', 'meeting_transcript'].map((name) => ({
      entity: 'table' as const,
      name,
      table: null,
      options: [
        { kind: 'create' as const, name },
        ...['meetings', 'meeting_transcripts', 'meeting_notes'].map((from) => ({ kind: 'rename' as const, from, to: name })),
      ],
    })),
  },
  ours: {
    findings: [
      'alter-enum meeting_status low',
      'convention-mismatch  medium',
      'convention-mismatch  medium',
      'rename-table meeting medium',
      'drop-column meeting.legacy_flag high',
      'rename-column meeting.createdAt medium',
      'rename-column meeting.projectId medium',
      'rename-column meeting.startsAt medium',
      'rename-column meeting.userId medium',
      'rename-constraint meeting (meeting_projectId_project_id_fk) low',
      'rename-table meeting_note medium',
      'drop-column meeting_note.user_id high',
      'rename-column meeting_note.createdAt medium',
      'rename-column meeting_note.meetingId medium',
      'alter-column-nullability meeting_note.userId high',
      'duplicate-column-variants meeting_note.userId high',
      'rename-constraint meeting_note (meeting_note_meetingId_meeting_id_fk) low',
      'create-table meeting_participant low',
      'rename-table meeting_transcript medium',
      'rename-column meeting_transcript.createdAt medium',
      'rename-column meeting_transcript.meetingId medium',
      'rename-constraint meeting_transcript (meeting_transcript_meetingId_meeting_id_fk) low',
    ],
    verdict: 'we are right',
    why: `drizzle-kit asks the table prompts we predict. Answered as we predict (meeting ← meetings, meeting_note ← meeting_notes, meeting_transcript ← meeting_transcripts), its diff throws: a renamed table that also has an altered column (meeting_note.userId NOT NULL) crashes preparePgAlterColumns. Push cannot carry out the right answer; answered "create" it drops the three tables with their data.`,
  },
  // NOTE: drizzle-kit 0.31 reads the old table under its new name (json1.tables[new key]) in preparePgAlterColumns.
  drizzleKitFailsOnOurAnswers: "Cannot read properties of undefined (reading 'columns')",
};
