import { describe, expect, it } from 'vitest';
import { parseNumberWord } from '../../../src/probes/conditions/index.js';

describe('number words', () => {
  it('reads plain numbers as they are, negative and decimal ones included', () => {
    expect(parseNumberWord('300')).toBe(300);
    expect(parseNumberWord('0.85')).toBe(0.85);
    expect(parseNumberWord('-2')).toBe(-2);
    expect(parseNumberWord('-0.5')).toBe(-0.5);
  });

  it('reads durations in milliseconds', () => {
    expect(parseNumberWord('300ms')).toBe(300);
    expect(parseNumberWord('1.5s')).toBe(1500);
    expect(parseNumberWord('2m')).toBe(120_000);
    expect(parseNumberWord('48h')).toBe(172_800_000);
    expect(parseNumberWord('7d')).toBe(604_800_000);
  });

  it('scales decimals exactly, without float noise', () => {
    expect(parseNumberWord('1.1s')).toBe(1100);
    expect(parseNumberWord('85.5%')).toBe(0.855);
    expect(parseNumberWord('0.3s')).toBe(300);
  });

  it('reads KB, MB, GB and TB as powers of 1000 and KiB, MiB, GiB and TiB as powers of 1024', () => {
    expect(parseNumberWord('512B')).toBe(512);
    expect(parseNumberWord('1KB')).toBe(1000);
    expect(parseNumberWord('2MB')).toBe(2_000_000);
    expect(parseNumberWord('1GB')).toBe(1e9);
    expect(parseNumberWord('1TB')).toBe(1e12);
    expect(parseNumberWord('1KiB')).toBe(1024);
    expect(parseNumberWord('1MiB')).toBe(1024 ** 2);
    expect(parseNumberWord('1.5GiB')).toBe(1.5 * 1024 ** 3);
    expect(parseNumberWord('1TiB')).toBe(1024 ** 4);
  });

  it('reads a percent as a fraction', () => {
    expect(parseNumberWord('85%')).toBe(0.85);
    expect(parseNumberWord('100%')).toBe(1);
  });

  it('leaves words that are not a number with a known unit alone', () => {
    for (const word of ['10.0.0.1', 'PONG', '48hr', '10kb', '1e5', '.5', '1.', '2024-01-01', 'h', '']) {
      expect(parseNumberWord(word), word).toBeNull();
    }
  });
});
