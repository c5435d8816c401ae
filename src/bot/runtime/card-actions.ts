/**
 * The `adaptiveCard/action` invoke (Universal Actions), without the SDK: verb + data + who clicked → the invoke
 * response. The order of the checks is the contract of docs/cards.md: authorise the actor against the stored
 * internship, validate, write once per moment, close the moment, answer with the closed card.
 */
import { ANSWER_VERB, REFRESH_VERB } from '../cards/card-shell';
import type { CardLinks } from '../cards/links';
import { answeredCard, errorCard, expiredCard, formOf, openCard } from '../cards/moment-card';
import type { AdaptiveCard } from '../cards/schema';
import { parseMomentAnswer } from '../answers/parse-answer';
import type { Locale } from '../../domain/i18n';
import { answeringRole, cardInput } from './card-input';
import type { BotLogger, BotPorts, MomentView } from './ports';
import { RUNTIME_TEXTS } from './texts';

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const ERROR_CONTENT_TYPE = 'application/vnd.microsoft.error';

export type CardActionResponse =
  | { statusCode: 200; type: typeof CARD_CONTENT_TYPE; value: AdaptiveCard }
  | { statusCode: number; type: typeof ERROR_CONTENT_TYPE; value: { code: string; message: string } };

export interface CardActionRequest {
  verb: string;
  data: unknown;
  actorOid: string;
  /** The Teams client's locale, used when the mailbox has none. */
  localeHint?: string;
  now: Date;
}

const card = (value: AdaptiveCard): CardActionResponse => ({
  statusCode: 200,
  type: CARD_CONTENT_TYPE,
  value,
});
const error = (statusCode: number, code: string, message: string): CardActionResponse => ({
  statusCode,
  type: ERROR_CONTENT_TYPE,
  value: { code, message },
});

export async function handleCardAction(
  ports: BotPorts,
  links: CardLinks,
  req: CardActionRequest,
  log: BotLogger,
): Promise<CardActionResponse> {
  const locale: Locale = await ports.locale(req.actorOid, req.localeHint);
  const data = req.data;
  const momentKey =
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { momentKey?: unknown }).momentKey === 'string'
      ? (data as { momentKey: string }).momentKey
      : undefined;
  if ((req.verb !== ANSWER_VERB && req.verb !== REFRESH_VERB) || !momentKey)
    return error(400, 'BadRequest', RUNTIME_TEXTS.badRequest[locale]);

  const view = await ports.loadMoment(momentKey);
  if (!view) return error(404, 'NotFound', RUNTIME_TEXTS.unknownMoment[locale]);
  const role = answeringRole(view, req.actorOid);
  if (!role) {
    log.warn('card action refused: actor not assigned', { momentKey, actor: req.actorOid, verb: req.verb });
    return error(403, 'Forbidden', RUNTIME_TEXTS.notAllowed[locale]);
  }
  const actor = await ports.person(req.actorOid);
  const input = cardInput(view, actor, role);
  const ctx = { locale, links };

  const closed = async (): Promise<CardActionResponse> => {
    if (view.moment.state === 'cancelled') return card(expiredCard(input, { kind: 'stopped' }, ctx));
    const stored = await ports.findAnswer(view);
    if (!stored) return card(expiredCard(input, { kind: 'closed' }, ctx));
    return answered(view, stored.respondentOid, stored.answers, stored.submittedAt);
  };
  const answered = async (
    v: MomentView,
    by: string,
    answers: Readonly<Record<string, string | number | boolean>>,
    at: string,
  ): Promise<CardActionResponse> => {
    const person = await ports.person(by);
    // Rendered with the answerer's form (a coordinator's checklist differs from the mentor's).
    const byRole = answeringRole(v, by) ?? role;
    return card(answeredCard(cardInput(v, person, byRole), answers, person, at, ctx));
  };

  if (view.moment.state === 'answered' || view.moment.state === 'cancelled') return closed();
  if (req.verb === REFRESH_VERB) return card(openCard(input, ctx));

  const parsed = parseMomentAnswer(data, formOf(input), locale);
  if (!parsed.ok) return card(errorCard(input, parsed.values, parsed.errors, ctx));
  const { answerKey, answers } = parsed.value;
  if (parsed.value.momentKey !== view.moment.key || !answerKey.startsWith(`${view.moment.key}@`))
    return error(400, 'BadRequest', RUNTIME_TEXTS.badRequest[locale]);

  const at = req.now.toISOString();
  const stored = await ports.writeAnswer({ view, respondentOid: req.actorOid, answerKey, answers, at });
  // Whoever's answer is stored is the answer: close the moment for them (this also heals a moment left open by
  // a process that stopped between the two writes).
  const marked = await ports.markAnswered(view, stored.respondentOid, stored.submittedAt);
  if (!marked.ok && marked.state === 'cancelled') return card(expiredCard(input, { kind: 'stopped' }, ctx));
  log.info('moment answered', {
    momentKey,
    by: stored.respondentOid,
    duplicate: stored.respondentOid !== req.actorOid,
  });
  return answered(view, stored.respondentOid, stored.answers, stored.submittedAt);
}
