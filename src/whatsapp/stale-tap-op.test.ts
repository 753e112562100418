import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../i18n/catalogue.js';
import { enqueueOutboundOp } from '../outbox/enqueue-outbound.js';
import { exec, type Op } from '../storage/operation.js';
import { testDialects, useStore } from '../testing/store-dialects.js';
import type { OutboundMessage } from './outbound-message.js';
import { staleTapReplyOp } from './quoted-reply.js';

const catalogue = loadCatalogue();
const WA = '919800000077';
const question = (text: string): OutboundMessage => ({
  kind: 'buttons',
  text,
  buttons: [
    { id: 'confirm:yes', title: 'Yes' },
    { id: 'confirm:cancel', title: 'Cancel' },
  ],
});

/** An outbound question as the sender leaves it once WhatsApp accepted it: with its wamid. */
const sent = (m: OutboundMessage, wamid: string): Op<number> =>
  function* (q) {
    const [id] = yield* enqueueOutboundOp([m], { waId: WA, simulated: false, now: 1 })(q);
    yield* exec(q.db.update(q.t.messages).set({ wamid }).where(eq(q.t.messages.id, id)));
    return id;
  };

const pendingAction = (p: unknown): Op<void> =>
  function* ({ db, t }) {
    yield* exec(db.insert(t.dialogueStates).values({ waId: WA, pendingAction: p, updatedAt: 1 }));
  };

const tap = (quoted: string) => ({
  waId: WA,
  inboundId: 1_000,
  payload: { kind: 'button', id: 'confirm:yes', title: 'Yes', quotedWamid: quoted },
  lang: 'en' as const,
  catalogue,
});

describe.each(testDialects)('a tap quoting one of our messages, on %s', (dialect) => {
  const store = useStore(dialect);

  it('on an outdated question: answered with the newest question again', async () => {
    await store().transaction(sent(question('old summary'), 'wamid.old'));
    await store().transaction(sent(question('new summary'), 'wamid.new'));
    const reply = await store().read(staleTapReplyOp(tap('wamid.old')));
    expect(reply?.map((m) => (m.kind === 'text' ? m.text : m.kind === 'buttons' ? m.text : ''))).toEqual([
      catalogue.t('en', 'whatsapp.quoted.stale'),
      'new summary',
    ]);
  });

  it('on the newest summary: nothing while its confirmation is pending, "already done" once it is not', async () => {
    await store().transaction(sent(question('summary'), 'wamid.s'));
    await store().transaction(pendingAction({ tool: 'apply_birth_certificate', args: {} }));
    expect(await store().read(staleTapReplyOp(tap('wamid.s')))).toBeNull();
    await store().transaction(function* ({ db, t }) {
      yield* exec(
        db.update(t.dialogueStates).set({ pendingAction: null }).where(eq(t.dialogueStates.waId, WA)),
      );
    });
    const reply = await store().read(staleTapReplyOp(tap('wamid.s')));
    expect(reply?.map((m) => (m.kind === 'text' ? m.text : ''))).toEqual([
      catalogue.t('en', 'whatsapp.quoted.already_done'),
    ]);
  });

  it('a tap quoting nothing we sent runs as a normal turn', async () => {
    expect(await store().read(staleTapReplyOp(tap('wamid.unknown')))).toBeNull();
  });
});
