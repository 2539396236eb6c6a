/**
 * The database catalog read with the schema's names: tables no rename reaches are kept as
 * they are (not copied); the others, and those whose foreign keys point at a renamed
 * table or column, read with the new names.
 */
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/model.js';
import { matchCatalogs } from '../../src/diff/match-catalog.js';
import { collectRenames, translateDatabase } from '../../src/diff/translate.js';
import { catalog, check, column, foreignKey, table } from '../support/catalog-builder.js';

const translate = (schema: Catalog, database: Catalog): Catalog => translateDatabase(database, collectRenames(matchCatalogs(schema, database)));

describe('translateDatabase', () => {
  const users = (idName: string) => table('users', [column(idName, 'integer'), column('email', 'text')], { checks: [check('users_email_check', `${idName} > 0`)] });
  const posts = (authorName: string, usersIdName: string) =>
    table('posts', [column('id', 'integer'), column(authorName, 'integer')], {
      foreignKeys: [foreignKey('posts_author_fk', [authorName], 'users', [usersIdName])],
    });
  const tags = table('tags', [column('id', 'integer'), column('label', 'text')]);

  it('keeps every table as it is when nothing is renamed', () => {
    const database = catalog([posts('author_id', 'id'), tags, users('id')]);
    const translated = translate(catalog([posts('author_id', 'id'), tags, users('id')]), database);
    database.tables.forEach((t, i) => expect(translated.tables[i]).toBe(t));
  });

  it('translates a renamed column, its expressions, and the foreign keys that reference it; other tables stay as they are', () => {
    const database = catalog([posts('author_id', 'user_id'), tags, users('user_id')]);
    const translated = translate(catalog([posts('author_id', 'userId'), tags, users('userId')]), database);
    const [translatedPosts, translatedTags, translatedUsers] = translated.tables;
    expect(translatedTags).toBe(database.tables[1]);
    expect(translatedUsers?.columns.map((c) => c.name)).toEqual(['userId', 'email']);
    expect(translatedUsers?.checks[0]?.expression).toBe('"userId" > 0');
    expect(translatedPosts).not.toBe(database.tables[0]);
    expect(translatedPosts?.foreignKeys[0]?.references.columns).toEqual(['userId']);
    expect(translatedPosts).toEqual({ ...database.tables[0], foreignKeys: [{ ...database.tables[0]?.foreignKeys[0], references: { schema: 'public', name: 'users', columns: ['userId'] } }] });
  });

  it('translates the foreign keys that reference a renamed table', () => {
    const database = catalog([table('post', [column('id', 'integer')]), table('comments', [column('post_id', 'integer')], { foreignKeys: [foreignKey('comments_post_fk', ['post_id'], 'post', ['id'])] })]);
    const schema = catalog([table('posts', [column('id', 'integer')]), table('comments', [column('post_id', 'integer')], { foreignKeys: [foreignKey('comments_post_fk', ['post_id'], 'posts', ['id'])] })]);
    const translated = translate(schema, database);
    expect(translated.tables.map((t) => t.name)).toEqual(['posts', 'comments']);
    expect(translated.tables[1]?.foreignKeys[0]?.references.name).toBe('posts');
  });
});
