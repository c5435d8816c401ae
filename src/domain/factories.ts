import type { Internship, PersonRef } from './internship';

/** Test and demo factories: a valid object with overridable parts, instead of giant fixtures. */
export function buildPerson(overrides: Partial<PersonRef> = {}): PersonRef {
  return {
    id: 'u-intern',
    displayName: 'Lotte Janssens',
    email: 'lotte.janssens@stagemap.local',
    locale: 'nl',
    ...overrides,
  };
}

export function buildInternship(overrides: Partial<Internship> = {}): Internship {
  return {
    id: 'i-1',
    key: 'k-i-1',
    phase: 'request',
    intern: buildPerson(),
    service: 'HR',
    topic: 'Onboarding van nieuwe medewerkers',
    startDate: '2027-02-01',
    endDate: '2027-04-30',
    overviewConsent: false,
    ...overrides,
  };
}

export const mentor = buildPerson({
  id: 'u-mentor',
  displayName: 'Pieter De Smet',
  email: 'pieter.desmet@stagemap.local',
});
export const backup = buildPerson({
  id: 'u-backup',
  displayName: 'Sophie Dubois',
  email: 'sophie.dubois@stagemap.local',
  locale: 'fr',
});
