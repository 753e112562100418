import { describe, expect, it } from 'vitest';
import { databaseUnavailable } from './database-unavailable.js';

const withCode = (code: string) => Object.assign(new Error('x'), { code });

describe('databaseUnavailable', () => {
  it('names the transient errors of both databases, and of a query drizzle wrapped', () => {
    expect(databaseUnavailable(withCode('SQLITE_BUSY'))).toBe('SQLITE_BUSY');
    expect(databaseUnavailable(withCode('SQLITE_READONLY_DBMOVED'))).toBe('SQLITE_READONLY_DBMOVED');
    expect(databaseUnavailable(withCode('57P01'))).toBe('57P01'); // admin shutdown
    expect(databaseUnavailable(withCode('08006'))).toBe('08006'); // connection failure
    expect(databaseUnavailable(withCode('53300'))).toBe('53300'); // too many connections
    expect(databaseUnavailable(withCode('ECONNREFUSED'))).toBe('ECONNREFUSED');
    expect(databaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe('POOL_TIMEOUT');
    const wrapped = Object.assign(new Error('Failed query: insert …'), { cause: withCode('57P03') });
    expect(databaseUnavailable(wrapped)).toBe('57P03');
  });

  it('leaves real bugs alone', () => {
    expect(databaseUnavailable(withCode('23505'))).toBeNull(); // unique violation
    expect(databaseUnavailable(withCode('42P01'))).toBeNull(); // undefined table
    expect(databaseUnavailable(withCode('SQLITE_CONSTRAINT'))).toBeNull();
    expect(databaseUnavailable(new TypeError('boom'))).toBeNull();
    expect(databaseUnavailable(null)).toBeNull();
  });
});
