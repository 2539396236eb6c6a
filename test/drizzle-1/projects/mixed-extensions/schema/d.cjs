const { pgTable, text } = require('drizzle-orm/pg-core');

exports.delta = pgTable('delta', { id: text('id').primaryKey() });
