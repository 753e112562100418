import { describe, expect, it } from 'vitest';
import type { TurnRecord } from '../types.js';
import { checkTurn, readableText } from './turn-checks.js';

const summary: TurnRecord = {
  index: 2,
  input: 'मैं पिता हूँ',
  inboundId: 7,
  replies: [
    { kind: 'text', text: 'जमा करने से पहले कृपया ये जानकारी जाँच लें: बच्चे का नाम: आरव, ज़िला: लखनऊ' },
    {
      kind: 'buttons',
      text: 'क्या सब कुछ सही है?',
      buttons: [
        { id: 'confirm:yes', title: 'हाँ, जमा करें' },
        { id: 'confirm:change', title: 'कुछ बदलना है' },
        { id: 'confirm:cancel', title: 'रद्द करें' },
      ],
    },
  ],
  replyText: '',
  toolCalls: [
    {
      name: 'apply_birth_certificate',
      args: { childName: 'आरव', district: 'Lucknow', pinCode: '226016' },
      status: 'confirmation_required',
    },
  ],
  engine: 'offline',
  model: null,
  fellBack: false,
  language: 'hi',
  latencyMs: 1,
  wallMs: 2,
  promptTokens: 0,
  completionTokens: 0,
};

describe('checkTurn', () => {
  it('passes a correct Hindi summary turn: tool, args with alternatives, script, nukta-insensitive text, buttons', () => {
    const r = checkTurn(
      {
        text: 'मैं पिता हूँ',
        tool: 'apply_birth_certificate',
        args: { childName: 'आरव', district: ['Lucknow', 'लखनऊ'] },
        replyContains: ['जिला'],
        replyNotContains: ['BC-2026'],
        buttons: ['confirm:cancel'],
        confirmation: true,
      },
      summary,
      'hi',
    );
    expect(r.checks.filter((c) => !c.pass)).toEqual([]);
    expect(r).toMatchObject({
      toolOk: true,
      args: { matched: 2, total: 2 },
      languageOk: true,
      reply: { passed: 4, total: 4 },
    });
    expect(readableText(summary.replies)).toContain('रद्द करें');
  });

  it('fails the wrong tool, wrong argument, wrong language and a missing confirmation', () => {
    const r = checkTurn(
      { text: 'x', tool: 'none', args: { pinCode: '226010' }, confirmation: false },
      summary,
      'en',
    );
    expect(r.checks.filter((c) => !c.pass).map((c) => c.kind)).toEqual(['tool', 'args', 'language', 'reply']);
  });

  it('treats silence as a failure unless noReply is expected', () => {
    const silent = { ...summary, replies: [], toolCalls: [] };
    expect(checkTurn({ text: 'x' }, silent, 'hi').checks).toEqual([
      { kind: 'language', turn: 2, pass: false, message: 'no reply' },
    ]);
    expect(checkTurn({ text: 'x', noReply: true }, silent, 'hi').checks.every((c) => c.pass)).toBe(true);
  });
});
