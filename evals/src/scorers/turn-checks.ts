import type { Lang } from '../../../src/lang/language.js';
import type { OutboundMessage } from '../../../src/whatsapp/outbound-message.js';
import type { CaseTurn } from '../case-schema.js';
import { matchFields, textContains } from '../match.js';
import type { Check, TurnRecord } from '../types.js';
import { checkReplyLanguage, scriptOfText } from './language.js';

export const CONFIRM_YES = 'confirm:yes';

/** Button and list-row ids a reply offers. */
export function offeredIds(replies: OutboundMessage[]): string[] {
  return replies.flatMap((m) =>
    m.kind === 'buttons' ? m.buttons.map((b) => b.id) : m.kind === 'list' ? m.rows.map((r) => r.id) : [],
  );
}

/** The words a citizen reads in a reply: bodies, captions, button and row titles. */
export function readableText(replies: OutboundMessage[]): string {
  return replies
    .flatMap((m) => {
      switch (m.kind) {
        case 'text':
        case 'template':
          return [m.text];
        case 'buttons':
          return [m.text, ...m.buttons.map((b) => b.title)];
        case 'list':
          return [m.text, ...m.rows.map((r) => [r.title, r.description ?? ''].join(' '))];
        case 'image':
          return [m.caption ?? ''];
        default:
          return [];
      }
    })
    .filter(Boolean)
    .join('\n');
}

export interface TurnScore {
  checks: Check[];
  toolOk: boolean | null;
  args: { matched: number; total: number } | null;
  languageOk: boolean | null;
  reply: { passed: number; total: number };
}

/** Every expectation of one turn against what happened. `lang` is the language the reply must be in. */
export function checkTurn(exp: CaseTurn, rec: TurnRecord, lang: Lang | 'any'): TurnScore {
  const checks: Check[] = [];
  const turn = rec.index;
  const add = (kind: string, pass: boolean, message: string) => checks.push({ kind, turn, pass, message });
  const called = rec.toolCalls.map((c) => c.name);
  const calledText = called.length ? called.join(', ') : 'no tool';

  let toolOk: boolean | null = null;
  const wanted = exp.tool === undefined ? [] : Array.isArray(exp.tool) ? exp.tool : [exp.tool];
  if (exp.tool !== undefined) {
    toolOk = wanted.includes('none') ? called.length === 0 : wanted.every((t) => called.includes(t));
    add('tool', toolOk, `expected ${wanted.join(', ')}; called ${calledText}`);
  }
  for (const t of exp.notTool ?? []) {
    const ok = !called.includes(t);
    toolOk = (toolOk ?? true) && ok;
    add('tool', ok, ok ? `did not call ${t}` : `called ${t}, which it must not`);
  }

  let args: TurnScore['args'] = null;
  if (exp.args) {
    const target = wanted.find((t) => t !== 'none');
    const call = [...rec.toolCalls].reverse().find((c) => (target ? c.name === target : true) && c.args);
    const m = matchFields(exp.args, call?.args ?? {}, exp.argsExact);
    args = { matched: m.matched, total: m.total };
    const detail = m.mismatches
      .map((x) => `${x.field}: expected ${JSON.stringify(x.expected)}, got ${JSON.stringify(x.actual)}`)
      .join('; ');
    add(
      'args',
      m.mismatches.length === 0,
      call ? detail || 'arguments match' : `no call of ${target ?? 'a tool'}`,
    );
  }

  const text = readableText(rec.replies);
  let languageOk: boolean | null = null;
  if (exp.noReply) {
    add(
      'reply',
      rec.replies.length === 0,
      rec.replies.length === 0 ? 'silent' : 'replied but should stay silent',
    );
  } else if (rec.replies.length === 0) {
    languageOk = false;
    add('language', false, 'no reply');
  } else if (lang !== 'any') {
    const v = checkReplyLanguage(text, lang, exp.replyScript);
    languageOk = v.pass;
    add('language', v.pass, v.message);
  } else if (exp.replyScript) {
    const script = scriptOfText(text);
    languageOk = script === exp.replyScript;
    add('language', languageOk, `reply in ${script} script, expected ${exp.replyScript}`);
  }

  const reply = { passed: 0, total: 0 };
  const replyCheck = (pass: boolean, message: string) => {
    reply.total += 1;
    if (pass) reply.passed += 1;
    add('reply', pass, message);
  };
  for (const s of exp.replyContains ?? []) replyCheck(textContains(text, s), `reply contains "${s}"`);
  if (exp.replyContainsAny) {
    const ok = exp.replyContainsAny.some((s) => textContains(text, s));
    replyCheck(ok, `reply contains one of ${exp.replyContainsAny.map((s) => `"${s}"`).join(', ')}`);
  }
  for (const s of exp.replyNotContains ?? [])
    replyCheck(!textContains(text, s), `reply does not contain "${s}"`);
  const ids = offeredIds(rec.replies);
  for (const id of exp.buttons ?? []) replyCheck(ids.includes(id), `offers button "${id}"`);
  if (exp.confirmation !== undefined) {
    const shown = ids.includes(CONFIRM_YES);
    replyCheck(
      shown === exp.confirmation,
      exp.confirmation ? 'confirmation summary shown' : 'no confirmation shown',
    );
  }
  return { checks, toolOk, args, languageOk, reply };
}
