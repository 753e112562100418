import { z } from 'zod';
import type { AnyToolDef } from './tool.js';

type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema the model sees, generated from the tool's zod schema (zod 4's own
 * generator; zod-to-json-schema emits empty schemas for zod 4). Shaped for OpenAI strict
 * mode: every object closed (additionalProperties: false) and every property required —
 * optional fields are nullable in the zod schema, so "required" still lets the model send null.
 */
export function toolJsonSchema(tool: AnyToolDef): JsonSchema {
  const { $schema: _drop, ...schema } = z.toJSONSchema(tool.schema, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  return strictify(schema);
}

// Keywords strict mode rejects; the runtime still enforces them with the zod schema.
const UNSUPPORTED = new Set(['minLength', 'maxLength', 'default']);

function strictify(node: unknown): JsonSchema {
  if (Array.isArray(node)) return node.map(strictify) as unknown as JsonSchema;
  if (!node || typeof node !== 'object') return node as JsonSchema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (UNSUPPORTED.has(key)) continue;
    if (key === 'properties' && value && typeof value === 'object') {
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strictify(v)]));
    } else if (value && typeof value === 'object') {
      out[key] = strictify(value);
    } else {
      out[key] = value;
    }
  }
  const nullable = nullableOf(out);
  if (nullable) return nullable;
  if (out.type === 'object' && out.properties) {
    out.additionalProperties = false;
    out.required = Object.keys(out.properties as JsonSchema);
  }
  return out;
}

/**
 * `anyOf: [X, {type: "null"}]` (zod's nullable of a constrained type) as X with
 * `type: [X's type, "null"]`: the same values, and the form strict mode documents for an
 * optional field, in half the tokens. Keywords of X (pattern, items, enum) constrain only
 * values of its own type, so null still passes them.
 */
function nullableOf(node: JsonSchema): JsonSchema | null {
  const options = node.anyOf;
  if (!Array.isArray(options) || options.length !== 2) return null;
  const [value, none] = (options as JsonSchema[])[1]?.type === 'null' ? options : [...options].reverse();
  if ((none as JsonSchema).type !== 'null' || Object.keys(none).length !== 1) return null;
  const v = value as JsonSchema;
  if (typeof v.type !== 'string' || (v.enum && !(v.enum as unknown[]).includes(null))) return null;
  const { anyOf: _anyOf, ...rest } = node;
  return { ...v, type: [v.type, 'null'], ...rest };
}

/** The `tools` entry of a chat-completions request. */
export function openAiTool(tool: AnyToolDef) {
  return {
    type: 'function' as const,
    function: {
      name: tool.name,
      description: tool.description,
      strict: true,
      parameters: toolJsonSchema(tool),
    },
  };
}
