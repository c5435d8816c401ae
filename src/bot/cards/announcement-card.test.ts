// @vitest-environment jsdom
import * as AC from 'adaptivecards';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../domain/i18n';
import { announcementCard, MAX_ANNOUNCEMENT_LINES, type AnnouncementEntry } from './announcement-card';
import { demoAnnouncementCards, demoAnnouncementInput } from './announcement-card-demo';
import { cardBytes, MAX_CARD_BYTES } from './card-shell';
import { demoContext } from './demo';
import type { Container } from './schema';
import { TEXTS } from './texts';

// The renderer writes plain text with `innerText`, which jsdom lacks; for plain text it is `textContent`.
if (!('innerText' in HTMLElement.prototype)) {
  Object.defineProperty(HTMLElement.prototype, 'innerText', {
    get(this: HTMLElement) {
      return this.textContent;
    },
    set(this: HTMLElement, value: string) {
      this.textContent = value;
    },
  });
}

// Teams processes markdown in TextBlocks: a naive processor makes any user text that leaked there visible.
beforeAll(() => {
  AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = text
      .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
      .replace(/\[(.+?)\]\((.+?)\)/g, '<a href="$2">$1</a>');
    result.didProcess = true;
  };
});
afterAll(() => {
  AC.AdaptiveCard.onProcessMarkdown = undefined;
});

function official(json: unknown) {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  const validation = card.validateProperties().validationEvents.map((e) => e.message);
  const html = card.render();
  return { events, validation, text: html?.textContent ?? '', html: html?.innerHTML ?? '' };
}

const lines = (card: ReturnType<typeof announcementCard>) =>
  card.body.filter((e): e is Container => e.type === 'Container');

describe('arrivals and departures card', () => {
  it('parses and renders in the official renderer without a warning, in four languages, under 28 KB', () => {
    for (const demo of demoAnnouncementCards())
      for (const locale of LOCALES) {
        const json = demo.build(locale);
        const r = official(json);
        expect(r.events, `${demo.state}.${locale}`).toEqual([]);
        expect(r.validation, `${demo.state}.${locale}`).toEqual([]);
        expect(cardBytes(json)).toBeLessThan(MAX_CARD_BYTES);
        expect(r.text).toContain(TEXTS.announcementTitle[locale]);
        expect(json.actions?.[0]).toMatchObject({
          type: 'Action.OpenUrl',
          title: TEXTS.announcementOverview[locale],
          url: demoContext(locale).links.overview(),
        });
      }
  });

  it('names consented interns with their topic, and shows the others as "an intern" without topic', () => {
    const card = announcementCard(demoAnnouncementInput(), demoContext('nl'));
    const text = official(card).text;
    // Consented (even index): name and topic.
    expect(text).toContain('Lotte Janssens');
    expect(text).toContain('Digitale onthaalbrochure');
    expect(text).toContain('Camille Dupont');
    // Not consented: neither name nor topic reaches the card JSON at all.
    const json = JSON.stringify(card);
    expect(json).not.toContain('Youssef El Amrani');
    expect(json).not.toContain('Datakwaliteit');
    expect(json).not.toContain('Jonas Müller');
    expect(text).toContain('Een stagiair');
    // Service, mentor, back-up and dates always.
    expect(text).toContain('ICT');
    expect(text).toContain('Stagementor: Pieter De Smet · Back-up: Sophie Dubois');
    expect(text).toContain('Start op maandag 1 februari 2027, tot 30 april 2027');
    expect(text).toContain('Laatste stagedag op donderdag 4 februari 2027');
    expect(text).toContain('Nieuwe stagiairs (3)');
    expect(text).toContain('Vertrekkende stagiairs (2)');
    expect(text).toContain('Week van 1 februari 2027 tot 7 februari 2027');
  });

  it('says so when one of the two sections is empty', () => {
    const card = announcementCard({ ...demoAnnouncementInput(), arrivals: [] }, demoContext('fr'));
    expect(official(card).text).toContain('Aucun nouveau stagiaire ne commence cette semaine.');
  });

  it('keeps user text literal: markdown, html and template functions stay text', () => {
    const evil: AnnouncementEntry = {
      internshipId: 'i-evil',
      consented: true,
      internName: '**bold** [x](https://evil.example)',
      serviceName: '<script>alert(1)</script>',
      topic: '{{DATE(2017-02-14T06:08:39Z, SHORT)}}',
      mentorName: '# Heading',
      backupName: '"}]}',
      startDate: '2027-02-01',
      endDate: '2027-03-01',
    };
    const card = announcementCard(
      { from: '2027-02-01', to: '2027-02-07', arrivals: [evil], departures: [] },
      demoContext('en'),
    );
    const r = official(card);
    expect(r.events).toEqual([]);
    expect(r.html).not.toContain('<strong>');
    expect(r.html).not.toContain('href="https://evil.example"');
    expect(r.html).not.toContain('<script');
    expect(r.text).toContain('**bold** [x](https://evil.example)');
    expect(r.text).toContain('<script>alert(1)</script>');
    // The zero-width space keeps the renderer from expanding the function.
    expect(r.text).toContain('{\u200B{DATE(2017-02-14T06:08:39Z, SHORT)}}');
  });

  it('caps each section with "and N more", and stays under 28 KB with very long texts', () => {
    const many = (n: number, long = false): AnnouncementEntry[] =>
      Array.from({ length: n }, (_, i) => ({
        internshipId: `i-${String(i).padStart(3, '0')}`,
        consented: true,
        internName: long ? 'N'.repeat(300) : `Intern ${i}`,
        serviceName: long ? 'S'.repeat(300) : 'ICT',
        topic: long ? 'T'.repeat(300) : 'Topic',
        mentorName: 'Pieter De Smet',
        backupName: 'Sophie Dubois',
        startDate: '2027-02-01',
        endDate: '2027-02-05',
      }));
    const input = { from: '2027-02-01', to: '2027-02-07', arrivals: many(30), departures: many(25) };
    const card = announcementCard(input, demoContext('de'));
    expect(lines(card)).toHaveLength(2 * MAX_ANNOUNCEMENT_LINES);
    expect(JSON.stringify(card.body)).toContain('Und 15 weitere.');
    expect(JSON.stringify(card.body)).toContain('Und 10 weitere.');
    expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);

    const heavy = announcementCard(
      { ...input, arrivals: many(30, true), departures: many(30, true) },
      demoContext('fr'),
    );
    expect(cardBytes(heavy)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(lines(heavy).length).toBeLessThan(2 * MAX_ANNOUNCEMENT_LINES);
    expect(official(heavy).events).toEqual([]);
  });
});
