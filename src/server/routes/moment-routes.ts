import { Router } from 'express';
import { canOnInternship } from '../../domain/access';
import { GATE_REASON_TEXTS } from '../../domain/phases';
import { QUESTIONNAIRES } from '../../domain/questionnaires';
import type { HistoryEventView } from '../../domain/views-workflow';
import { interpolate } from '../../bot/cards/format';
import { MOMENT_TITLES } from '../../bot/cards/texts';
import type { ServerDeps } from '../deps';
import { ctxOf } from '../http/create-app';
import { checklistItemText } from '../presenters/checklist-presenter';
import { presentMoment } from '../presenters/moment-presenter';
import { loadInternship } from './internship-routes';
import { personOf } from './workflow-routes';

/**
 * The moments timeline (planned, sent, answered, escalated, with the delivery log) and the internship's history,
 * for who guides the intern (mentor, back-up, coordinator).
 */
export function momentRoutes(deps: ServerDeps): Router {
  const r = Router();
  const person = (oid: string | undefined) => personOf(deps, oid);

  r.get('/internships/:id/moments', async (req, res) => {
    const i = await loadInternship(deps, req, 'moments.read');
    const moments = await deps.repos.moments.byInternship(i.key);
    res.json({ items: moments.map((m) => presentMoment(m, req.locale, person)) });
  });

  /** What happened, newest first, derived from what is stored (the record, answers, ticks, deliveries). */
  r.get('/internships/:id/history', async (req, res) => {
    const i = await loadInternship(deps, req, 'history.read');
    const { locale, actor } = ctxOf(req);
    const [evaluations, items, moments, settings] = await Promise.all([
      deps.repos.evaluations.byInternship(i.key, 'intake'),
      deps.repos.checklistItems.byInternship(i.key),
      deps.repos.moments.byInternship(i.key),
      deps.organisation.current(),
    ]);
    const events: HistoryEventView[] = [];
    const push = (e: HistoryEventView) => events.push(e);
    if (i.interviewAt)
      push({ at: i.interviewAt, kind: 'interview', text: QUESTIONNAIRES.intake.title[locale] });
    for (const e of evaluations) {
      const by = person(e.respondentOid);
      push({
        at: e.submittedAt,
        kind: 'intakeReport',
        text: QUESTIONNAIRES.intake.title[locale],
        ...(by ? { by } : {}),
      });
    }
    if (i.decision && i.decisionAt) push({ at: i.decisionAt, kind: 'decision', text: i.decision });
    const hiddenVisible = canOnInternship(actor, 'internship.update', i);
    for (const c of items)
      if (c.done && c.doneAt && (hiddenVisible || !c.hidden)) {
        const by = person(c.doneByOid);
        push({
          at: c.doneAt,
          kind: 'checklistDone',
          text: checklistItemText(c.templateKey, settings, locale).text,
          ...(by ? { by } : {}),
        });
      }
    for (const m of moments)
      for (const line of m.log) {
        const kind =
          line.event === 'answered'
            ? 'momentAnswered'
            : line.event === 'escalatedToBackup' || line.event === 'escalatedToCoordinator'
              ? 'momentEscalated'
              : undefined;
        if (!kind) continue;
        const by = person(line.oid);
        push({
          at: line.at,
          kind,
          text: interpolate(MOMENT_TITLES[m.kind][locale], { n: m.seq }),
          ...(by ? { by } : {}),
        });
      }
    if (i.closingWaiver) {
      const by = person(i.closingWaiver.by);
      push({ at: i.closingWaiver.at, kind: 'waiver', text: i.closingWaiver.reason, ...(by ? { by } : {}) });
    }
    if (i.stoppedAt)
      push({
        at: i.stoppedAt,
        kind: 'stopped',
        text: i.stopReason ?? GATE_REASON_TEXTS.stopReasonMissing[locale],
        ...(i.stoppedBy ? { stoppedBy: i.stoppedBy } : {}),
      });
    events.sort((a, b) => b.at.localeCompare(a.at));
    res.json({ items: events });
  });

  return r;
}
