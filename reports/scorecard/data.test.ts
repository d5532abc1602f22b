import { describe, expect, it } from 'vitest';
import { compareKpis, describeSystems, monthLabel } from './data.js';

describe('KPI order', () => {
  it('follows the improvement plan priorities, then other areas alphabetically, then measure name', () => {
    const kpis = [
      { priorityArea: 'Complaints', name: 'B' },
      { priorityArea: 'Zebra area', name: 'A' },
      { priorityArea: 'Permanency', name: 'Z' },
      { priorityArea: 'Leadership', name: 'A' },
      { priorityArea: 'Permanency', name: 'C' },
      { priorityArea: 'Another area', name: 'A' },
    ];
    expect([...kpis].sort(compareKpis).map((k) => `${k.priorityArea}/${k.name}`)).toEqual([
      'Leadership/A',
      'Permanency/C',
      'Permanency/Z',
      'Complaints/B',
      'Another area/A',
      'Zebra area/A',
    ]);
  });

  it('labels a month as the mart does', () => {
    expect(monthLabel('2021-03-01')).toBe('March 2021');
  });
});

describe('the Source line', () => {
  it('names the systems the figures came from, case management first and returns after', () => {
    expect(describeSystems(['annex_a', 'case_management'])).toBe('Case-management exports and Ofsted Annex A');
    expect(describeSystems(['cin_census', 'annex_a', 'ssda903', 'ssda903'])).toBe(
      'The SSDA903 return, the CIN census and Ofsted Annex A',
    );
    expect(describeSystems(['complaints'])).toBe('Complaints system exports');
    expect(describeSystems([])).toBe('No source');
  });
});
