import { reopenResultSchema } from '../../../tools/reopen-complaint.js';
import { submissionResultSchema } from '../../../tools/service-tool.js';
import { normalise } from '../../lang/normalise.js';
import { extractReferences } from '../../nlu/extract-reference.js';
import { serviceByTool } from '../../services/registry.js';
import { eventText } from '../../whatsapp/inbound-event.js';
import type { ToolCallRecord } from '../engine.js';
import { done, type Outcome, type Turn } from './outcome.js';
import { displayDate, rupees } from './prompts.js';
import { resume } from './resume.js';
import { formWithout, serviceFormAfterTool } from './service-form.js';
import { statusLines } from './status-lines.js';

type Result =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; error: { code: string; message: string } };

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** The next step of a turn once a tool call came back: render its result, chain, or resume the draft. */
export function afterTool(turn: Turn, record: ToolCallRecord): Outcome {
  const purpose = turn.state.turn?.purpose ?? 'status';
  turn.state = { ...turn.state, turn: null };
  if (record.status === 'confirmation_required') return done(turn, { reply: [] });
  if (record.status === 'invalid' || record.status === 'unknown_tool') return invalid(turn, record);
  const result = record.result as Result;
  const args = (record.parsedArguments ?? {}) as Record<string, unknown>;
  if (!result || typeof result !== 'object' || !('ok' in result)) return failed(turn);
  const formService = serviceByTool(record.name);
  if (!result.ok && formService?.storage === 'cases') return serviceFormAfterTool(turn, formService, result);
  if (record.name === 'reopen_complaint') return reopened(turn, record.result as ReopenOutcome);
  if (!result.ok) return failure(turn, result.error, args, record.name);
  switch (record.name) {
    case 'apply_birth_certificate':
      return birthSubmitted(turn, result.data);
    case 'file_hospital_complaint':
      return complaintFiled(turn, result.data, args);
    case 'check_status':
      return purpose === 'pay_lookup' ? pickApplication(turn, result.data) : status(turn, result.data);
    case 'create_payment_qr':
      return qrSent(turn, result.data);
    case 'delete_my_data':
      turn.notes.push(turn.say.t('delete_done'));
      turn.state = { ...turn.state, form: null, expecting: null };
      return done(turn);
    default: {
      const service = serviceByTool(record.name);
      if (service?.storage === 'cases') {
        const data = submissionResultSchema.safeParse(result.data);
        return data.success
          ? serviceFormAfterTool(turn, service, { ok: true, data: data.data })
          : failed(turn);
      }
      return resume(turn, false);
    }
  }
}

/** Our arguments failed the tool's schema: ask the named fields again rather than loop. */
function invalid(turn: Turn, record: ToolCallRecord): Outcome {
  const form = turn.state.form;
  const service = form ? serviceByTool(record.name) : undefined;
  const named = service
    ? Object.keys(service.fields).filter((f) => new RegExp(`\\b${f}\\b`).test(record.validationError ?? ''))
    : [];
  if (!service || named.length === 0) return failed(turn);
  turn.notes.push(turn.say.t('didnt_get'));
  return formWithout(turn, service, named);
}

function failed(turn: Turn): Outcome {
  turn.notes.push(turn.say.t('tool_failed'));
  return turn.state.form ? resume(turn, false) : done(turn);
}

function failure(
  turn: Turn,
  error: { code: string; message: string },
  args: Record<string, unknown>,
  tool: string,
) {
  const { say } = turn;
  const service = turn.state.form ? serviceByTool(tool) : undefined;
  const reference = str(args.reference) || str(args.forReference);
  switch (error.code) {
    case 'magistrate_order_required':
      turn.notes.push(say.t('too_old', { date: displayDate(str(args.dateOfBirth)) }));
      turn.state = { ...turn.state, form: null, expecting: null };
      return done(turn);
    case 'date_in_future':
      if (service?.id === 'birth_certificate') {
        turn.notes.push(say.t('future_date', { date: displayDate(str(args.dateOfBirth)) }));
        return formWithout(turn, service, ['dateOfBirth']);
      }
      if (service?.id === 'hospital_complaint') {
        turn.notes.push(say.t('future_incident_date', { date: displayDate(str(args.incidentDate)) }));
        return formWithout(turn, service, ['incidentDate']);
      }
      break;
    case 'not_found':
      turn.notes.push(say.t('status.not_found', { reference: reference || '—' }));
      return tool === 'check_status' ? nextStatus(turn) : afterAnswer(turn);
    case 'nothing_to_pay':
      turn.notes.push(say.t('pay.no_fee', { reference }));
      return afterAnswer(turn);
    case 'already_paid':
    case 'not_payable':
      turn.notes.push(say.t(`pay.${error.code}`, { reference }));
      return afterAnswer(turn);
    case 'internal_error':
      return failed(turn);
  }
  // the tool explains itself in the citizen's language (ToolContext.lang is this turn's)
  turn.notes.push(say.t('tool_error', { message: error.message }));
  return afterAnswer(turn);
}

/** An interruption answered: back to the draft if there is one. */
function afterAnswer(turn: Turn): Outcome {
  return turn.state.form ? resume(turn) : done(turn);
}

function birthSubmitted(turn: Turn, data: Record<string, unknown>): Outcome {
  const { say } = turn;
  const fees = turn.deps.fees;
  turn.notes.push(say.t('birth.submitted', { reference: str(data.reference) }));
  const rule = str(data.feeRule);
  const amount = rupees(num(data.feePaise));
  if (rule === 'free') turn.notes.push(say.t('fee.free', { days: fees.freeWithinDays }));
  else if (rule === 'late_fee') turn.notes.push(say.t('fee.late_fee', { days: fees.freeWithinDays, amount }));
  else if (rule === 'late_fee_affidavit') {
    turn.notes.push(say.t('fee.late_fee_affidavit', { days: fees.lateFeeOnlyWithinDays, amount }));
  }
  turn.state = { ...turn.state, form: null, expecting: null };
  return done(turn);
}

function complaintFiled(turn: Turn, data: Record<string, unknown>, args: Record<string, unknown>): Outcome {
  const { say } = turn;
  turn.notes.push(say.t('complaint.submitted', { reference: str(data.reference) }));
  if (num(data.photos) > 0) turn.notes.push(say.t('complaint.photos', { count: num(data.photos) }));
  if (args.anonymous === true) turn.notes.push(say.t('complaint.anonymous'));
  turn.state = { ...turn.state, form: null, expecting: null };
  return done(turn);
}

function status(turn: Turn, data: Record<string, unknown>): Outcome {
  turn.notes.push(...statusLines(turn.say, data));
  return nextStatus(turn);
}

/** "status of BC-2026-000417 and HC-2026-000210": each reference of the message is looked up in turn. */
function nextStatus(turn: Turn): Outcome {
  const asked = new Set(
    turn.input.toolCalls
      .filter((c) => c.name === 'check_status')
      .map((c) => str((c.parsedArguments as Record<string, unknown> | undefined)?.reference)),
  );
  if (asked.has('')) return afterAnswer(turn);
  const next = extractReferences(normalise(eventText(turn.input.inbound))).find(
    (ref) => !ref.startsWith('PAY-') && !asked.has(ref),
  );
  if (!next) return afterAnswer(turn);
  return done(turn, { call: { name: 'check_status', args: { reference: next }, purpose: 'status' } });
}

/** "pay" without a reference: one application is paid for at once, several are offered as a list. */
function pickApplication(turn: Turn, data: Record<string, unknown>): Outcome {
  const records = Array.isArray(data.records) ? (data.records as Record<string, unknown>[]) : [];
  const apps = records
    .filter((r) => (r.type === 'application' || r.type === 'case') && r.status !== 'rejected')
    .map((r) => str(r.reference));
  if (apps.length === 0) {
    turn.notes.push(turn.say.t('pay.nothing_due'));
    return afterAnswer(turn);
  }
  if (apps.length === 1) {
    turn.state = { ...turn.state, turn: null };
    return done(turn, {
      call: { name: 'create_payment_qr', args: { forReference: apps[0] }, purpose: 'pay' },
    });
  }
  turn.state = { ...turn.state, expecting: turn.state.form ? turn.state.expecting : 'pay_reference' };
  return done(turn, {
    prompt: {
      text: turn.say.t('pay.choose'),
      options: apps.slice(0, 10).map((ref) => ({ id: `payref:${ref}`, title: ref })),
      listLabel: turn.say.t('menu_button'),
    },
  });
}

function qrSent(turn: Turn, data: Record<string, unknown>): Outcome {
  const reference = str(data.forReference) || str(data.reference);
  const amount = num(data.amountPaise);
  turn.notes.push(
    amount > 0
      ? turn.say.t('pay.qr_sent', { amount: rupees(amount), reference })
      : turn.say.t('pay.qr_sent_plain', { reference }),
  );
  return afterAnswer(turn);
}

type ReopenOutcome =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; error: { code: string; message: string }; data?: Record<string, unknown> };

/**
 * reopen_complaint came back: reopened (said as the tool says it), "which one?" with the
 * citizen's complaints as a list, or why not (in their language) with a person offered.
 */
function reopened(turn: Turn, result: ReopenOutcome): Outcome {
  const { say } = turn;
  if (result.ok) {
    const data = reopenResultSchema.safeParse(result.data);
    if (!data.success) return failed(turn);
    turn.notes.push(data.data.nextStep);
    return afterAnswer(turn);
  }
  if (result.error.code === 'internal_error') return failed(turn);
  const refs = Array.isArray(result.data?.references) ? (result.data.references as unknown[]).map(str) : [];
  if (result.error.code === 'which_complaint' && refs.length > 0) {
    turn.state = { ...turn.state, expecting: turn.state.form ? turn.state.expecting : 'reopen_reference' };
    return done(turn, {
      prompt: {
        text: result.error.message,
        options: refs.slice(0, 10).map((ref) => ({ id: `reopenref:${ref}`, title: ref })),
        listLabel: say.t('menu_button'),
      },
    });
  }
  turn.notes.push(result.error.message, say.t('reopen.offer_person'));
  return afterAnswer(turn);
}
