/**
 * PostgreSQL 15 keywords that `quote_ident()` quotes: every keyword whose category is not
 * UNRESERVED_KEYWORD (RESERVED_KEYWORD, COL_NAME_KEYWORD, TYPE_FUNC_NAME_KEYWORD), from
 * PostgreSQL 15's src/include/parser/kwlist.h. Taken from a 15.20 server with
 * `SELECT word, catcode FROM pg_get_keywords() WHERE catcode <> 'U' ORDER BY word`
 * (catcode R, C, T); test/naming/postgres-identifiers.test.ts checks it against the server.
 *
 * NOTE: later versions quote more words. PostgreSQL 18 (PGlite 0.5) adds `system_user`
 * (reserved) and `json`, `json_array`, `json_arrayagg`, `json_exists`, `json_object`,
 * `json_objectagg`, `json_query`, `json_scalar`, `json_serialize`, `json_table`,
 * `json_value`, `merge_action` (col_name); see POSTGRES_16_TO_18_QUOTED_KEYWORDS.
 */

export type KeywordCategory = 'reserved' | 'col_name' | 'type_func_name';

export const POSTGRES_15_QUOTED_KEYWORDS: Readonly<Record<KeywordCategory, readonly string[]>> = {
  reserved: [
    'all', 'analyse', 'analyze', 'and', 'any', 'array', 'as', 'asc', 'asymmetric', 'both', 'case',
    'cast', 'check', 'collate', 'column', 'constraint', 'create', 'current_catalog', 'current_date',
    'current_role', 'current_time', 'current_timestamp', 'current_user', 'default', 'deferrable',
    'desc', 'distinct', 'do', 'else', 'end', 'except', 'false', 'fetch', 'for', 'foreign', 'from',
    'grant', 'group', 'having', 'in', 'initially', 'intersect', 'into', 'lateral', 'leading',
    'limit', 'localtime', 'localtimestamp', 'not', 'null', 'offset', 'on', 'only', 'or', 'order',
    'placing', 'primary', 'references', 'returning', 'select', 'session_user', 'some', 'symmetric',
    'table', 'then', 'to', 'trailing', 'true', 'union', 'unique', 'user', 'using', 'variadic',
    'when', 'where', 'window', 'with'
  ],
  col_name: [
    'between', 'bigint', 'bit', 'boolean', 'char', 'character', 'coalesce', 'dec', 'decimal',
    'exists', 'extract', 'float', 'greatest', 'grouping', 'inout', 'int', 'integer', 'interval',
    'least', 'national', 'nchar', 'none', 'normalize', 'nullif', 'numeric', 'out', 'overlay',
    'position', 'precision', 'real', 'row', 'setof', 'smallint', 'substring', 'time', 'timestamp',
    'treat', 'trim', 'values', 'varchar', 'xmlattributes', 'xmlconcat', 'xmlelement', 'xmlexists',
    'xmlforest', 'xmlnamespaces', 'xmlparse', 'xmlpi', 'xmlroot', 'xmlserialize', 'xmltable'
  ],
  type_func_name: [
    'authorization', 'binary', 'collation', 'concurrently', 'cross', 'current_schema', 'freeze',
    'full', 'ilike', 'inner', 'is', 'isnull', 'join', 'left', 'like', 'natural', 'notnull', 'outer',
    'overlaps', 'right', 'similar', 'tablesample', 'verbose'
  ],
};

/** Keywords PostgreSQL 16 to 18 quote that 15 does not (checked against PGlite's PostgreSQL 18). */
export const POSTGRES_16_TO_18_QUOTED_KEYWORDS: Readonly<Record<KeywordCategory, readonly string[]>> = {
  reserved: ['system_user'],
  col_name: [
    'json', 'json_array', 'json_arrayagg', 'json_exists', 'json_object', 'json_objectagg', 'json_query',
    'json_scalar', 'json_serialize', 'json_table', 'json_value', 'merge_action',
  ],
  type_func_name: [],
};
