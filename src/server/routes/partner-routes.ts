import { Router, type Request } from 'express';
import { randomUUID } from 'node:crypto';
import { canInOrganisation } from '../../domain/access';
import type { Partner } from '../../domain/records';
import { partnerInput } from '../../domain/validation';
import type { Stored } from '../../graph/repositories/list-repository';
import { RepositoryConflictError } from '../../graph/repositories/repository-errors';
import type { ServerDeps } from '../deps';
import { conflict, forbidden, notFound } from '../http/api-error';
import { ctxOf } from '../http/create-app';
import { bodyOf, ifMatchOf } from '../http/validate';
import {
  childPatch,
  childrenFor,
  presentPartner,
  sameChild,
  schoolFields,
  type PartnerInput,
} from '../presenters/partner-presenter';

/**
 * Partners (toolbox B2): schools with their programmes, contacts and agreement, and the yearly review of the
 * contact list. Coordinators only. Every write is guarded by the school item's ETag: a stale edit gets 409 with
 * the school as it is now.
 */
export function partnerRoutes(deps: ServerDeps): Router {
  const r = Router();
  const repo = deps.repos.partners;
  const today = () => deps.clock.now().toISOString().slice(0, 10);

  const requireCoordinator = (req: Request) => {
    if (!canInOrganisation(ctxOf(req).actor, 'partners.manage')) throw forbidden();
  };

  async function loadSchool(req: Request): Promise<Stored<Partner>> {
    const id = String(req.params.id ?? '');
    const p = /^\d{1,10}$/.test(id) ? await repo.getById(id) : undefined;
    if (!p || p.type !== 'school') throw notFound();
    return p;
  }

  async function view(school: Stored<Partner>) {
    const [children, internships] = await Promise.all([
      repo.children(school.key),
      deps.repos.internships.all(),
    ]);
    return presentPartner(
      school,
      children,
      today(),
      internships.filter((i) => i.schoolId === school.key).length,
    );
  }

  /** A conflict on the school answers with the school as it is now (or 404 when it was deleted meanwhile). */
  async function conflictWith(e: RepositoryConflictError<Partner>): Promise<never> {
    const now = e.current;
    if (!now) throw notFound();
    throw conflict(await view(now));
  }

  /** Brings the stored children of a school in line with the input: patch what matches, create and delete the rest. */
  async function syncChildren(schoolKey: string, input: PartnerInput): Promise<void> {
    const stored = await repo.children(schoolKey);
    const left = [...stored];
    const toCreate: Parameters<typeof repo.createMany>[0][number][] = [];
    for (const wanted of childrenFor(input, schoolKey)) {
      const i = left.findIndex((s) => sameChild(s, wanted));
      if (i < 0) {
        toCreate.push({ ...wanted, key: `${wanted.type}:${schoolKey}:${randomUUID().slice(0, 8)}` });
        continue;
      }
      const [match] = left.splice(i, 1);
      const patch = childPatch(match!, wanted);
      if (Object.keys(patch).length > 0) await repo.update(match!, patch);
    }
    await repo.createMany(toCreate);
    for (const gone of left) await repo.delete(gone);
  }

  r.get('/partners', async (req, res) => {
    requireCoordinator(req);
    const [all, internships] = await Promise.all([repo.all(), deps.repos.internships.all()]);
    const perSchool = new Map<string, number>();
    for (const i of internships)
      if (i.schoolId) perSchool.set(i.schoolId, (perSchool.get(i.schoolId) ?? 0) + 1);
    let items = all
      .filter((p) => p.type === 'school')
      .map((s) => presentPartner(s, all, today(), perSchool.get(s.key) ?? 0))
      .sort((a, b) => a.name.localeCompare(b.name));
    // B2: "update the contact list yearly" — the screen's "due for review" filter.
    if (req.query.due === 'true') items = items.filter((p) => p.dueForReview);
    res.json({ items });
  });

  r.get('/partners/:id', async (req, res) => {
    requireCoordinator(req);
    const school = await loadSchool(req);
    res.setHeader('etag', school.etag);
    res.json(await view(school));
  });

  r.post('/partners', async (req, res) => {
    requireCoordinator(req);
    const input = bodyOf(req, partnerInput);
    const slug = input.name
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase()
      .slice(0, 40);
    const key = `school:${slug || 'school'}-${randomUUID().slice(0, 8)}`;
    const school = await repo.create({ ...schoolFields(input), key });
    await syncChildren(key, input);
    const v = await view(school);
    res.status(201).setHeader('etag', v.etag).json(v);
  });

  r.put('/partners/:id', async (req, res) => {
    requireCoordinator(req);
    const input = bodyOf(req, partnerInput);
    const etag = ifMatchOf(req);
    const school = await loadSchool(req);
    let updated: Stored<Partner>;
    try {
      updated = await repo.update({ ...school, etag }, schoolFields(input));
    } catch (e) {
      if (e instanceof RepositoryConflictError) return conflictWith(e);
      throw e;
    }
    await syncChildren(school.key, input);
    const v = await view(updated);
    res.setHeader('etag', v.etag).json(v);
  });

  /** B2's yearly review done: the next one is due a year from today. */
  r.post('/partners/:id/reviewed', async (req, res) => {
    requireCoordinator(req);
    const etag = ifMatchOf(req);
    const school = await loadSchool(req);
    const d = new Date(`${today()}T00:00:00Z`);
    d.setUTCFullYear(d.getUTCFullYear() + 1);
    const next = d.toISOString().slice(0, 10);
    try {
      const updated = await repo.update({ ...school, etag }, { reviewDate: next });
      const v = await view(updated);
      res.setHeader('etag', v.etag).json(v);
    } catch (e) {
      if (e instanceof RepositoryConflictError) return conflictWith(e);
      throw e;
    }
  });

  r.delete('/partners/:id', async (req, res) => {
    requireCoordinator(req);
    const etag = ifMatchOf(req);
    const school = await loadSchool(req);
    const children = await repo.children(school.key);
    try {
      await repo.delete({ ...school, etag });
    } catch (e) {
      if (e instanceof RepositoryConflictError) return conflictWith(e);
      throw e;
    }
    for (const c of children) await repo.delete(c);
    res.status(204).end();
  });

  return r;
}
