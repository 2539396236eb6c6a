import { z } from 'zod';

/**
 * `meta/_journal.json` as drizzle-kit 0.x writes it (journal version "7"):
 * `{ version, dialect, entries: [{ idx, version, when, tag, breakpoints }] }`.
 * Only what drizzle-orm's migrator reads is required (`tag`, `when`); other keys pass.
 */
const journalEntrySchema = z.looseObject({
  idx: z.number().int().optional(),
  when: z.number().int().nonnegative(),
  tag: z.string().min(1),
  breakpoints: z.boolean().optional(),
});

const journalSchema = z.looseObject({
  entries: z.array(journalEntrySchema),
});

export interface JournalEntry {
  readonly idx: number;
  readonly tag: string;
  readonly when: number;
}

export type JournalParse =
  | { readonly ok: true; readonly entries: readonly JournalEntry[] }
  | { readonly ok: false; readonly code: 'journal-unreadable' | 'journal-invalid'; readonly message: string };

/** Parses the journal text; entries keep journal order, the order the migrator runs them in. */
export const parseJournal = (text: string): JournalParse => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, code: 'journal-unreadable', message: `not JSON: ${(error as Error).message}` };
  }
  const parsed = journalSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.map(String).join('.') || '<root>' : '<root>';
    return { ok: false, code: 'journal-invalid', message: `${where}: ${issue?.message ?? 'invalid journal'}` };
  }
  return {
    ok: true,
    entries: parsed.data.entries.map((entry, position) => ({
      idx: entry.idx ?? position,
      tag: entry.tag,
      when: entry.when,
    })),
  };
};
