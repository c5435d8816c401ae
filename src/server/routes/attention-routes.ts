import { Router } from 'express';
import { canInOrganisation, canOnInternship, type Actor } from '../../domain/access';
import {
  ATTENTION_DOCUMENTS,
  ATTENTION_PHASES,
  ATTENTION_QUESTIONNAIRES,
  dueFrom,
  overdueEntries,
  UNANSWERED_STATES,
} from '../../domain/attention';
import type { AttentionKind, AttentionView } from '../../domain/attention-views';
import { atLocalTime, localDateOf } from '../../domain/brussels-time';
import type { Internship } from '../../domain/internship';
import { belgianWorkCalendar, fromEpochDay, toEpochDay } from '../../domain/workdays';
import { documentTypesOf } from '../../graph/repositories/folder-documents';
import type { Stored } from '../../graph/repositories/list-repository';
import type { ServerDeps } from '../deps';
import { ctxOf } from '../http/create-app';
import { ATTENTION_READ, presentAttention } from '../presenters/attention-presenter';
import { presentContext } from './internship-routes';

/** "Due from me" looks a week ahead: what a mentor can still prepare before it is late. */
export const DUE_HORIZON_WORKDAYS = 5;

/**
 * The internships under way that the caller follows: every one for a coordinator (one indexed query by phase),
 * otherwise the ones they guide as mentor or back-up and those of the services they head.
 */
async function followed(deps: ServerDeps, actor: Actor): Promise<Stored<Internship>[]> {
  if (canInOrganisation(actor, 'internships.listAll'))
    return deps.repos.internships.byPhase(ATTENTION_PHASES);
  const parts = await Promise.all([
    deps.repos.internships.byMentorOrBackup(actor.userId),
    ...actor.headOfServices.map((s) => deps.repos.internships.byService(s)),
  ]);
  const byKey = new Map(parts.flat().map((i) => [i.key, i]));
  return [...byKey.values()].filter((i) => ATTENTION_PHASES.includes(i.phase));
}

/**
 * What needs attention (issue #5, the homes): the overdue list of the internships the caller follows and what is
 * due from the caller. Reads are indexed and grouped: the internships, then one $batch per list for all of them
 * (moments, checklist items, answers, the two document libraries), only for the internships on which the caller
 * may see that kind of record at all; the presenter then keeps what the caller may see, entry by entry.
 */
export function attentionRoutes(deps: ServerDeps): Router {
  const r = Router();
  const calendar = belgianWorkCalendar();

  r.get('/attention', async (req, res) => {
    const { actor } = ctxOf(req);
    const pc = await presentContext(deps, req);
    const today = localDateOf(deps.clock.now().toISOString());
    const internships = await followed(deps, actor);
    const keysFor = (...kinds: AttentionKind[]) =>
      internships
        .filter((i) => kinds.some((k) => canOnInternship(actor, ATTENTION_READ[k], i)))
        .map((i) => i.key);
    // A coordinator follows every internship under way: one indexed query per list instead of key groups,
    // then only the followed internships' records are kept.
    const everything = canInOrganisation(actor, 'internships.listAll');
    const followedKeys = new Set(internships.map((i) => i.key));
    const scope = (...kinds: AttentionKind[]) => (everything ? ('all' as const) : keysFor(...kinds));
    const mine = <R extends { internshipKey: string }>(rows: R[]) =>
      rows.filter((r) => followedKeys.has(r.internshipKey));
    // Moments are fetched up to the end of today: due today counts for "due from me", not yet as overdue.
    const endOfToday = new Date(atLocalTime(fromEpochDay(toEpochDay(today) + 1), '00:00'));
    const [moments, checklistItems, evaluations, documents] = await Promise.all([
      deps.repos.moments
        .inStatesOf(scope('unansweredMoment'), endOfToday, UNANSWERED_STATES)
        .then((ms) => ms.filter((m) => followedKeys.has(m.internshipId))),
      deps.repos.checklistItems
        .openDueOf(scope('lateChecklistItem'), calendar.addWorkdays(today, DUE_HORIZON_WORKDAYS))
        .then(mine),
      // Answers also close questionnaire moments answered in the tab, so they are read with the moments too.
      deps.repos.evaluations.ofInternships(keysFor('redFlag', 'unansweredMoment'), ATTENTION_QUESTIONNAIRES),
      documentTypesOf(deps.repos.ctx, keysFor('missingDocument'), ATTENTION_DOCUMENTS, everything),
    ]);
    const input = { today, calendar, internships, moments, checklistItems, evaluations, documents };
    const byKey = new Map(internships.map((i) => [i.key, i]));
    const view: AttentionView = {
      today,
      overdue: presentAttention(overdueEntries(input), byKey, pc),
      dueFromMe: presentAttention(
        dueFrom(actor.userId, input, { horizonWorkdays: DUE_HORIZON_WORKDAYS }),
        byKey,
        pc,
      ),
      horizonWorkdays: DUE_HORIZON_WORKDAYS,
    };
    res.json(view);
  });

  return r;
}
