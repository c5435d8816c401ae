/**
 * The bot runtime's ports (src/bot/runtime/ports.ts) on SharePoint and Graph: moments and internships from their
 * lists, answers in Evaluations (one item per moment, Key `${momentKey}:answer`, so a second write of any kind
 * meets the unique column), conversation references in Conversations, languages from mailbox settings. A checklist
 * card's answer also ticks the internship's ChecklistItems it reports as done (`tickAnsweredItems`).
 */
import { resolveLocale, type Locale } from '../domain/i18n';
import type { PersonRef } from '../domain/internship';
import {
  OPEN_MOMENT_STATES,
  type ChecklistItem,
  type EvaluationRecord,
  type Moment,
} from '../domain/records';
import { formSource } from '../bot/cards/forms';
import type { BotPorts, MomentView, StoredAnswer } from '../bot/runtime/ports';
import type { Mailboxes } from '../graph/mailbox';
import type { ConversationsRepository } from '../graph/repositories/conversations';
import type { Stored } from '../graph/repositories/list-repository';
import type { Repositories } from '../graph/repositories/repositories';
import { RepositoryConflictError } from '../graph/repositories/repository-errors';
import { hydrateInternships } from './hydrate';

export const answerItemKey = (momentKey: string): string => `${momentKey}:answer`;

/** Rounds of ETag conflicts on one item before giving up (someone editing the checklist in the tab meanwhile). */
const TICK_ATTEMPTS = 4;

/**
 * Ticks the ChecklistItems of an internship that a checklist card's answer reports as done (`true` per template
 * key), as the tab does: done, done by the answerer, at the answer's time. Only ticks: "not done" on a card never
 * unticks what someone ticked in the tab, and an item already done keeps its own done-by/at. Every write carries
 * the item's ETag; a conflict re-reads the item and applies again unless it is done by then. Applying the stored
 * answer again (a retried invoke, a second answerer) changes nothing more. Returns the items ticked now.
 */
export async function tickAnsweredItems(
  repos: Pick<Repositories, 'checklistItems'>,
  internshipKey: string,
  answer: StoredAnswer,
): Promise<number> {
  const done = new Set(
    Object.entries(answer.answers).flatMap(([key, value]) => (value === true ? [key] : [])),
  );
  if (done.size === 0) return 0;
  let pending = (await repos.checklistItems.byInternship(internshipKey)).filter(
    (item) => done.has(item.templateKey) && !item.done,
  );
  let ticked = 0;
  for (let attempt = 0; pending.length > 0 && attempt < TICK_ATTEMPTS; attempt++) {
    const res = await repos.checklistItems.updateMany(
      pending.map((current) => ({
        current,
        patch: { done: true, doneByOid: answer.respondentOid, doneAt: answer.submittedAt },
      })),
    );
    ticked += res.updated.length;
    pending = res.conflicts.flatMap((c) => {
      const now = c.current as Stored<ChecklistItem> | undefined;
      return now && !now.done ? [now] : [];
    });
  }
  if (pending.length > 0)
    throw new RepositoryConflictError('ChecklistItems', pending[0]!.key, pending[0], undefined);
  return ticked;
}

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
      const answer = { ...toAnswer(stored), answers };
      // The stored answer (ours, or the one that was there first) is applied, before the moment closes: a process
      // stopped in between leaves the moment open, and the retried invoke ticks what is still unticked.
      if (source.from === 'checklist') await tickAnsweredItems(repos, w.view.internship.key, answer);
      return answer;
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
