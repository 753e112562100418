import { describe, expect, it } from 'vitest';
import { services } from '../src/services/registry.js';
import { allTools, toolByName } from './index.js';
import { openAiTool, toolJsonSchema } from './tool-json-schema.js';

type Schema = {
  type: string;
  properties: Record<string, { description?: string; type?: unknown; anyOf?: unknown[]; enum?: string[] }>;
  required: string[];
  additionalProperties: boolean;
};

describe('toolJsonSchema', () => {
  it.each(allTools.map((t) => [t.name, t] as const))(
    '%s: strict, every property required and described',
    (_, tool) => {
      const schema = toolJsonSchema(tool) as Schema;
      const keys = Object.keys(tool.schema.shape);
      expect(keys.length).toBeGreaterThan(0);
      expect(schema.type).toBe('object');
      expect(schema.additionalProperties).toBe(false);
      expect(Object.keys(schema.properties)).toEqual(keys);
      expect(schema.required).toEqual(keys);
      for (const key of keys) expect(schema.properties[key].description, key).toMatch(/\w{3,}/);
      expect(JSON.stringify(schema)).not.toMatch(/\$schema|minLength/);
    },
  );

  it('keeps enums, patterns and nullability', () => {
    const schema = toolJsonSchema(toolByName('apply_birth_certificate')!) as Schema;
    expect(schema.properties.sex).toEqual({
      type: 'string',
      enum: ['male', 'female', 'transgender'],
      description: "The child's sex.",
    });
    expect(schema.properties.pinCode).toMatchObject({ type: 'string', pattern: '^[1-9][0-9]{5}$' });
    expect(schema.properties.childName).toMatchObject({ type: ['string', 'null'] });
    expect(schema.properties.informantName).toMatchObject({ type: ['string', 'null'] });
  });

  it('writes a nullable constrained field as a type union, not anyOf, keeping its constraints', () => {
    const complaint = toolJsonSchema(toolByName('file_hospital_complaint')!) as Schema;
    expect(complaint.properties.incidentDate).toEqual({
      type: ['string', 'null'],
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description: 'YYYY-MM-DD, not in the future; null if not said.',
    });
    const caste = toolJsonSchema(toolByName('apply_caste_certificate')!) as Schema;
    expect(caste.properties.documents).toMatchObject({ type: ['array', 'null'], items: { type: 'string' } });
    expect(JSON.stringify([complaint, caste])).not.toContain('anyOf');
  });

  it('builds the chat-completions tool entry', () => {
    expect(openAiTool(toolByName('check_status')!)).toMatchObject({
      type: 'function',
      function: { name: 'check_status', strict: true, parameters: { required: ['reference'] } },
    });
    expect(toolByName('no_such_tool')).toBeUndefined();
    expect(allTools.map((t) => t.name)).toEqual([
      'apply_birth_certificate',
      'file_hospital_complaint',
      'reopen_complaint',
      // one generated tool per registry service kept in the cases table
      ...services.filter((s) => s.storage === 'cases').map((s) => s.toolName),
      'check_status',
      'create_payment_qr',
      'delete_my_data',
    ]);
  });
});
