import { defineConfig } from 'drizzle-kit';

// PostgreSQL (DATABASE_URL=postgres://…): drizzle-kit generates the SQL from the pg-core
// mirror of the schema; the app applies it at start (src/db/pg/open-pg.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './src/db/pg/schema.ts',
    './src/db/pg/coordination-schema.ts',
    './src/db/pg/media-blobs-schema.ts',
  ],
  out: './src/db/pg-migrations',
});
