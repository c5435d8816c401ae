import { Router } from 'express';
import { randomUUID } from 'node:crypto';
import { canOnInternship } from '../../domain/access';
import type { LocalizedText } from '../../domain/i18n';
import { absenceInput, feedbackInput } from '../../domain/validation';
import type { ServerDeps } from '../deps';
import { forbidden, invalidInput } from '../http/api-error';
import { ctxOf } from '../http/create-app';
import { bodyOf } from '../http/validate';
import { presentAbsence, presentFeedback, presentJournal } from '../presenters/journal-presenter';
import { assertOpen } from './evaluation-routes';
import { loadInternship } from './internship-routes';

const OUTSIDE_PERIOD: LocalizedText = {
  nl: 'De afwezigheid moet binnen de stageperiode vallen ({n}).',
  fr: "L'absence doit se situer dans la période de stage ({n}).",
  de: 'Die Abwesenheit muss im Praktikumszeitraum liegen ({n}).',
  en: 'The absence must fall within the internship period ({n}).',
};

/** The journal (toolbox C5): the feedback log and absences. */
export function journalRoutes(deps: ServerDeps): Router {
  const r = Router();

  r.get('/internships/:id/journal', async (req, res) => {
    const i = await loadInternship(deps, req, 'internship.read');
    const { actor } = ctxOf(req);
    if (!canOnInternship(actor, 'journal.read', i) && !canOnInternship(actor, 'journal.readShared', i))
      throw forbidden();
    const [feedback, absences] = await Promise.all([
      deps.repos.journal.feedback(i.key),
      deps.repos.journal.absences(i.key),
    ]);
    res.setHeader('cache-control', 'no-store');
    res.json(presentJournal(i, feedback, absences, actor));
  });

  r.post('/internships/:id/journal/feedback', async (req, res) => {
    const i = await loadInternship(deps, req, 'journal.write');
    const { actor } = ctxOf(req);
    const input = bodyOf(req, feedbackInput);
    assertOpen(i);
    const saved = await deps.repos.journal.create({
      key: `${i.key}:journal:${randomUUID()}`,
      internshipKey: i.key,
      type: 'feedback',
      date: input.date,
      direction: input.direction,
      note: input.note,
      visibleToIntern: input.visibleToIntern,
      authorOid: actor.userId,
    });
    res.status(201).json(presentFeedback(i, saved as typeof saved & { type: 'feedback' }));
  });

  /** Mentor, back-up and coordinator log absences; the intern logs their own (absence.writeOwn). */
  r.post('/internships/:id/journal/absences', async (req, res) => {
    const i = await loadInternship(deps, req, 'internship.read');
    const { actor, locale } = ctxOf(req);
    const input = bodyOf(req, absenceInput);
    if (!canOnInternship(actor, 'journal.write', i) && !canOnInternship(actor, 'absence.writeOwn', i))
      throw forbidden();
    assertOpen(i);
    const period = `${i.startDate} – ${i.endDate}`;
    const outside = OUTSIDE_PERIOD[locale].replace('{n}', period);
    const errors = [
      ...(input.from < i.startDate || input.from > i.endDate ? [{ path: 'from', message: outside }] : []),
      ...(input.to > i.endDate || input.to < i.startDate ? [{ path: 'to', message: outside }] : []),
    ];
    if (errors.length > 0) throw invalidInput(errors);
    const saved = await deps.repos.journal.create({
      key: `${i.key}:journal:${randomUUID()}`,
      internshipKey: i.key,
      type: 'absence',
      date: input.from,
      to: input.to,
      kind: input.kind,
      schoolInformed: input.schoolInformed,
      ...(input.note ? { note: input.note } : {}),
      authorOid: actor.userId,
    });
    res.status(201).json(presentAbsence(i, saved as typeof saved & { type: 'absence' }));
  });

  return r;
}
