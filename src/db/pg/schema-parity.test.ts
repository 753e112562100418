import { type PgTable, getTableConfig as pgTableConfig } from 'drizzle-orm/pg-core';
import { type SQLiteTable, getTableConfig as sqliteTableConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../open-database.js';
import * as sqliteSchema from '../schema.js';
import * as pgSchema from './schema.js';

// Both schemas must describe the same tables: the code above the storage reads one shape,
// and a column added to one dialect alone would break the other at run time, not here.
// Types differ on purpose (timestamptz/jsonb/boolean in PostgreSQL); names, nullability,
// primary keys and indexes must not.

const isTable = (v: unknown) =>
  typeof v === 'object' && v !== null && Symbol.for('drizzle:IsDrizzleTable') in v;

function describeTables(
  tables: {
    name: string;
    columns: { name: string; notNull: boolean; primary: boolean; hasDefault: boolean }[];
  }[],
) {
  return Object.fromEntries(
    tables.map((t) => [
      t.name,
      Object.fromEntries(
        t.columns.map((c) => [c.name, { notNull: c.notNull, primary: c.primary, hasDefault: c.hasDefault }]),
      ),
    ]),
  );
}

const sqliteTables = Object.values(sqliteSchema)
  .filter(isTable)
  .map((t) => sqliteTableConfig(t as SQLiteTable));
const pgTables = Object.values(pgSchema)
  .filter(isTable)
  .map((t) => pgTableConfig(t as PgTable));

// SQLite's transcript search is the FTS5 table messages_fts (migration 0001); PostgreSQL's is
// this trigram index (schema.ts). Everything else has the same name in both.
const PG_ONLY_INDEXES = ['messages_text_trgm_idx'];

describe('the PostgreSQL schema mirrors the SQLite one', () => {
  it('has the same tables and columns, with the same nullability, keys and defaults', () => {
    expect(pgTables.length).toBeGreaterThan(15);
    expect(describeTables(pgTables)).toEqual(describeTables(sqliteTables));
  });

  it('references the same tables from the same columns', () => {
    const fks = (
      tables: {
        name: string;
        foreignKeys: {
          reference: () => {
            columns: { name: string }[];
            foreignTable: unknown;
            foreignColumns: { name: string }[];
          };
        }[];
      }[],
      config: (t: never) => { name: string },
    ) =>
      tables
        .flatMap((t) =>
          t.foreignKeys.map((fk) => {
            const r = fk.reference();
            const to = config(r.foreignTable as never).name;
            return `${t.name}(${r.columns.map((c) => c.name)}) -> ${to}(${r.foreignColumns.map((c) => c.name)})`;
          }),
        )
        .sort();
    const pgFks = fks(pgTables, pgTableConfig as never);
    expect(pgFks.length).toBeGreaterThan(5);
    expect(pgFks).toEqual(fks(sqliteTables, sqliteTableConfig as never));
  });

  it('has the indexes the migrated SQLite database has (schema.ts and hand-written migrations alike), under the same names', () => {
    const db = openDatabase({ path: ':memory:' });
    const sqliteIndexes = (
      db.$client
        .prepare(
          `select name, tbl_name as tbl from sqlite_master where type = 'index' and sql is not null
           and tbl_name not like 'messages_fts%' order by name`,
        )
        .all() as { name: string; tbl: string }[]
    ).map((i) => `${i.tbl}.${i.name}`);
    db.$client.close();
    const pgIndexes = pgTables
      .flatMap((t) => t.indexes.map((i) => `${t.name}.${i.config.name}`))
      .filter((n) => !PG_ONLY_INDEXES.includes(n.split('.')[1] ?? ''))
      .sort();
    expect(sqliteIndexes.length).toBeGreaterThan(20);
    expect(pgIndexes).toEqual(sqliteIndexes);
  });

  it('keeps partial indexes partial and unique indexes unique', () => {
    const shape = (
      tables: { name: string; indexes: { config: { name?: string; unique: boolean; where?: unknown } }[] }[],
    ) =>
      new Map(
        tables.flatMap((t) =>
          t.indexes.map((i) => [
            i.config.name,
            { unique: i.config.unique, partial: i.config.where !== undefined },
          ]),
        ),
      );
    const sqlite = shape(sqliteTables);
    const pg = shape(pgTables);
    expect(sqlite.size).toBeGreaterThan(20);
    for (const [name, s] of sqlite) expect({ name, pg: pg.get(name) }).toEqual({ name, pg: s });
  });
});
