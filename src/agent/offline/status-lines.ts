import { displayDate, type Say } from './prompts.js';

const KINDS = new Set(['application', 'complaint', 'payment']);

/**
 * check_status's records as sentences: reference, kind, status and its date, and what
 * happens next. The tool already wrote status labels and next steps in the citizen's
 * language; our own catalogue is the fallback.
 */
export function statusLines(say: Say, data: Record<string, unknown>): string[] {
  const records = Array.isArray(data.records) ? (data.records as Record<string, unknown>[]) : [];
  if (records.length === 0) return [say.t('status.none')];
  const lines = records.map((r) => {
    const type = String(r.type ?? '');
    const status = String(r.status ?? '');
    const label =
      typeof r.statusLabel === 'string' && r.statusLabel ? r.statusLabel : fallback(say, 'state', status);
    const item = say.t('status.item', {
      reference: String(r.reference ?? ''),
      kind: KINDS.has(type) ? say.t(`kind.${type}`) : String(r.serviceName ?? type),
      status: label,
      date: displayDate(String(r.statusAt ?? '')),
    });
    const next = typeof r.nextStep === 'string' && r.nextStep ? r.nextStep : fallback(say, 'next', status);
    return next ? `${item}\n${say.t('status.next', { next })}` : item;
  });
  return [[say.t('status.header'), ...lines].join('\n\n')];
}

function fallback(say: Say, group: string, status: string): string {
  return say.catalogue.has(`offline.${group}.${status}`) ? say.t(`${group}.${status}`) : status;
}
