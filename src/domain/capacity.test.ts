import { describe, expect, it } from 'vitest';
import { canTakeStep, capacityPolicyOf, capacityWarnings, checkSelection, placesSelected } from './capacity';
import type { Assignment } from './records';

const a = (key: string, service: string, places: number, status: Assignment['status'], year = 2026) => ({
  key,
  service,
  places,
  status,
  year,
});

const round = [
  a('a1', 'ICT', 2, 'approved'),
  a('a2', 'ICT', 1, 'published'),
  a('a3', 'HR', 1, 'filled'),
  a('a4', 'HR', 3, 'proposed'),
  a('a5', 'ICT', 4, 'withdrawn'),
  a('a6', 'ICT', 5, 'approved', 2025),
];

describe('capacity (toolbox A1 "Aantal stagiairs per jaar", B1 selection)', () => {
  it('counts the places of selected assignments of the year only', () => {
    expect(placesSelected(round, 2026, 'ICT')).toEqual({ year: 4, service: 3 });
    expect(placesSelected(round, 2026, 'HR')).toEqual({ year: 4, service: 1 });
  });

  it('warns with the figures when selecting exceeds the year or the service', () => {
    const c = checkSelection(round, round[3]!, { perYear: 6, perService: { HR: 5 } });
    expect(c).toMatchObject({ usedYear: 4, afterYear: 7, usedService: 1, afterService: 4 });
    expect(c).toMatchObject({ exceedsYear: true, exceedsService: false, exceeds: true });
    expect(capacityWarnings(c, 'Human Resources', 'en')).toEqual([
      'With this selection, 2026 has 7 internship places, while the internship policy provides for 6.',
    ]);
    const svc = checkSelection(round, round[3]!, { perService: { HR: 3 } });
    expect(capacityWarnings(svc, 'P&O', 'nl')).toEqual([
      'De dienst P&O komt op 4 stageplaatsen, terwijl het stagebeleid er 3 voorziet.',
    ]);
  });

  it('does not warn without a capacity, nor at exactly the capacity; a selected one counts once', () => {
    expect(checkSelection(round, round[3]!, {}).exceeds).toBe(false);
    expect(checkSelection(round, round[3]!, { perYear: 7 }).exceeds).toBe(false);
    expect(checkSelection(round, round[0]!, { perYear: 4 })).toMatchObject({ afterYear: 4, exceeds: false });
  });

  it('reads the policy from the settings only when it is valid', () => {
    expect(capacityPolicyOf({})).toEqual({});
    expect(capacityPolicyOf({ capacity: { perYear: 12 } })).toEqual({ perYear: 12 });
    expect(capacityPolicyOf({ capacity: { perYear: -1 } })).toEqual({});
  });

  it('publishes only what was selected', () => {
    expect(canTakeStep('proposed', 'publish')).toBe(false);
    expect(canTakeStep('approved', 'publish')).toBe(true);
    expect(canTakeStep('filled', 'withdraw')).toBe(false);
  });
});
