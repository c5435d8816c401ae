/**
 * The same catalogue in a real browser: the official Adaptive Cards bundle renders every card × state × language
 * in Chromium (no DOM shims), with a markdown processor on as in Teams. Checks: no parse or validation event, the
 * expected localized texts visible (`innerText`, i.e. what a person sees), and seeded user text shown literally.
 * Skipped where no Chromium is installed (CHROMIUM_PATH, default /usr/bin/chromium).
 */
import type * as AdaptiveCards from 'adaptivecards';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCatalogue, demoContext, demoInternship, demoMomentInput } from '../../src/bot/cards/demo';
import { openCard, answeredCard } from '../../src/bot/cards/moment-card';
import { TEXTS } from '../../src/bot/cards/texts';
import { buildPerson } from '../../src/domain/factories';
import { LOCALES } from '../../src/domain/i18n';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const bundle = createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.min.js');

interface Rendered {
  events: string[];
  text: string;
  html: string;
}

let browser: Browser | undefined;
let page: Page;

async function render(card: unknown): Promise<Rendered> {
  return page.evaluate((json) => {
    const AC = (window as unknown as { AdaptiveCards: typeof AdaptiveCards }).AdaptiveCards;
    const card = new AC.AdaptiveCard();
    const context = new AC.SerializationContext();
    card.parse(json, context);
    const events: string[] = [];
    for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i).message);
    for (const e of card.validateProperties().validationEvents) events.push(e.message);
    const root = document.getElementById('root') as HTMLElement;
    root.replaceChildren();
    const element = card.render();
    if (element) root.appendChild(element);
    return { events, text: root.innerText, html: root.innerHTML };
  }, card);
}

// No skip when Chromium is missing: CI installs it (.ci/run), and a skipped browser test would hide a gap.
describe('cards in Chromium with the official renderer', () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--headless=new'] });
    page = await browser.newPage();
    await page.setContent('<!doctype html><html><body><div id="root"></div></body></html>');
    await page.addScriptTag({ path: bundle });
    await page.evaluate(() => {
      const AC = (window as unknown as { AdaptiveCards: typeof AdaptiveCards }).AdaptiveCards;
      AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
        result.outputHtml = text
          .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
          .replace(/\[(.+?)\]\((.+?)\)/g, '<a href="$2">$1</a>');
        result.didProcess = true;
      };
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('renders every card × state × language without a warning, in its language', async () => {
    const failures: string[] = [];
    for (const demo of demoCatalogue()) {
      for (const locale of LOCALES) {
        const { events, text } = await render(demo.build(locale));
        const id = `${demo.name}.${demo.state}.${locale}`;
        if (events.length) failures.push(`${id}: ${events.join('; ')}`);
        const expected =
          demo.name === 'coordinator-digest' ? TEXTS.digestTitle[locale] : TEXTS.openInStagemap[locale];
        if (!text.includes(expected)) failures.push(`${id}: "${expected}" not visible`);
        if (
          demo.state === 'open' &&
          demo.name !== 'coordinator-digest' &&
          !text.includes(TEXTS.submit[locale])
        ) {
          failures.push(`${id}: no submit button`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('shows seeded user text literally: no link, no markup, no script', async () => {
    const seeds = [
      '**bold** [x](https://evil.example)',
      '<script>alert(1)</script>',
      '"}]}',
      '${$root.secret}',
    ];
    const internship = demoInternship({
      intern: buildPerson({ displayName: seeds[0] }),
      service: seeds[1],
    });
    const input = {
      ...demoMomentInput('midTermEvaluation', 'mentor', internship),
      milestones: [
        { key: 'm1', title: seeds[2] ?? '' },
        { key: 'm2', title: seeds[3] ?? '' },
      ],
    };
    for (const card of [
      openCard(input, demoContext('fr')),
      answeredCard(
        input,
        { 'midTermEvaluation.comment': seeds.join(' ') },
        buildPerson({ displayName: seeds[0] }),
        '2027-03-02T10:15:00Z',
        demoContext('fr'),
      ),
    ]) {
      const { events, text, html } = await render(card);
      expect(events).toEqual([]);
      for (const seed of seeds) expect(text).toContain(seed);
      expect(html).not.toContain('<strong>');
      expect(html).not.toContain('href="https://evil.example"');
      expect(html).not.toContain('<script>');
    }
  }, 60_000);
});
