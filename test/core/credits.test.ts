import fc from 'fast-check';
import { creditsFor, formatLookup, loadProgram, type Program } from '../../src/core';
import { nismPrograms } from '../../src/core/programs/nism';
import { scaleFromText, scaleOf } from '../../src/core/rounding';
import { program } from './helpers';

function credits(p: Program, format: string, hours: number, self = 0): number {
  const f = formatLookup(p).find(format);
  if (!f) throw new Error(`unknown format ${format}`);
  return creditsFor(p, f, hours, self).credits;
}

describe('NISM-SMS per-activity credits (rules.md section 2)', () => {
  const nism = program('NISM-SMS');
  test.each([
    ['Webinar', 1, 0, 1],
    ['In-person class', 3, 0, 3],
    ['Online asynchronous course', 25, 0, 2.5],
    ['Online asynchronous course', 10, 15, 2.5], // all of its hours are self-directed
    ['Online synchronous course', 2.5, 0, 2.5],
    ['Online blended course', 3, 40, 5], // 7 computed, capped at 5
    ['Online blended course', 1, 12, 2.2],
    ['Conference', 4, 0, 4], // the 8-hour day with mixer, lunch and breaks
    ['Research & writing', 2, 35, 5], // 5.5 capped at 5
    ['Research & writing', 1, 20, 3],
    ['Webinar', 6, 0, 5], // per-entry cap
    ['Webinar', 0, 0, 0],
  ])('%s with %p hours and %p self-study earns %p', (format, hours, self, expected) => {
    expect(credits(nism, format, hours, self)).toBe(expected);
  });

  test('webinars ignore self-study hours (only the async, blended and research formats convert them)', () => {
    expect(credits(nism, 'Webinar', 1, 30)).toBe(1);
  });

  test('results carry no floating-point noise', () => {
    expect(credits(nism, 'Online asynchronous course', 3, 0)).toBe(0.3);
    expect(credits(nism, 'Online blended course', 0.1, 0.2)).toBe(0.12);
    expect(credits(nism, 'Webinar', 2.4999999)).toBe(2.5);
    expect(credits(nism, 'Webinar', 1.005)).toBe(1.01);
  });

  test('format names match by alias and in any case', () => {
    expect(credits(nism, 'ASYNC COURSE', 20)).toBe(2);
    expect(credits(nism, 'research and writing', 1, 10)).toBe(2);
  });
});

describe('NAMSS per-activity credits', () => {
  test.each(['NAMSS-CPCS', 'NAMSS-CPMSM', 'NAMSS-DUAL', 'NAMSS-DUAL-FIRST'])(
    '%s gives one credit per certificate hour for every format, uncapped',
    (id) => {
      const p = program(id);
      for (const f of ['Live event', 'Webinar', 'Conference', 'On-demand course', 'Podcast quiz', 'Other']) {
        expect(credits(p, f, 1.5)).toBe(1.5);
      }
      expect(credits(p, 'Conference', 12)).toBe(12);
    },
  );
});

describe('ACSM per-activity credits (CECs)', () => {
  const acsm = program('ACSM-CPT');
  test.each([
    ['CEC', 3, 3],
    ['CME', 2, 2],
    ['Contact hours', 1.5, 1.5],
    ['CEU', 0.1, 1], // 0.1 CEU = 1 CEC
    ['CEU', 0.8, 8],
    // Revision 5: no 0.5 flooring (it had no source and lost credit); 2 decimals like the others.
    ['CEU', 0.23, 2.3],
    ['CEU', 0.27, 2.7],
    ['College course', 3, 30], // semester credit hours x 10
    ['Committee service', 2, 16], // 8 per year of service (revision 5)
    ['CPR/AED course', 4, 5], // 5 per certification, whatever the hours (revision 5)
    ['Contact hours', 2.3, 2.3],
    ['Contact hours', 2.7, 2.7],
    ['Contact hours', 0.4, 0.4],
  ])('%s with %p on the certificate earns %p CECs', (format, hours, expected) => {
    expect(credits(acsm, format, hours)).toBe(expected);
  });

  test('rounding survives binary noise (0.7 CEU is exactly 7 CECs, 0.15 CEU is 1.5)', () => {
    expect(credits(acsm, 'CEU', 0.7)).toBe(7);
    expect(credits(acsm, 'CEU', 0.15)).toBe(1.5);
    expect(credits(acsm, 'CEU', 0.35)).toBe(3.5);
  });

  test('EP and CEP use the same conversions', () => {
    expect(credits(program('ACSM-EP'), 'CEU', 1.2)).toBe(12);
    expect(credits(program('ACSM-CEP'), 'College course', 2)).toBe(20);
  });
});

describe('rounding scale', () => {
  test('worked out arithmetically, it agrees with the step written as decimal text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), fc.integer({ min: 0, max: 6 }), (units, decimals) => {
        const step = units / 10 ** decimals;
        fc.pre(step <= 1000); // the schema's largest step
        expect(scaleOf(step)).toBe(scaleFromText(step));
      }),
      { numRuns: 2000 },
    );
    expect([0.01, 0.1, 0.25, 0.5, 1, 2.5].map(scaleOf)).toEqual([100, 10, 100, 10, 1, 10]);
  });

  test('a step of more than 6 decimals is refused at load', () => {
    const result = loadProgram({ ...nismPrograms[0]!, id: 'TEST-STEP', rounding: { step: 0.0000001, mode: 'floor' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/rounding\.step: a step has at most 6 decimals/);
  });
});
