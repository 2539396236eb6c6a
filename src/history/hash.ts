import { createHash } from 'node:crypto';

/**
 * The hash drizzle-orm's migrator stores in `__drizzle_migrations.hash`.
 *
 * NOTE: drizzle-orm 0.45 `migrator.js` `readMigrationFiles` reads the file with
 * `fs.readFileSync(path).toString()` (UTF-8 decoding: invalid bytes become U+FFFD, a BOM
 * is kept) and hashes that string with `crypto.createHash('sha256').update(query)`
 * (UTF-8 encoding again). Hashing the decoded text, not the raw bytes, is what makes
 * the two agree on every file, including ones that are not valid UTF-8.
 */
export const migrationHash = (fileBytes: Uint8Array): string =>
  createHash('sha256').update(Buffer.from(fileBytes).toString('utf8')).digest('hex');
