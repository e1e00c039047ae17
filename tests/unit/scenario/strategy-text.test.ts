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
    ['pool:8:continue', { type: 'pool', concurrency: 8, onFailure: 'continue' }],
    ['pool:8:reject', { type: 'pool', concurrency: 8, onFailure: 'reject' }],
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
    ['pool:4:5', /a pool's onFailure is one of stop-slot, reject, continue/],
    ['pool:4:continue:x', /unknown strategy/],
    ['batch:4:continue', /unknown strategy/],
  ])('refuses %s with a clear message', (text, message) => {
    expect(() => parseStrategyText(text)).toThrow(message);
  });

  it('reads an explicit stop-slot and writes it as the default it is', () => {
    expect(parseStrategyText('pool:8:stop-slot')).toEqual({ type: 'pool', concurrency: 8, onFailure: 'stop-slot' });
    expect(strategyText({ type: 'pool', concurrency: 8, onFailure: 'stop-slot' })).toBe('pool:8');
  });
});
