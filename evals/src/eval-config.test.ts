import { describe, expect, it } from 'vitest';
import { configVariants, EvalConfigError, parseEvalConfig } from './eval-config.js';

describe('eval config', () => {
  it('defaults to the offline engine and expands a model × prompt matrix', () => {
    expect(configVariants(parseEvalConfig(''))).toEqual([{ name: 'offline', engine: 'offline' }]);
    const cfg = parseEvalConfig(
      'variants: [{ name: offline, engine: offline }]\nmatrix: { models: [m1, m2], prompts: [default, concise] }\n',
    );
    expect(configVariants(cfg).map((v) => v.name)).toEqual([
      'offline',
      'm1/default',
      'm1/concise',
      'm2/default',
      'm2/concise',
    ]);
    expect(configVariants(cfg)[2]).toEqual({
      name: 'm1/concise',
      engine: 'openai',
      model: 'm1',
      prompt: 'concise',
    });
  });

  it('rejects unknown keys, bad thresholds and duplicate variant names', () => {
    expect(() => parseEvalConfig('thresholds: { default: 1.5 }')).toThrow(EvalConfigError);
    expect(() => parseEvalConfig('concurency: 3')).toThrow(/concurency/);
    const dup = parseEvalConfig(
      'variants: [{ name: m/default, engine: offline }]\nmatrix: { models: [m] }\n',
    );
    expect(() => configVariants(dup)).toThrow(/defined twice/);
  });
});
