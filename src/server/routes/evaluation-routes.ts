import { Router } from 'express';
import { z } from 'zod';
import { answerFields, validateAnswers } from '../../domain/answers';
import { canOnInternship } from '../../domain/access';
import type { LocalizedText } from '../../domain/i18n';
import type { Internship } from '../../domain/internship';
import { isTerminal } from '../../domain/phases';
import { milestonesToScore } from '../../domain/plan';
import { isQuestionnaireKey, type QuestionnaireKey } from '../../domain/questionnaires';
import { isQuestionnaireRecord, type EvaluationRecord } from '../../domain/records';
import type { Stored } from '../../graph/repositories/list-repository';
import { RepositoryConflictError } from '../../graph/repositories/repository-errors';
import type { ServerDeps } from '../deps';
import { ApiError, conflict, forbidden, invalidInput, notFound } from '../http/api-error';
import { ctxOf } from '../http/create-app';
import { bodyOf } from '../http/validate';
import {
  evaluationKey,
  mayFill,
  mayRead,
  presentEvaluation,
  presentEvaluations,
  TAB_QUESTIONNAIRES,
} from '../presenters/evaluation-presenter';
import { closeMomentAnsweredInTab } from '../services/tab-answers';
import { loadInternship } from './internship-routes';

export const RECORDS_CLOSED: LocalizedText = {
  nl: 'Deze stage is afgesloten of stopgezet: de gegevens ervan kunnen niet meer worden gewijzigd.',
  fr: 'Ce stage est clôturé ou arrêté : ses données ne peuvent plus être modifiées.',
  de: 'Dieses Praktikum ist abgeschlossen oder beendet: Seine Daten können nicht mehr geändert werden.',
  en: 'This internship is closed or stopped: its records can no longer be changed.',
};

/** A closed or stopped internship keeps its records as they were (domain rule: terminal phases are final). */
export function assertOpen(i: Pick<Internship, 'phase'>): void {
  if (isTerminal(i.phase)) throw new ApiError(409, 'internshipClosed', RECORDS_CLOSED);
}

/** Answers are checked per question by the domain (answers.ts); the envelope only holds them and the share flag. */
const submitInput = z.strictObject({
  answers: z.record(z.string().max(200), z.unknown()),
  sharedWithIntern: z.boolean().optional(),
});

/** Evaluations (mid-term, final, follow-up) and surveys (satisfaction, well-being) filled in the tab. */
export function evaluationRoutes(deps: ServerDeps): Router {
  const r = Router();

  r.get('/internships/:id/evaluations', async (req, res) => {
    const i = await loadInternship(deps, req, 'internship.read');
    const { actor } = ctxOf(req);
    const records = await deps.repos.evaluations.byInternship(i.key);
    res.setHeader('cache-control', 'no-store');
    res.json(presentEvaluations(i, records, actor));
  });

  r.get('/internships/:id/evaluations/:evaluationId', async (req, res) => {
    const i = await loadInternship(deps, req, 'internship.read');
    const { actor } = ctxOf(req);
    const id = String(req.params.evaluationId ?? '');
    const e = /^\d{1,10}$/.test(id) ? await deps.repos.evaluations.getById(id) : undefined;
    if (!e || !isQuestionnaireRecord(e) || e.internshipKey !== i.key || !TAB_QUESTIONNAIRES[e.questionnaire])
      throw notFound();
    if (!mayRead(actor, i, e)) throw forbidden();
    res.setHeader('etag', e.etag);
    res.json(presentEvaluation(i, e, actor));
  });

  /**
   * Submits the caller's answers to a questionnaire. The key is per internship, questionnaire and respondent
   * (per day for repeated ones), so a resubmission updates the same item: it must carry the ETag it read
   * (If-Match), and a stale or missing one answers 409 with the current version.
   */
  r.put('/internships/:id/evaluations/:questionnaire', async (req, res) => {
    const i = await loadInternship(deps, req, 'internship.read');
    const { actor, locale } = ctxOf(req);
    const q = String(req.params.questionnaire ?? '');
    if (!isQuestionnaireKey(q) || !TAB_QUESTIONNAIRES[q]) throw notFound();
    const body = bodyOf(req, submitInput);
    if (!mayFill(actor, i, q)) throw forbidden();
    if (body.sharedWithIntern !== undefined && !canShare(actor, i, q)) throw forbidden();
    assertOpen(i);
    const checked = validateAnswers(answerFields(q, milestonesToScore(i.plan)), body.answers, locale);
    if (!checked.ok) throw invalidInput(checked.errors);

    const now = deps.clock.now().toISOString();
    const key = evaluationKey(i.key, q, actor.userId, now.slice(0, 10));
    const values = {
      answers: checked.value,
      submittedAt: now,
      ...(body.sharedWithIntern !== undefined ? { sharedWithIntern: body.sharedWithIntern } : {}),
    };
    const existing = await deps.repos.evaluations.getByKey(key);
    let saved: Stored<EvaluationRecord>;
    if (!existing) {
      saved = await deps.repos.evaluations.create({
        key,
        internshipKey: i.key,
        questionnaire: q,
        respondentOid: actor.userId,
        sharedWithIntern: body.sharedWithIntern === true,
        ...values,
      });
      res.status(201);
    } else {
      const ifMatch = req.header('if-match');
      if (!ifMatch) throw conflict(presentEvaluation(i, { ...existing, questionnaire: q }, actor));
      try {
        saved = await deps.repos.evaluations.update({ ...existing, etag: ifMatch }, values);
      } catch (e) {
        if (e instanceof RepositoryConflictError)
          throw conflict(
            e.current
              ? presentEvaluation(i, { ...(e.current as Stored<EvaluationRecord>), questionnaire: q }, actor)
              : undefined,
          );
        throw e;
      }
    }
    if (!existing) {
      // The answer is stored either way; a moment left open only means a reminder too many, so it is logged.
      await closeMomentAnsweredInTab(deps.repos, i, q, actor.userId, now).catch((e: unknown) =>
        deps.logger.warn('moment not closed after a tab answer', { internship: i.key, q, error: String(e) }),
      );
    }
    res.setHeader('etag', saved.etag);
    res.json(presentEvaluation(i, { ...saved, questionnaire: q }, actor));
  });

  return r;
}

/** Only evaluations are shared with the intern, and only by who writes them. */
const canShare = (actor: Parameters<typeof canOnInternship>[0], i: Internship, q: QuestionnaireKey) =>
  TAB_QUESTIONNAIRES[q]?.kind === 'evaluation' && canOnInternship(actor, 'evaluation.write', i);
