import { describe, expect, it } from 'vitest';
import type { ColumnType } from '../../src/catalog/model.js';
import { normalizeExpressions } from '../../src/sql/index.js';

const enumType = (name: string): ColumnType => ({ name, schema: 'public', category: 'enum', dimensions: 0 });

describe('defaults of columns typed by a user-defined type', () => {
  // Found by test/plan/apply-plan.test.ts: after `ALTER TYPE ticket_status RENAME TO "ticketStatus"`,
  // pg_get_expr prints the default as 'open'::"ticketStatus"; the cast to the column's own
  // type must drop as it does for a lower-case name.
  it.each(['ticket_status', 'ticketStatus', 'Mood "quoted"'])('drops the cast to the column type %s', (name) => {
    const type = enumType(name);
    const quoted = `"${name.replaceAll('"', '""')}"`;
    const [cast, bare] = normalizeExpressions([
      { sql: `'open'::${quoted}`, columnType: type },
      { sql: `'open'`, columnType: type },
    ]);
    expect(cast).toEqual(bare);
  });
});
