// A prepared select runs with each call's values, inside and outside transactions, on both dialects.
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { pgSkipNote } from '../testing/pg-test-database.js';
import { testDialects, useStore } from '../testing/store-dialects.js';
import { exec, type Op, preparedRows } from './operation.js';

const addCitizen = (waId: string, name: string): Op<void> =>
  function* ({ db, t }) {
    yield* exec(db.insert(t.citizens).values({ waId, name, createdAt: 1 }));
  };

const nameOf = (waId: string): Op<string[]> =>
  function* (q) {
    const found = yield* preparedRows(
      q,
      'test_citizen_name',
      ({ db, t: { citizens: c } }) =>
        db
          .select({ name: c.name })
          .from(c)
          .where(eq(c.waId, sql.placeholder('waId'))),
      { waId },
    );
    return found.map((r) => r.name ?? '');
  };

describe.each(testDialects)(`preparedRows on %s${pgSkipNote}`, (dialect) => {
  const store = useStore(dialect);

  it('binds each call its own values, and sees writes made after it was prepared', async () => {
    const s = store();
    await s.transaction(addCitizen('919000000001', 'Asha'));
    expect(await s.read(nameOf('919000000001'))).toEqual(['Asha']);
    expect(await s.read(nameOf('919000000002'))).toEqual([]);
    await s.transaction(addCitizen('919000000002', 'Ravi'));
    expect(await s.read(nameOf('919000000002'))).toEqual(['Ravi']);
    expect(await s.read(nameOf('919000000001'))).toEqual(['Asha']);
  });

  it('inside a transaction, reads what the transaction wrote', async () => {
    const s = store();
    const seen = await s.transaction(function* (q) {
      yield* addCitizen('919000000003', 'Meena')(q);
      return yield* nameOf('919000000003')(q);
    });
    expect(seen).toEqual(['Meena']);
    // and again in a second transaction, where PostgreSQL may hand out another connection
    const again = await s.transaction(function* (q) {
      return yield* nameOf('919000000003')(q);
    });
    expect(again).toEqual(['Meena']);
  });
});
