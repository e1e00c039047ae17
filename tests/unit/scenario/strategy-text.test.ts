import { describe, expect, it } from 'vitest';
import { parseStrategyText, strategyText } from '../../../shared/scenario';

describe('parseStrategyText', () => {
  it.each([
    ['sequential', { type: 'sequential' }],
    ['all', { type: 'all' }],
    ['allSettled', { type: 'allSettled' }],
    ['race', { type: 'race' }],
    ['any', { type: 'any' }],
    ['callbacks', { type: 'callbacks' }],
    ['pool:4', { type: 'pool', concurrency: 4 }],
    ['batch:10', { type: 'batch', size: 10 }],
    ['workers:2', { type: 'workers', threads: 2 }],
  ])('reads %s', (text, expected) => {
    expect(parseStrategyText(text)).toEqual(expected);
    expect(strategyText(parseStrategyText(text))).toBe(text);
  });

  it.each([
    ['poll:4', /unknown strategy "poll:4"/],
    ['pool', /needs a whole number concurrency, as in pool:4/],
    ['pool:0', /needs a whole number concurrency/],
    ['pool:2.5', /needs a whole number concurrency/],
    ['workers:x', /needs a whole number threads/],
    ['all:3', /takes no size/],
    ['pool:4:5', /unknown strategy/],
  ])('refuses %s with a clear message', (text, message) => {
    expect(() => parseStrategyText(text)).toThrow(message);
  });
});
