// @vitest-environment jsdom
/**
 * Every card of the demo catalogue (all states) in the four languages, through the official Adaptive Cards
 * renderer: it parses without a single validation event, round-trips (so every property we emit is one the 1.5
 * renderer knows), stays under Teams' 28 KB and renders the expected localized texts.
 */
import * as AC from 'adaptivecards';
import { describe, expect, it } from 'vitest';
import { cardBytes, MAX_CARD_BYTES } from '../../src/bot/cards/card-shell';
import { demoCatalogue, demoMomentInput } from '../../src/bot/cards/demo';
import { interpolate } from '../../src/bot/cards/format';
import { MOMENT_TITLES, TEXTS } from '../../src/bot/cards/texts';
import { LOCALES, type Locale } from '../../src/domain/i18n';
import type { MomentKind } from '../../src/domain/schedule';

// The renderer writes plain text with `innerText`, which jsdom does not implement; for plain text it is
// `textContent` (tests/bot/cards-chromium.test.ts renders in a real browser where one is installed).
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

const catalogue = demoCatalogue();

/** Properties the renderer knows but leaves out of toJSON: its defaults, the card's lang, the action fallback. */
const OMITTED_ON_ROUND_TRIP: Readonly<Record<string, unknown>> = { valueOn: 'true', valueOff: 'false' };

function lostProperties(ours: unknown, theirs: unknown, path: string, out: string[]): void {
  if (Array.isArray(ours)) {
    if (!Array.isArray(theirs) || theirs.length !== ours.length) {
      out.push(`${path}: array changed`);
      return;
    }
    ours.forEach((item, i) => lostProperties(item, theirs[i], `${path}[${i}]`, out));
    return;
  }
  if (ours !== null && typeof ours === 'object') {
    const back = (theirs ?? {}) as Record<string, unknown>;
    for (const [key, value] of Object.entries(ours)) {
      if (path === '' && (key === 'lang' || key === '$schema')) continue;
      if (key === 'fallback') continue;
      if (!(key in back)) {
        if (OMITTED_ON_ROUND_TRIP[key] === value) continue;
        out.push(`${path}.${key}`);
        continue;
      }
      lostProperties(value, back[key], `${path}.${key}`, out);
    }
    return;
  }
  if (ours !== theirs) out.push(`${path}: ${String(ours)} → ${String(theirs)}`);
}

function parseOfficially(json: unknown) {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const parseEvents = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  const validation = card.validateProperties().validationEvents.map((e) => e.message);
  return { card, parseEvents, validation };
}

const kindOf: Record<string, MomentKind> = {
  'first-time-mentor': 'firstTimeMentor',
  'prepare-arrival': 'prepareArrival',
  'prepare-arrival-coordinator': 'prepareArrival',
  'first-day-coordinator': 'firstDay',
  'first-day-mentor': 'firstDay',
  'week1-check-in': 'week1CheckIn',
  'wellbeing-pulse': 'wellbeingPulse',
  'follow-up': 'followUp',
  'mid-term-evaluation': 'midTermEvaluation',
  'final-evaluation': 'finalEvaluation',
  'satisfaction-mentor': 'satisfactionMentor',
  'satisfaction-intern': 'satisfactionIntern',
  'results-coordinator': 'results',
  'results-mentor': 'results',
};

/** Texts a card of that name and state must show, in the card's language. */
function expectedTexts(name: string, state: string, locale: Locale): string[] {
  if (name === 'coordinator-digest') {
    return [
      TEXTS.digestTitle[locale],
      interpolate(TEXTS.digestMore[locale], { n: 15 }),
      TEXTS.seeAllInStagemap[locale],
    ];
  }
  const kind = kindOf[name];
  if (!kind) throw new Error(`no expectation for ${name}`);
  const title = interpolate(MOMENT_TITLES[kind][locale], { n: demoMomentInput(kind, 'mentor').moment.seq });
  const common = [title, 'Lotte Janssens', TEXTS.openInStagemap[locale]];
  switch (state) {
    case 'open':
      return [...common, TEXTS.submit[locale]];
    case 'error':
      return [...common, TEXTS.submit[locale], TEXTS.errorSummary[locale]];
    case 'answered':
      return [...common, TEXTS.answeredClosed[locale]];
    default:
      return common;
  }
}

describe('every card × state × language in the official renderer', () => {
  it('covers every moment card in four states and the digest', () => {
    const names = new Set(catalogue.map((c) => c.name));
    expect(names.size).toBe(15);
    expect(catalogue.length).toBe(14 * 4 + 1);
  });

  for (const demo of catalogue) {
    for (const locale of LOCALES) {
      it(`${demo.name}.${demo.state}.${locale}`, () => {
        const json = demo.build(locale);
        const text = JSON.stringify(json);
        expect(JSON.parse(text)).toEqual(json);
        expect(cardBytes(json)).toBeLessThanOrEqual(MAX_CARD_BYTES);
        expect(json.version).toBe('1.5');
        expect(json.$schema).toBe('http://adaptivecards.io/schemas/adaptive-card.json');

        const { card, parseEvents, validation } = parseOfficially(json);
        expect(parseEvents).toEqual([]);
        expect(validation).toEqual([]);
        const lost: string[] = [];
        lostProperties(json, card.toJSON(), '', lost);
        expect(lost).toEqual([]);

        const element = card.render();
        expect(element).toBeDefined();
        const rendered = element?.textContent ?? '';
        for (const expected of expectedTexts(demo.name, demo.state, locale))
          expect(rendered).toContain(expected);
        // A card in one language shows no heading of another.
        for (const other of LOCALES.filter((l) => l !== locale)) {
          expect(rendered).not.toContain(TEXTS.openInStagemap[other]);
        }
      });
    }
  }
});
