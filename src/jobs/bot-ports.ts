/**
 * The bot runtime's ports (src/bot/runtime/ports.ts) on SharePoint and Graph: moments and internships from their
 * lists, answers in Evaluations (one item per moment, Key `${momentKey}:answer`, so a second write of any kind
 * meets the unique column), conversation references in Conversations, languages from mailbox settings.
 */
import { resolveLocale, type Locale } from '../domain/i18n';
import type { PersonRef } from '../domain/internship';
import { OPEN_MOMENT_STATES, type EvaluationRecord, type Moment } from '../domain/records';
import { formSource } from '../bot/cards/forms';
import type { BotPorts, MomentView, StoredAnswer } from '../bot/runtime/ports';
import type { Mailboxes } from '../graph/mailbox';
import type { ConversationsRepository } from '../graph/repositories/conversations';
import type { Stored } from '../graph/repositories/list-repository';
import type { Repositories } from '../graph/repositories/repositories';
import { RepositoryConflictError } from '../graph/repositories/repository-errors';
import { hydrateInternships } from './hydrate';

export const answerItemKey = (momentKey: string): string => `${momentKey}:answer`;

export interface SharePointBotPortsDeps {
  repos: Repositories;
  conversations: ConversationsRepository;
  mailboxes: Mailboxes;
  /** Settings are read at most this often (ms); coordinators rarely change. */
  settingsTtlMs?: number;
  now?: () => number;
}

export function sharePointBotPorts(deps: SharePointBotPortsDeps): BotPorts {
  const { repos, conversations, mailboxes } = deps;
  const now = deps.now ?? Date.now;
  let settings: { at: number; coordinatorOids: string[]; locale: Locale } | undefined;
  const org = async () => {
    if (!settings || now() - settings.at > (deps.settingsTtlMs ?? 30_000)) {
      const s = (await repos.settings.read()).settings;
      settings = { at: now(), coordinatorOids: [...s.coordinatorOids], locale: s.defaultLanguage };
    }
    return settings;
  };

  const toAnswer = (r: EvaluationRecord): StoredAnswer => ({
    respondentOid: r.respondentOid,
    answers: r.answers,
    submittedAt: r.submittedAt,
  });

  return {
    async saveConversation(ref) {
      await conversations.upsert(ref);
    },

    async loadMoment(momentKey) {
      const moment = await repos.moments.getByKey(momentKey);
      if (!moment) return undefined;
      const found = await repos.internships.getByKey(moment.internshipId);
      if (!found) return undefined;
      const [internship] = await hydrateInternships(repos.ctx.people, [found]);
      return { moment, internship: internship!, coordinatorOids: (await org()).coordinatorOids };
    },

    async findAnswer(view) {
      const r = await repos.evaluations.getByKey(answerItemKey(view.moment.key));
      return r ? toAnswer(r) : undefined;
    },

    async writeAnswer(w) {
      const source = formSource(w.view.moment.kind, 'mentor');
      const record = {
        key: answerItemKey(w.view.moment.key),
        internshipKey: w.view.internship.key,
        momentKey: w.view.moment.key,
        respondentOid: w.respondentOid,
        // The answer key travels with the answers: which card (recipient) it came from.
        answers: { ...w.answers, _answerKey: w.answerKey },
        submittedAt: w.at,
        // Checklist cards (preparation, first day, results) have no questionnaire: the column stays empty.
        ...(source.from === 'questionnaire' ? { questionnaire: source.key } : {}),
      } as Omit<EvaluationRecord, 'id'>;
      const stored = await repos.evaluations.create(record);
      const { _answerKey: _ignored, ...answers } = stored.answers;
      return { ...toAnswer(stored), answers };
    },

    async markAnswered(view, by, at) {
      const current = await repos.moments.getByKey(view.moment.key);
      if (!current) return { ok: false, state: 'cancelled' };
      if (current.state === 'answered' || current.state === 'cancelled') return closedResult(current);
      try {
        await repos.moments.transition(current, {
          to: 'answered',
          from: OPEN_MOMENT_STATES.concat(['failed']),
          entry: { at, event: 'answered', oid: by },
          answeredByOid: by,
          answeredAt: at,
        });
        return { ok: true };
      } catch (e) {
        if (!(e instanceof RepositoryConflictError)) throw e;
        const now =
          (e.current as Stored<Moment> | undefined) ?? (await repos.moments.getByKey(view.moment.key));
        if (!now) return { ok: false, state: 'cancelled' };
        return now.state === 'answered' && now.answeredByOid === by ? { ok: true } : closedResult(now);
      }
    },

    async person(oid): Promise<PersonRef> {
      await repos.ctx.people.usersById([oid]);
      return repos.ctx.people.personRef(oid);
    },

    async locale(oid, hint) {
      if (!oid) return hint ? resolveLocale(hint) : (await org()).locale;
      return mailboxes.localeOf(oid);
    },
  };
}

function closedResult(m: Moment) {
  return {
    ok: false as const,
    state: m.state,
    ...(m.answeredByOid ? { answeredByOid: m.answeredByOid } : {}),
    ...(m.answeredAt ? { answeredAt: m.answeredAt } : {}),
  };
}

export type { MomentView };
