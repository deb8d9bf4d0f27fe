import { skippedModels } from './chain-availability';
import type { CatalogModel } from './model.models';
import {
  chainSourceLabel,
  formatMoney,
  formatSize,
  healthLabel,
  percentOf,
  reasonLabel,
} from './model-format';

describe('model-format', () => {
  it('writes small amounts with enough digits to read them', () => {
    expect(formatMoney(0.0012, 'USD')).toBe('$0.0012');
    expect(formatMoney(1.1616, 'INR')).toBe('₹1.16');
    expect(formatMoney(12.5, 'USD')).toBe('$12.50');
    expect(formatMoney(0.012, 'USD')).toBe('$0.012');
    expect(formatMoney(0, 'INR')).toBe('₹0');
  });

  it('writes sizes compactly', () => {
    expect(formatSize(1_047_576)).toBe('1M');
    expect(formatSize(32_768)).toBe('32.8K');
  });

  it('names reasons and sources, passing unknown ones through', () => {
    expect(reasonLabel('NO_KEY')).toBe('No key for this provider');
    expect(reasonLabel(null)).toBe('Available');
    expect(reasonLabel('SOMETHING_NEW')).toBe('SOMETHING_NEW');
    expect(chainSourceLabel('TEAM')).toBe('Team default');
  });

  it('gives a percentage only against a limit', () => {
    expect(percentOf(45_000, 50_000)).toBe(90);
    expect(percentOf(10, null)).toBeNull();
  });
});

describe('skippedModels', () => {
  const model = (id: string, available: boolean, unavailableReason: string | null = null) =>
    ({ id, available, unavailableReason }) as unknown as CatalogModel;

  it('names the models of a chain a call would skip, in chain order, with the reason', () => {
    const catalog = [
      model('openai/gpt-4.1', true),
      model('openai/o4-mini', false, 'CIRCUIT_OPEN'),
      model('anthropic/claude-sonnet-4-6', false, 'NO_KEY'),
    ];
    expect(
      skippedModels(['anthropic/claude-sonnet-4-6', 'openai/gpt-4.1', 'openai/o4-mini'], catalog),
    ).toBe(
      'anthropic/claude-sonnet-4-6 (no key for this provider), openai/o4-mini (paused after repeated failures)',
    );
    expect(skippedModels(['openai/gpt-4.1', 'not/in-catalog'], catalog)).toBeNull();
  });
});

describe('healthLabel', () => {
  const now = new Date('2026-12-07T10:00:00.000Z');
  it('says a model is healthy, paused after errors until when, or trying again: never breaker jargon', () => {
    expect(healthLabel('CLOSED', null, now)).toEqual({ label: 'Healthy', tone: 'success' });
    const paused = healthLabel('OPEN', '2026-12-07T10:00:30.000Z', now);
    expect(paused.tone).toBe('attention');
    expect(paused.label).toMatch(/^Paused after errors, retrying at \d\d:\d\d:30$/);
    expect(healthLabel('OPEN', '2026-12-07T09:59:00.000Z', now).label).toBe(
      'Paused after errors, retrying soon',
    );
    expect(healthLabel('HALF_OPEN', null, now)).toEqual({
      label: 'Trying again after errors',
      tone: 'info',
    });
  });
});
