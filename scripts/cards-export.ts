/**
 * `npm run cards:export -- <dir>`: writes every card × state × language of the demo catalogue as
 * `<card>.<state>.<locale>.json`, for the gallery, the Adaptive Cards designer, or a review of the wording.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { demoAnnouncementCards } from '../src/bot/cards/announcement-card-demo';
import { demoCatalogue } from '../src/bot/cards/demo';
import { cardBytes, MAX_CARD_BYTES } from '../src/bot/cards/card-shell';
import { LOCALES } from '../src/domain/i18n';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npm run cards:export -- <dir>');
  process.exit(2);
}
const out = resolve(dir);
mkdirSync(out, { recursive: true });

let count = 0;
let largest = { file: '', bytes: 0 };
for (const card of [...demoCatalogue(), ...demoAnnouncementCards()]) {
  for (const locale of LOCALES) {
    const json = card.build(locale);
    const bytes = cardBytes(json);
    if (bytes > MAX_CARD_BYTES)
      throw new Error(`${card.name}.${card.state}.${locale} is ${bytes} bytes, over Teams' limit`);
    const file = `${card.name}.${card.state}.${locale}.json`;
    writeFileSync(join(out, file), `${JSON.stringify(json, null, 2)}\n`);
    if (bytes > largest.bytes) largest = { file, bytes };
    count += 1;
  }
}
console.log(`${count} cards written to ${out}; largest ${largest.file} (${largest.bytes} bytes)`);
