import { Router, type Request } from 'express';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { canInOrganisation, canProposeForService, type Actor } from '../../domain/access';
import { localDateOf } from '../../domain/brussels-time';
import {
  canTakeStep,
  capacityPolicyOf,
  checkSelection,
  SELECTION_TO,
  STEP_NOT_ALLOWED,
  type SelectionAction,
} from '../../domain/capacity';
import type { Assignment } from '../../domain/records';
import { assignmentInput, email, isoDate, optionalText, validate } from '../../domain/validation';
import type { PersonChoiceView } from '../../domain/views-coordination';
import type { Stored } from '../../graph/repositories/list-repository';
import { RepositoryConflictError } from '../../graph/repositories/repository-errors';
import type { ServerDeps } from '../deps';
import { ApiError, conflict, forbidden, invalidInput, notFound } from '../http/api-error';
import { ctxOf } from '../http/create-app';
import { bodyOf, ifMatchOf } from '../http/validate';
import {
  presentAssignment,
  presentCapacity,
  presentCheck,
  presentPublication,
  type CoordinationContext,
} from '../presenters/assignment-presenter';

/** The caller's coordination context: who they are, their language, service names and people by oid. */
export async function coordinationContext(deps: ServerDeps, req: Request): Promise<CoordinationContext> {
  const { actor, locale } = ctxOf(req);
  const settings = await deps.organisation.current();
  return {
    actor,
    locale,
    serviceName: (key) => deps.organisation.serviceName(settings, key, locale),
    person: (oid) => deps.repos.ctx.people.personRef(oid),
  };
}

/** The year of "today" in Brussels: the needs analysis runs per calendar year. */
const thisYear = (deps: ServerDeps) => Number(localDateOf(deps.clock.now().toISOString()).slice(0, 4));

const yearQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });

/** An optional client idempotency key: a retried POST then finds the item it created instead of making a twin. */
export function idempotencyKey(req: Request, prefix: string): string {
  const k = req.header('idempotency-key');
  if (k === undefined) return `${prefix}:${randomUUID()}`;
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(k))
    throw invalidInput([{ path: 'Idempotency-Key', message: BAD_IDEMPOTENCY_KEY[req.locale] }]);
  return `${prefix}:${k}`;
}

/**
 * An assignment the caller may see: coordinators see all, a service head those of the services they head. Others
 * get 404 (whether a proposal exists is information too), a visible one with a forbidden action 403.
 */
async function loadAssignment(
  deps: ServerDeps,
  req: Request,
  mayAct: (actor: Actor, a: Assignment) => boolean,
): Promise<Stored<Assignment>> {
  const id = String(req.params.id ?? '');
  const a = /^\d{1,10}$/.test(id) ? await deps.repos.assignments.getById(id) : undefined;
  const { actor } = ctxOf(req);
  if (!a || !(canInOrganisation(actor, 'assignments.readAll') || canProposeForService(actor, a.service)))
    throw notFound();
  if (!mayAct(actor, a)) throw forbidden();
  return a;
}

const publicationInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  mailbox: email,
  applyBy: isoDate.optional(),
  presentation: optionalText(2000),
  strengths: optionalText(2000),
});

export function assignmentRoutes(deps: ServerDeps): Router {
  const r = Router();

  /** The needs analysis of a year: all of it for coordinators (with the capacity), a service head's own services. */
  r.get('/assignments', async (req, res) => {
    const { actor, locale } = ctxOf(req);
    const q = validate(yearQuery, req.query, locale);
    if (!q.ok) throw invalidInput(q.errors);
    const year = q.value.year ?? thisYear(deps);
    if (!canInOrganisation(actor, 'assignments.propose')) throw forbidden();
    const all = canInOrganisation(actor, 'assignments.readAll');
    const items = all
      ? await deps.repos.assignments.byYear(year)
      : (
          await Promise.all(actor.headOfServices.map((s) => deps.repos.assignments.byService(s, year)))
        ).flat();
    const c = await coordinationContext(deps, req);
    items.sort((a, b) => a.service.localeCompare(b.service) || a.title.localeCompare(b.title));
    const settings = await deps.organisation.current();
    res.json({
      year,
      items: items.map((a) => presentAssignment(a, c)),
      ...(all
        ? {
            capacity: presentCapacity(
              year,
              items,
              settings.services.map((s) => s.key),
              capacityPolicyOf(settings),
              c.serviceName,
            ),
          }
        : {}),
    });
  });

  /** People who can be proposed as mentor or back-up (the directory; C1: no place without an internal mentor). */
  r.get('/assignments/people', async (req, res) => {
    if (!canInOrganisation(ctxOf(req).actor, 'assignments.propose')) throw forbidden();
    const people = await deps.repos.ctx.people.loadDirectory();
    const items: PersonChoiceView[] = people
      .map((p) => ({
        id: p.id,
        name: p.displayName,
        ...(p.mail ? { email: p.mail } : {}),
        ...(p.department ? { department: p.department } : {}),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    res.json({ items });
  });

  /** A service head proposes an assignment for a service they head (toolbox B1, template "Behoefteanalyse"). */
  r.post('/assignments', async (req, res) => {
    const { actor, locale } = ctxOf(req);
    const input = bodyOf(req, assignmentInput);
    if (!canInOrganisation(actor, 'assignments.propose') || !canProposeForService(actor, input.service))
      throw forbidden();
    const settings = await deps.organisation.current();
    if (!settings.services.some((s) => s.key === input.service))
      throw invalidInput([{ path: 'service', message: UNKNOWN_SERVICE[locale] }]);
    // The needs analysis runs once a year for the places of the year to come (the seed's rounds do the same).
    const year = thisYear(deps);
    const details: Assignment['details'] = { research: input.research };
    if (input.context) details.context = input.context;
    if (input.contacts) details.contacts = input.contacts;
    if (input.qualityCriteria) details.qualityCriteria = input.qualityCriteria;
    if (input.deadlines) details.deadlines = input.deadlines;
    if (input.profile) details.profile = input.profile;
    if (input.periodStart) details.periodStart = input.periodStart;
    if (input.periodEnd) details.periodEnd = input.periodEnd;
    if (input.proposedBackupId) details.backupOid = input.proposedBackupId;
    const created = await deps.repos.assignments.create({
      key: idempotencyKey(req, `assignment:${year}`),
      year,
      service: input.service,
      title: input.title,
      description: input.description,
      status: 'proposed',
      places: input.places,
      proposedByOid: actor.userId,
      ...(input.proposedMentorId ? { mentorOid: input.proposedMentorId } : {}),
      details,
    });
    res.status(201).setHeader('etag', created.etag);
    res.json(presentAssignment(created, await coordinationContext(deps, req)));
  });

  /**
   * The coordinator's selection (B1) and publication (B2) steps. Approving over the policy's capacity is allowed
   * but answered with the figures and the warning; the tab shows the same warning before the call.
   */
  r.get('/assignments/:id', async (req, res) => {
    const a = await loadAssignment(deps, req, () => true);
    res.setHeader('etag', a.etag);
    res.json(presentAssignment(a, await coordinationContext(deps, req)));
  });

  const step = (action: SelectionAction) =>
    r.post(`/assignments/:id/${action}`, async (req, res) => {
      const { locale } = ctxOf(req);
      const etag = ifMatchOf(req);
      const a = await loadAssignment(deps, req, (actor) => canInOrganisation(actor, 'assignments.select'));
      const c = await coordinationContext(deps, req);
      if (a.etag !== etag) throw conflict(presentAssignment(a, c));
      if (!canTakeStep(a.status, action))
        throw new ApiError(409, 'invalidStep', STEP_NOT_ALLOWED, { current: presentAssignment(a, c) });
      const check =
        action === 'approve'
          ? checkSelection(
              await deps.repos.assignments.byYear(a.year),
              a,
              capacityPolicyOf(await deps.organisation.current()),
            )
          : undefined;
      let updated: Stored<Assignment>;
      try {
        updated = await deps.repos.assignments.update(a, { status: SELECTION_TO[action] });
      } catch (e) {
        if (e instanceof RepositoryConflictError && e.current)
          throw conflict(presentAssignment(e.current as Stored<Assignment>, c));
        throw e;
      }
      res.setHeader('etag', updated.etag);
      const view = presentAssignment(updated, c);
      res.json(
        check
          ? { assignment: view, capacity: presentCheck(check, c.serviceName(a.service), locale) }
          : { assignment: view },
      );
    });
  step('approve');
  step('publish');
  step('withdraw');

  /** The published places as a text for the website and the partners, in the four languages (B2). */
  r.post('/assignments/publication', async (req, res) => {
    const { actor } = ctxOf(req);
    if (!canInOrganisation(actor, 'assignments.select')) throw forbidden();
    const input = bodyOf(req, publicationInput);
    const settings = await deps.organisation.current();
    const published = (await deps.repos.assignments.byYear(input.year, 'published')).filter(
      (a) => a.status === 'published',
    );
    res.json(
      presentPublication(
        published,
        {
          year: input.year,
          mailbox: input.mailbox,
          organisationName: (l) => deps.organisation.organisationName(settings, l),
          ...(input.applyBy ? { applyBy: input.applyBy } : {}),
          ...(input.presentation ? { presentation: input.presentation } : {}),
          ...(input.strengths ? { strengths: input.strengths } : {}),
        },
        (key, l) => deps.organisation.serviceName(settings, key, l),
      ),
    );
  });

  return r;
}

const UNKNOWN_SERVICE = {
  nl: 'Kies een dienst van de organisatie.',
  fr: "Choisissez un service de l'organisation.",
  de: 'Wählen Sie einen Dienst der Organisation.',
  en: 'Choose a service of the organisation.',
} as const;

const BAD_IDEMPOTENCY_KEY = {
  nl: 'De sleutel Idempotency-Key is ongeldig (8 tot 64 letters, cijfers, - of _).',
  fr: 'La clé Idempotency-Key n’est pas valide (8 à 64 lettres, chiffres, - ou _).',
  de: 'Der Schlüssel Idempotency-Key ist ungültig (8 bis 64 Buchstaben, Ziffern, - oder _).',
  en: 'The Idempotency-Key is not valid (8 to 64 letters, digits, - or _).',
} as const;
