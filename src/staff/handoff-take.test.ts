// Two officers and one citizen who asked for a person: the chat is taken once.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../i18n/catalogue.js';
import { first } from '../storage/operation.js';
import { pgSkipNote } from '../testing/pg-test-database.js';
import { testDialects, useStore } from '../testing/store-dialects.js';
import { auditTrail, consoleOnStore, outboundTo, seedCitizenOp } from './console-on-store.js';

const WA = '919800000011';
const joined = loadCatalogue().t('hi', 'staff.handoff_taken');

describe.each(testDialects)(`taking a handoff on %s${pgSkipNote}`, (dialect) => {
  const store = useStore(dialect);

  it('two officers take the same chat at once: one has it, the other is refused, the citizen is told once', async () => {
    const s = store();
    const { ids, asha, ravi } = await consoleOnStore(s);
    const conversationId = await s.transaction(seedCitizenOp({ waId: WA, handoff: 'queued' }));
    const path = `/staff/handoffs/${conversationId}/take`;

    const statuses = (await Promise.all([asha.post(path, {}), ravi.post(path, {})])).map((r) => r.status);
    expect(statuses.sort()).toEqual([303, 409]);
    const citizen = await s.read(function* ({ db, t }) {
      return yield* first(
        db
          .select({ handoff: t.citizens.handoff, officer: t.citizens.handoffOfficerId })
          .from(t.citizens)
          .where(eq(t.citizens.waId, WA)),
      );
    });
    const holder = citizen?.officer;
    expect(citizen?.handoff).toBe('human');
    expect([ids.asha, ids.ravi]).toContain(holder);

    // taking it again, by the other officer or by the one who has it, changes nothing
    const other = holder === ids.asha ? ravi : asha;
    const own = holder === ids.asha ? asha : ravi;
    expect((await other.post(path, {})).status).toBe(409);
    expect((await own.post(path, {})).status).toBe(409);

    expect(await s.read(outboundTo(WA))).toEqual([
      { kind: 'text', text: joined, purpose: null, sentBy: `staff:${holder}` },
    ]);
    const takes = (await s.read(auditTrail())).filter((a) => a.action === 'handoff.take');
    expect(takes.map((a) => a.userId)).toEqual([holder]);
  });
});
