import { describe, expect, it } from 'vitest';
import type { KpiPoint, ScorecardData } from './data.js';
import { byArea, latestPoint, scorecardView, shownPoint } from './view.js';

const NO_DEFINITION = {
  numerator: 'n',
  denominator: 'd',
  inclusions: null,
  exclusions: null,
  periodRule: null,
  sourceRule: null,
};

const pt = (
  month: string,
  numerator: number | null,
  denominator: number | null,
  value: number | null,
  rag: KpiPoint['rag'] = null,
): KpiPoint => ({
  month,
  periodLabel: month,
  numerator,
  denominator,
  value,
  target: 80,
  rag,
});

describe('shownPoint', () => {
  it('hides value, numerator, denominator and RAG of a small number in the public variant only', () => {
    const p = pt('2021-03-01', 3, 4, 75, 'Red');
    expect(shownPoint(p, 'public', 5)).toMatchObject({
      value: null,
      numerator: null,
      denominator: null,
      rag: null,
      target: 80,
      suppressed: true,
    });
    expect(shownPoint(p, 'restricted', 5)).toMatchObject({
      value: 75,
      numerator: 3,
      denominator: 4,
      rag: 'Red',
      suppressed: false,
    });
  });

  it('keeps a value whose counts are zero or above the threshold', () => {
    expect(shownPoint(pt('2021-03-01', 0, 40, 0, 'Green'), 'public', 5)).toMatchObject({
      value: 0,
      rag: 'Green',
      suppressed: false,
    });
    expect(shownPoint(pt('2021-03-01', 30, 40, 75, 'Red'), 'public', 5)).toMatchObject({
      value: 75,
      suppressed: false,
    });
  });
});

describe('latestPoint', () => {
  it('reports the last month with a value, or a suppressed one, else null', () => {
    const a = shownPoint(pt('2021-01-01', 10, 20, 50), 'public', 5);
    const b = shownPoint(pt('2021-02-01', 2, 20, 10), 'public', 5);
    const none = shownPoint(pt('2021-03-01', null, null, null), 'public', 5);
    expect(latestPoint([a, b, none])?.month).toBe('2021-02-01');
    expect(latestPoint([a, none])?.month).toBe('2021-01-01');
    expect(latestPoint([none])).toBeNull();
  });
});

describe('public percentages', () => {
  it('hide "x of y" when y - x is 1 to the threshold (13 of 16 leaves out 3), and keep the value rounded as shown', () => {
    expect(shownPoint(pt('2021-03-01', 13, 16, 81.25), 'public', 5, 'percent')).toMatchObject({
      suppressed: true,
      value: null,
      numerator: null,
    });
    expect(shownPoint(pt('2021-03-01', 15, 16, 93.75), 'public', 5, 'percent')).toMatchObject({ suppressed: true });
    // 10 of 16 leaves out 6: shown, and held as the 63% the page prints, not 62.5.
    expect(shownPoint(pt('2021-03-01', 10, 16, 62.5), 'public', 5, 'percent')).toMatchObject({
      suppressed: false,
      value: 63,
    });
    expect(shownPoint(pt('2021-03-01', 10, 16, 62.5), 'restricted', 5, 'percent')).toMatchObject({ value: 62.5 });
    // A caseload (cases per FTE) has no complement; it is held to the one decimal shown.
    expect(shownPoint(pt('2021-03-01', 98, 6.5, 15.0769), 'public', 5, 'ratio')).toMatchObject({
      suppressed: false,
      value: 15.1,
    });
  });
});

describe('scorecardView and byArea', () => {
  it('applies the rule to every month and groups by priority area in order', () => {
    const d: ScorecardData = {
      month: '2021-03-01',
      monthLabel: 'March 2021',
      months: ['2021-02-01', '2021-03-01'],
      dataAsAt: '2021-04-01T07:00:00Z',
      systems: ['case_management'],
      noFigure: [],
      kpis: [
        {
          measureId: 'a',
          name: 'A',
          priorityArea: 'Leadership',
          unit: 'percent',
          direction: 'higher',
          definition: NO_DEFINITION,
          points: [pt('2021-02-01', 1, 10, 10), pt('2021-03-01', 12, 20, 60)],
        },
        {
          measureId: 'b',
          name: 'B',
          priorityArea: 'Permanency',
          unit: 'count',
          direction: 'higher',
          definition: NO_DEFINITION,
          points: [pt('2021-02-01', 9, null, 9), pt('2021-03-01', 4, null, 4)],
        },
        {
          measureId: 'c',
          name: 'C',
          priorityArea: 'Leadership',
          unit: 'percent',
          direction: 'higher',
          definition: NO_DEFINITION,
          points: [pt('2021-02-01', 7, 10, 70), pt('2021-03-01', 6, 10, 60)],
        },
      ],
    };
    const v = scorecardView(d, 'public', 5);
    expect(v[0]!.points.map((p) => p.suppressed)).toEqual([true, false]);
    expect(v[1]!.latest).toMatchObject({ month: '2021-03-01', suppressed: true, value: null });
    expect(byArea(v).map((g) => [g.area, g.kpis.map((k) => k.measureId)])).toEqual([
      ['Leadership', ['a', 'c']],
      ['Permanency', ['b']],
    ]);
  });
});
