import { describe, expect, it } from 'vitest';
import { PRESETS, PRESET_CONCEPTS, findPreset, variantScenario } from '../../../shared/presets';
import { checkScenario } from '../../../shared/scenario';
import { problemsToText } from '../../../shared/validation/format-issues';

describe('built-in presets', () => {
  it('have unique kebab-case ids and can be found by id', () => {
    const ids = PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(findPreset(id)?.id).toBe(id);
    }
    expect(findPreset('no-such-preset')).toBeUndefined();
  });

  it('cover every concept of the product brief', () => {
    expect(new Set(PRESETS.map((p) => p.concept))).toEqual(new Set(PRESET_CONCEPTS));
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))('%s: base scenario and every variant are valid', (_id, preset) => {
    const base = checkScenario(preset.scenario);
    expect(base.ok ? '' : problemsToText(base.problems)).toBe('');
    expect(preset.variants.length).toBeGreaterThanOrEqual(2);
    expect(new Set(preset.variants.map((v) => v.id)).size).toBe(preset.variants.length);
    for (const variant of preset.variants) {
      const check = checkScenario(variantScenario(preset, variant));
      expect(check.ok ? '' : problemsToText(check.problems)).toBe('');
    }
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))('%s: the base scenario is the first variant', (_id, preset) => {
    const [first] = preset.variants;
    const base = checkScenario(preset.scenario);
    const variant = checkScenario(variantScenario(preset, first!));
    if (!base.ok || !variant.ok) throw new Error('invalid preset');
    expect({ ...variant.scenario, name: base.scenario.name }).toEqual(base.scenario);
  });

  it('has explanations of two or three sentences and a notice', () => {
    for (const preset of PRESETS) {
      const sentences = preset.explanation.split(/(?<=[.!?])\s+/).length;
      expect(sentences, preset.id).toBeGreaterThanOrEqual(2);
      expect(sentences, preset.id).toBeLessThanOrEqual(3);
      expect(preset.notice.length, preset.id).toBeGreaterThan(20);
    }
  });
});
