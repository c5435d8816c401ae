/**
 * Demo data for the channel post, kept apart from demo.ts (whose catalogue the moment-card tests count): the
 * gallery (`npm run cards:export`) and the card's tests render these.
 */
import type { Locale } from '../../domain/i18n';
import type { AnnouncementEntry, AnnouncementInput } from './announcement-card';
import { announcementCard } from './announcement-card';
import { demoContext } from './demo';
import type { AdaptiveCard } from './schema';

const PEOPLE = [
  ['Lotte Janssens', 'Stafdienst P&O', 'Digitale onthaalbrochure'],
  ['Youssef El Amrani', 'ICT', 'Datakwaliteit van het personeelsbestand'],
  ['Camille Dupont', 'Communication', 'Plan de communication interne'],
  ['Jonas Müller', 'Finanzen', 'Auswertung der Dienstreisen'],
] as const;

/** A week with three arrivals and two departures; every second intern did not consent. */
export function demoAnnouncementInput(): AnnouncementInput {
  const entry = (i: number, startDate: string, endDate: string): AnnouncementEntry => {
    const [name, service, topic] = PEOPLE[i % PEOPLE.length]!;
    return {
      internshipId: `i-demo-a${i + 1}`,
      consented: i % 2 === 0,
      internName: name,
      serviceName: service,
      topic,
      mentorName: 'Pieter De Smet',
      backupName: 'Sophie Dubois',
      startDate,
      endDate,
    };
  };
  return {
    from: '2027-02-01',
    to: '2027-02-07',
    arrivals: [
      entry(0, '2027-02-01', '2027-04-30'),
      entry(1, '2027-02-01', '2027-05-28'),
      entry(2, '2027-02-03', '2027-03-31'),
    ],
    departures: [entry(3, '2026-11-02', '2027-02-05'), entry(4, '2026-10-01', '2027-02-04')],
  };
}

/** The cards of the gallery: a normal week, and a week with only departures. */
export function demoAnnouncementCards(): {
  name: string;
  state: string;
  build(locale: Locale): AdaptiveCard;
}[] {
  return [
    {
      name: 'announcement',
      state: 'week',
      build: (locale) => announcementCard(demoAnnouncementInput(), demoContext(locale)),
    },
    {
      name: 'announcement',
      state: 'departures-only',
      build: (locale) => announcementCard({ ...demoAnnouncementInput(), arrivals: [] }, demoContext(locale)),
    },
  ];
}
