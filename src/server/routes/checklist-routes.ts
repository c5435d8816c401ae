import { Router, type Request } from 'express';
import { canOnInternship } from '../../domain/access';
import type { Internship } from '../../domain/internship';
import type { ChecklistItem } from '../../domain/records';
import { checklistChangeInput } from '../../domain/validation';
import { checklistItemKey } from '../../graph/repositories/checklist-items';
import type { Stored } from '../../graph/repositories/list-repository';
import { RepositoryConflictError } from '../../graph/repositories/repository-errors';
import type { ServerDeps } from '../deps';
import { conflict, forbidden, notFound } from '../http/api-error';
import { ctxOf } from '../http/create-app';
import { bodyOf, ifMatchOf } from '../http/validate';
import {
  presentChecklistItem,
  presentChecklists,
  type ChecklistPresentContext,
} from '../presenters/checklist-presenter';
import { loadInternship } from './internship-routes';
import { personOf, resolvePeople } from './workflow-routes';

/**
 * The internship's checklists (toolbox B4 logistics, B5/C4 onboarding, C3 preparation, closing): read by kind with
 * the texts in the caller's language; tick, assign, due date, comment and hide, each guarded by the item's ETag.
 */
export function checklistRoutes(deps: ServerDeps): Router {
  const r = Router();

  const context = async (req: Request, i: Internship): Promise<ChecklistPresentContext> => {
    const { actor, locale } = ctxOf(req);
    return {
      locale,
      settings: await deps.organisation.current(),
      person: (oid) => personOf(deps, oid),
      canWrite: canOnInternship(actor, 'checklist.write', i),
      // Hiding changes the organisation's process for this internship: the coordinator's call.
      canHide: canOnInternship(actor, 'internship.update', i),
    };
  };

  r.get('/internships/:id/checklists', async (req, res) => {
    const i = await loadInternship(deps, req, 'checklist.read');
    const items = await deps.repos.checklistItems.byInternship(i.key);
    res.json(presentChecklists(items, await context(req, i)));
  });

  r.patch('/internships/:id/checklists', async (req, res) => {
    const i = await loadInternship(deps, req, 'checklist.write');
    const body = bodyOf(req, checklistChangeInput);
    const ifMatch = ifMatchOf(req);
    const c = await context(req, i);
    if (body.hidden !== undefined && !c.canHide) throw forbidden();
    const item = await deps.repos.checklistItems.getByKey(checklistItemKey(i.key, body.itemKey));
    if (!item || item.internshipKey !== i.key) throw notFound();
    if (item.etag !== ifMatch) throw conflict(presentChecklistItem(item, c));
    const people = await resolvePeople(deps, req.locale, { assigneeId: body.assigneeId });
    const patch: Partial<ChecklistItem> = {};
    if (body.done === true && !item.done) {
      patch.done = true;
      patch.doneByOid = ctxOf(req).actor.userId;
      patch.doneAt = deps.clock.now().toISOString();
    } else if (body.done === false && item.done) {
      patch.done = false;
      patch.doneByOid = undefined;
      patch.doneAt = undefined;
    }
    if (people.assigneeId !== undefined) patch.assigneeOid = people.assigneeId?.id;
    if (body.dueDate !== undefined) patch.dueDate = body.dueDate ?? undefined;
    if (body.comment !== undefined) patch.note = body.comment || undefined;
    if (body.hidden !== undefined) patch.hidden = body.hidden;
    let saved: Stored<ChecklistItem> = item;
    if (Object.keys(patch).length > 0) {
      try {
        saved = await deps.repos.checklistItems.update(item, patch);
      } catch (e) {
        if (!(e instanceof RepositoryConflictError)) throw e;
        if (!e.current) throw notFound();
        throw conflict(presentChecklistItem(e.current as Stored<ChecklistItem>, c));
      }
    }
    res.setHeader('etag', saved.etag);
    res.json(presentChecklistItem(saved, c));
  });

  return r;
}
