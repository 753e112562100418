/**
 * What OpenAI's strict function calling would reject in a tool's JSON Schema, as
 * readable lines ([] when fine). Strict mode wants every object closed
 * (additionalProperties: false) with every property required (optional ones are
 * nullable instead), no oneOf/allOf/not/conditionals, and at most 5 levels of nesting.
 */
export function strictSchemaProblems(schema: unknown): string[] {
  const problems: string[] = [];
  const root = schema as Record<string, unknown> | null;
  if (!root || typeof root !== 'object' || root.type !== 'object')
    problems.push('root: must be {type: "object"}');
  if (root && typeof root === 'object' && 'anyOf' in root) problems.push('root: must not be anyOf');
  walk(schema, '$', 0, problems);
  return problems;
}

const rejected = [
  'oneOf',
  'allOf',
  'not',
  'if',
  'then',
  'else',
  'patternProperties',
  'dependentRequired',
  'dependentSchemas',
];

function walk(node: unknown, path: string, depth: number, problems: string[]): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const [i, n] of node.entries()) walk(n, `${path}[${i}]`, depth, problems);
    return;
  }
  const s = node as Record<string, unknown>;
  for (const key of rejected) if (key in s) problems.push(`${path}: "${key}" is not supported`);
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if (types.includes('object') || s.properties) {
    if (depth > 5) problems.push(`${path}: nested deeper than 5 objects`);
    const props = (s.properties ?? {}) as Record<string, unknown>;
    if (s.additionalProperties !== false) problems.push(`${path}: additionalProperties must be false`);
    const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
    for (const name of Object.keys(props)) {
      if (!required.has(name)) problems.push(`${path}.${name}: must be required (make it nullable instead)`);
      walk(props[name], `${path}.${name}`, depth + 1, problems);
    }
  }
  if (s.items) walk(s.items, `${path}[]`, depth, problems);
  for (const key of ['anyOf', '$defs', 'definitions'] as const) {
    const sub = s[key];
    if (Array.isArray(sub)) {
      for (const [i, n] of sub.entries()) walk(n, `${path}.${key}[${i}]`, depth, problems);
    } else if (sub && typeof sub === 'object') {
      for (const [name, n] of Object.entries(sub)) walk(n, `${path}.${key}.${name}`, depth, problems);
    }
  }
}
