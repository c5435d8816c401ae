import { Router, type Request } from 'express';
import { canInOrganisation, canOnInternship, type InternshipAction } from '../../domain/access';
import type { Internship } from '../../domain/internship';
import { isTerminal } from '../../domain/phases';
import type { Stored } from '../../graph/repositories/list-repository';
import type { ServerDeps } from '../deps';
import { forbidden, notFound } from '../http/api-error';
import { ctxOf } from '../http/create-app';
import { gateFacts } from '../services/gate-facts';
import {
  presentGate,
  presentInternship,
  presentSummary,
  type PresentContext,
} from '../presenters/internship-presenter';

/** Present context for a request: the caller, their language, the organisation's service names. */
export async function presentContext(deps: ServerDeps, req: Request): Promise<PresentContext> {
  const ctx = ctxOf(req);
  const settings = await deps.organisation.current();
  return {
    actor: ctx.actor,
    locale: ctx.locale,
    settings,
    serviceName: (key) => deps.organisation.serviceName(settings, key, ctx.locale),
  };
}

/**
 * Loads an internship the caller may act on. Callers who may not even read it get 404, not 403: whether an
 * internship exists is itself information (a non-consented intern must not be discoverable).
 */
export async function loadInternship(
  deps: ServerDeps,
  req: Request,
  action: InternshipAction,
): Promise<Stored<Internship>> {
  const id = String(req.params.id ?? '');
  // The list item id, or the internship's key (what cards and deep links carry: moments refer to internships by
  // key, which exists before the SharePoint item does).
  const i = /^\d{1,10}$/.test(id)
    ? await deps.repos.internships.getById(id)
    : /^[A-Za-z0-9._:-]{1,100}$/.test(id)
      ? await deps.repos.internships.getByKey(id)
      : undefined;
  const { actor } = ctxOf(req);
  if (!i || !canOnInternship(actor, 'internship.read', i)) throw notFound();
  if (!canOnInternship(actor, action, i)) throw forbidden();
  return i;
}

export function internshipRoutes(deps: ServerDeps): Router {
  const r = Router();

  /** The internships this caller works with: all for coordinators, otherwise by relation. */
  r.get('/internships', async (req, res) => {
    const { actor } = ctxOf(req);
    const pc = await presentContext(deps, req);
    let list: Stored<Internship>[];
    if (canInOrganisation(actor, 'internships.listAll')) list = await deps.repos.internships.all();
    else {
      const parts = await Promise.all([
        deps.repos.internships.byMentorOrBackup(actor.userId),
        deps.repos.internships.byIntern(actor.userId),
        ...actor.headOfServices.map((s) => deps.repos.internships.byService(s)),
      ]);
      const byId = new Map(parts.flat().map((i) => [i.id, i]));
      list = [...byId.values()];
    }
    const visible = list.filter((i) => canOnInternship(actor, 'internship.read', i));
    visible.sort(
      (a, b) =>
        a.startDate.localeCompare(b.startDate) || a.intern.displayName.localeCompare(b.intern.displayName),
    );
    res.json({ items: visible.map((i) => presentSummary(i, pc)) });
  });

  r.get('/internships/:id', async (req, res) => {
    const i = await loadInternship(deps, req, 'internship.read');
    const pc = await presentContext(deps, req);
    const gate = isTerminal(i.phase)
      ? undefined
      : presentGate(
          i,
          await gateFacts(deps.repos, deps.folders, i),
          deps.clock.now().toISOString().slice(0, 10),
          pc.locale,
        );
    res.setHeader('etag', i.etag);
    res.json(presentInternship(i, pc, gate));
  });

  return r;
}
