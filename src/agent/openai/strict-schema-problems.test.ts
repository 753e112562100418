import { describe, expect, it } from 'vitest';
import { strictSchemaProblems } from './strict-schema-problems.js';

describe('strictSchemaProblems', () => {
  it('accepts a closed object whose optional fields are nullable', () => {
    expect(
      strictSchemaProblems({
        type: 'object',
        properties: {
          reference: { anyOf: [{ type: 'string', pattern: '^[A-Z]{2}-' }, { type: 'null' }] },
          photos: {
            type: 'array',
            items: {
              type: 'object',
              properties: { id: { type: 'string' } },
              required: ['id'],
              additionalProperties: false,
            },
          },
        },
        required: ['reference', 'photos'],
        additionalProperties: false,
      }),
    ).toEqual([]);
  });

  it('names every open object, optional property and unsupported keyword', () => {
    expect(
      strictSchemaProblems({
        type: 'object',
        properties: {
          a: { type: 'string' },
          b: { type: 'object', properties: { c: { oneOf: [{ type: 'string' }] } } },
        },
        required: ['a'],
      }),
    ).toEqual([
      '$: additionalProperties must be false',
      '$.b: must be required (make it nullable instead)',
      '$.b: additionalProperties must be false',
      '$.b.c: must be required (make it nullable instead)',
      '$.b.c: "oneOf" is not supported',
    ]);
  });

  it('wants an object at the root', () => {
    expect(strictSchemaProblems({ type: 'string' })).toEqual(['root: must be {type: "object"}']);
  });
});
