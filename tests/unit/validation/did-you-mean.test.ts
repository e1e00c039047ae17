import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../../shared/scenario';
import { closestName } from '../../../shared/validation/did-you-mean';
import { fieldsAt } from '../../../shared/validation/schema-fields';

describe('closestName', () => {
  it('finds the name a typo meant: a letter missing, added, changed or two swapped', () => {
    const known = ['concurrency', 'count', 'type', 'threads'];
    expect(closestName('concurency', known)).toBe('concurrency');
    expect(closestName('cuont', known)).toBe('count');
    expect(closestName('Tpye', known)).toBe('type');
    expect(closestName('threadz', known)).toBe('threads');
  });

  it('suggests nothing when no name is close, or the word is too short to guess', () => {
    expect(closestName('colour', ['concurrency', 'count'])).toBeNull();
    expect(closestName('x', ['ms'])).toBeNull();
    expect(closestName('anything', [])).toBeNull();
  });
});

describe('fieldsAt', () => {
  const schema = scenarioJsonSchema();

  it('lists the fields of the place, following the discriminator of a union', () => {
    const draft = { strategy: { type: 'pool' }, tasks: [{ kind: 'http' }] };
    expect(fieldsAt(schema, draft, [])).toEqual(expect.arrayContaining(['version', 'name', 'strategy', 'tasks', 'options']));
    expect(fieldsAt(schema, draft, ['strategy'])).toEqual(expect.arrayContaining(['type', 'concurrency']));
    expect(fieldsAt(schema, draft, ['strategy'])).not.toContain('threads');
    expect(fieldsAt(schema, draft, ['tasks', 0])).toContain('kind');
    expect(fieldsAt(schema, { tasks: [{ kind: 'timer' }] }, ['tasks', 0])).toContain('jitterMs');
  });

  it('offers every branch while the discriminator is not set yet', () => {
    expect(fieldsAt(schema, { strategy: {} }, ['strategy'])).toEqual(expect.arrayContaining(['concurrency', 'threads']));
  });
});
