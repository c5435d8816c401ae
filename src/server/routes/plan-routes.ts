import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { emptyPlan, type InternshipPlan } from '../../domain/plan';
import { planInput, trainingRecordInput, VALIDATION_TEXTS } from '../../domain/validation';
import type { ServerDeps } from '../deps';
import { invalidInput } from '../http/api-error';
import { ctxOf } from '../http/create-app';
import { bodyOf } from '../http/validate';
import { loadInternship } from './internship-routes';
import { presentWithGate, requireVersion, saveInternship } from './workflow-routes';

/**
 * The internship plan (seed 003, toolbox C3): projects written as briefs, milestones with SMART criteria, and the
 * training record. Stored whole in the internship's Plan column, so it shares the internship's ETag.
 */
export function planRoutes(deps: ServerDeps): Router {
  const r = Router();

  /** Replace projects, milestones and roles; the training record is kept as it is (it is only appended to). */
  r.put('/internships/:id/plan', async (req, res) => {
    const i = await loadInternship(deps, req, 'plan.write');
    const body = bodyOf(req, planInput);
    await requireVersion(deps, req, i);
    const projectKeys = new Set(body.projects.map((p) => p.key));
    const unknown = body.milestones.flatMap((m, n) =>
      m.projectKey && !projectKeys.has(m.projectKey)
        ? [{ path: `milestones.${n}.projectKey`, message: VALIDATION_TEXTS.choice![req.locale] }]
        : [],
    );
    if (unknown.length > 0) throw invalidInput(unknown);
    const plan: InternshipPlan = { ...body, trainingRecord: i.plan?.trainingRecord ?? [] };
    const saved = await saveInternship(deps, req, i, { plan });
    res.setHeader('etag', saved.etag);
    res.json(await presentWithGate(deps, req, saved));
  });

  /** One entry of the training record: progress noted at an agreed moment, optionally for one milestone. */
  r.post('/internships/:id/plan/training-record', async (req, res) => {
    const i = await loadInternship(deps, req, 'plan.write');
    const body = bodyOf(req, trainingRecordInput);
    await requireVersion(deps, req, i);
    const plan = i.plan ?? emptyPlan();
    if (body.milestoneKey && !plan.milestones.some((m) => m.key === body.milestoneKey))
      throw invalidInput([{ path: 'milestoneKey', message: VALIDATION_TEXTS.choice![req.locale] }]);
    const entry = {
      key: `tr-${randomUUID()}`,
      date: body.date,
      note: body.note,
      authorOid: ctxOf(req).actor.userId,
      ...(body.milestoneKey ? { milestoneKey: body.milestoneKey } : {}),
    };
    const saved = await saveInternship(deps, req, i, {
      plan: { ...plan, trainingRecord: [...plan.trainingRecord, entry] },
    });
    res.setHeader('etag', saved.etag);
    res.json(await presentWithGate(deps, req, saved));
  });

  return r;
}
