import pino, { type Logger } from 'pino';

export type { Logger };

/** 919812345678 → 91••••••5678: enough to tell citizens apart in logs, not enough to call them. */
export function maskPhone(waId: string): string {
  if (waId.length <= 6) return '••••';
  return `${waId.slice(0, 2)}${'•'.repeat(Math.max(2, waId.length - 6))}${waId.slice(-4)}`;
}

/**
 * JSON logs. Message text and phone numbers never go out at info level: callers log
 * masked ids, and these paths are censored as a second line of defence.
 */
export function createLogger({
  level,
  destination,
}: {
  level: string;
  destination?: pino.DestinationStream;
}): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: [
          'text',
          'body',
          'phone',
          'waId',
          'wa_id',
          '*.text',
          '*.body',
          '*.phone',
          '*.waId',
          'req.headers.authorization',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
