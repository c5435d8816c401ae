// @vitest-environment jsdom
/**
 * User-typed text (names, services, milestone titles, answers, contacts) must reach the card literally: only in
 * TextRuns or input values, never where markdown is interpreted, never as a template or formatting function, and
 * the JSON must stay valid. The official renderer runs with a markdown processor, as Teams does, so a value that
 * leaked into a TextBlock would come out as a link or markup and fail these tests.
 */
import * as AC from 'adaptivecards';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MomentCardInput } from '../../src/bot/cards/card-shell';
import { demoContext, demoInternship, demoMomentInput } from '../../src/bot/cards/demo';
import { digestCard } from '../../src/bot/cards/digest-card';
import { answeredCard, errorCard, expiredCard, openCard } from '../../src/bot/cards/moment-card';
import type { AdaptiveCard } from '../../src/bot/cards/schema';
import type { Locale } from '../../src/domain/i18n';
import { buildPerson } from '../../src/domain/factories';

const SEEDS = {
  markdown: '**bold** [x](https://evil.example)',
  html: '<script>alert(1)</script>',
  json: '"}]}',
  template: '${$root.secret}',
  dateFunction: '{{DATE(2017-02-14T06:08:39Z, SHORT)}}',
  jsLink: '[click](javascript:alert(1))',
  heading: '# Heading\n- item',
} as const;
const seeds = Object.values(SEEDS);

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

// A deliberately naive markdown processor (no escaping, raw HTML passes): anything user-typed that reached a
// markdown slot would turn into a link, bold text or a script element.
beforeAll(() => {
  AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = text
      .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
      .replace(/\[(.+?)\]\((.+?)\)/g, '<a href="$2">$1</a>')
      .replace(/^# (.*)$/gm, '<h1>$1</h1>');
    result.didProcess = true;
  };
});
afterAll(() => {
  AC.AdaptiveCard.onProcessMarkdown = undefined;
});

const evil = buildPerson({ id: 'u-evil', displayName: SEEDS.markdown, email: 'evil@example.com' });

function seededInput(kind: Parameters<typeof demoMomentInput>[0] = 'midTermEvaluation'): MomentCardInput {
  const internship = demoInternship({
    intern: buildPerson({ displayName: SEEDS.markdown }),
    service: SEEDS.html,
    coordinator: buildPerson({ id: 'u-coord', displayName: SEEDS.dateFunction, email: SEEDS.jsLink }),
    schoolSupervisor: { name: SEEDS.heading, email: SEEDS.json },
  });
  return {
    ...demoMomentInput(kind, 'mentor', internship),
    milestones: [
      { key: 'm1', title: SEEDS.template },
      { key: 'm2', title: SEEDS.json },
    ],
  };
}

function cards(locale: Locale): [string, AdaptiveCard][] {
  const ctx = demoContext(locale);
  const input = seededInput();
  const mentorCard = seededInput('firstTimeMentor');
  const answers = {
    'midTermEvaluation.milestoneScore__m1': 4,
    'midTermEvaluation.milestoneComment__m1': SEEDS.markdown,
    'midTermEvaluation.milestoneComment__m2': SEEDS.html,
    'midTermEvaluation.status': 'green',
    'midTermEvaluation.schoolContacted': true,
    'midTermEvaluation.comment': `${SEEDS.template} ${SEEDS.dateFunction} ${SEEDS.heading}`,
  };
  const values = {
    'midTermEvaluation.milestoneComment__m1': SEEDS.jsLink,
    'midTermEvaluation.comment': SEEDS.json,
  };
  return [
    ['open', openCard(input, ctx)],
    ['first-time mentor', openCard(mentorCard, ctx)],
    ['answered', answeredCard(input, answers, evil, '2027-03-02T10:15:00Z', ctx)],
    ['error', errorCard(input, values, [{ path: 'midTermEvaluation.status', message: 'x' }], ctx)],
    ['expired', expiredCard(input, { kind: 'answeredByOther', by: evil, at: '2027-03-02T10:15:00Z' }, ctx)],
    [
      'digest',
      digestCard(
        {
          coordinator: evil,
          date: '2027-03-22',
          entries: seeds.map((name, i) => ({
            momentKey: `i-${i}:followUp:1`,
            internshipId: `i-${i}`,
            internName: name,
            kind: 'followUp' as const,
            seq: 1,
            dueDate: '2027-03-01',
            daysLate: 3,
            askedPeople: [evil],
          })),
        },
        ctx,
      ),
    ],
  ];
}

/** Every string that a client may interpret as markdown. */
function markdownSlots(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => markdownSlots(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
    if (o.type === 'Input.Toggle' && typeof o.title === 'string') out.push(o.title);
    if (typeof o.errorMessage === 'string') out.push(o.errorMessage);
    if (o.type === 'Input.ChoiceSet' && Array.isArray(o.choices)) {
      for (const c of o.choices as { title: string }[]) out.push(c.title);
    }
    if (o.type === 'FactSet') out.push(JSON.stringify(o.facts));
    Object.values(o).forEach((v) => markdownSlots(v, out));
  }
  return out;
}

describe('user-typed text reaches cards literally', () => {
  for (const locale of ['nl', 'fr'] as const) {
    for (const [name, card] of cards(locale)) {
      it(`${name} (${locale}): valid JSON, no user text in markdown slots`, () => {
        const text = JSON.stringify(card);
        expect(JSON.parse(text)).toEqual(card);
        const slots = markdownSlots(card).join('\n');
        for (const fragment of ['evil', 'script', 'secret', 'javascript', 'Heading', '"}]}', '{{DATE']) {
          expect(slots).not.toContain(fragment);
        }
      });

      it(`${name} (${locale}): renders the seeds as text, not as links, markup or dates`, () => {
        const ac = new AC.AdaptiveCard();
        const context = new AC.SerializationContext();
        ac.parse(card, context);
        expect(context.eventCount).toBe(0);
        const element = ac.render();
        if (!element) throw new Error('not rendered');
        expect(element.querySelector('script')).toBeNull();
        expect(element.querySelector('strong')).toBeNull();
        expect(element.querySelector('h1')).toBeNull();
        const hrefs = Array.from(element.querySelectorAll('a')).map((a) => a.getAttribute('href') ?? '');
        expect(hrefs.filter((h) => /evil|javascript/.test(h))).toEqual([]);
        // Seeds that the card shows (inputs show their values, not text content) appear character for character.
        const shown = (element.textContent ?? '').replace(/\u200B/g, '');
        expect(shown).not.toMatch(/2\/14\/2017|14\/02\/2017|14-2-2017|14\.2\.2017/);
        const expected =
          name === 'error'
            ? [SEEDS.markdown, SEEDS.html, SEEDS.template]
            : name === 'digest'
              ? seeds.filter((s) => !s.includes('\n'))
              : name === 'first-time mentor'
                ? [SEEDS.markdown, SEEDS.html, SEEDS.dateFunction, SEEDS.jsLink]
                : name === 'expired'
                  ? [SEEDS.markdown, SEEDS.html]
                  : [SEEDS.markdown, SEEDS.html, SEEDS.template, SEEDS.json];
        for (const seed of expected) expect(shown).toContain(seed);
      });
    }
  }

  it('keeps error-card values in input values, verbatim', () => {
    const [, card] = cards('en').find(([name]) => name === 'error') ?? [];
    const inputs = JSON.stringify(card?.body.filter((e) => e.type === 'Input.Text'));
    expect(inputs).toContain(JSON.stringify(SEEDS.jsLink).slice(1, -1));
    expect(inputs).toContain(JSON.stringify(SEEDS.json).slice(1, -1));
  });

  it('neutralises formatting functions in TextRuns without changing what is read', () => {
    const card = openCard(seededInput('firstTimeMentor'), demoContext('en'));
    const text = JSON.stringify(card);
    expect(text).not.toContain('{{DATE');
    expect(text).toContain('{\u200B{DATE(2017-02-14T06:08:39Z, SHORT)}}');
  });
});
