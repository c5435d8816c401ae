import { Router, type Request } from 'express';
import { canInOrganisation } from '../../domain/access';
import { CHECKLIST_TEMPLATES, type ChecklistItemTemplate, type DueOffset } from '../../domain/checklists';
import { documentType, isDocumentKey } from '../../domain/documents';
import type { Locale, LocalizedText } from '../../domain/i18n';
import type { Decision, Internship, PersonRef, Role } from '../../domain/internship';
import {
  advance,
  FORWARD,
  gateReasonText,
  isTerminal,
  recordDecision,
  stopEarly,
  waiveClosingRequirements,
  type GateReason,
} from '../../domain/phases';
import { QUESTIONNAIRES } from '../../domain/questionnaires';
import { purgeAfterDate } from '../../domain/retention';
import { localDateOf } from '../../domain/brussels-time';
import type { AnswerValue, OrganisationSettings } from '../../domain/records';
import { errorMapFor, stopInput, VALIDATION_TEXTS, type FieldError } from '../../domain/validation';
import {
  advanceInput,
  closeInput,
  decisionWithStaffInput,
  internshipPatchInput,
  interviewInput,
} from '../../domain/validation-workflow';
import { personView, type InternshipView, type PersonView } from '../../domain/views';
import type { DecisionResultView, PersonOptionView } from '../../domain/views-workflow';
import { createWorkCalendar, type WorkCalendar } from '../../domain/workdays';
import { fieldSchema } from '../../bot/answers/parse-answer';
import { escapeHtml, Mailer } from '../../graph/mail';
import type { Stored } from '../../graph/repositories/list-repository';
import { RepositoryConflictError } from '../../graph/repositories/repository-errors';
import { recomputeInternship } from '../../jobs/recompute';
import type { ServerDeps } from '../deps';
import { ApiError, conflict, ERROR_TEXTS, forbidden, invalidInput, notFound } from '../http/api-error';
import { ctxOf } from '../http/create-app';
import { bodyOf, ifMatchOf } from '../http/validate';
import { checklistItemText } from '../presenters/checklist-presenter';
import { presentGate, presentInternship } from '../presenters/internship-presenter';
import { gateFacts } from '../services/gate-facts';
import { checklistRoutes } from './checklist-routes';
import { loadInternship, presentContext } from './internship-routes';
import { momentRoutes } from './moment-routes';
import { planRoutes } from './plan-routes';

/**
 * The internship workflow (issue #5): edit, intake interview, decision, advance through the gates, stop early,
 * close; plus the plan, checklists and moments routers. Every write is ETag-guarded: the client sends the version
 * it read in If-Match and a stale one answers 409 with the current version presented, never a silent overwrite.
 * Gate refusals answer 422 with the domain's reasons in the caller's language.
 */

// ---------- shared helpers (also used by the plan, checklist and moment routers) ----------

/** The internship as the caller may see it, with its gate: what every workflow write answers. */
export async function presentWithGate(
  deps: ServerDeps,
  req: Request,
  i: Stored<Internship>,
): Promise<InternshipView> {
  const pc = await presentContext(deps, req);
  const gate = isTerminal(i.phase)
    ? undefined
    : presentGate(
        i,
        await gateFacts(deps.repos, deps.folders, i),
        deps.clock.now().toISOString().slice(0, 10),
        pc.locale,
      );
  return presentInternship(i, pc, gate);
}

/**
 * The client's If-Match must name the version just read: otherwise someone else wrote in between, and the rules
 * below would be applied to a version the user never saw.
 */
export async function requireVersion(deps: ServerDeps, req: Request, i: Stored<Internship>): Promise<void> {
  if (ifMatchOf(req) !== i.etag) throw conflict(await presentWithGate(deps, req, i));
}

/** Writes a patch under the ETag read; a concurrent write answers 409 with the version now stored. */
export async function saveInternship(
  deps: ServerDeps,
  req: Request,
  current: Stored<Internship>,
  patch: Partial<Internship>,
): Promise<Stored<Internship>> {
  try {
    return await deps.repos.internships.update(current, patch);
  } catch (e) {
    if (!(e instanceof RepositoryConflictError)) throw e;
    if (!e.current) throw notFound();
    throw conflict(await presentWithGate(deps, req, e.current as Stored<Internship>));
  }
}

/** A gate (or domain rule) said no: 422 with each reason in the caller's language. */
export function gateClosed(reasons: GateReason[], locale: Locale, label?: (key: string) => string): ApiError {
  return new ApiError(422, 'gateClosed', ERROR_TEXTS.gateClosed, {
    reasons: reasons.map((r) => ({
      code: r.code,
      message:
        r.items && r.items.length > 0 && label
          ? `${gateReasonText(r, locale)} (${r.items.map(label).join('; ')})`
          : gateReasonText(r, locale),
    })),
  });
}

/** A person by oid, named from the directory cache (the oid stands in for a user the directory does not know). */
export function personOf(deps: ServerDeps, oid: string | undefined): PersonView | undefined {
  if (!oid) return undefined;
  const p = personView(deps.repos.ctx.people.personRef(oid))!;
  return p.name ? p : { ...p, name: oid };
}

/** Resolves ids typed in a form to directory users; an unknown id is a field error, not a silent blank. */
export async function resolvePeople(
  deps: ServerDeps,
  locale: Locale,
  ids: Record<string, string | null | undefined>,
): Promise<Record<string, PersonRef | null | undefined>> {
  const wanted = Object.values(ids).filter((v): v is string => typeof v === 'string');
  const found = await deps.repos.ctx.people.usersById(wanted);
  const errors: FieldError[] = [];
  const out: Record<string, PersonRef | null | undefined> = {};
  for (const [field, oid] of Object.entries(ids)) {
    if (oid === undefined || oid === null) out[field] = oid;
    else if (!found.has(oid)) errors.push({ path: field, message: VALIDATION_TEXTS.choice![locale] });
    else out[field] = deps.repos.ctx.people.personRef(oid);
  }
  if (errors.length > 0) throw invalidInput(errors);
  return out;
}

const nowIso = (deps: ServerDeps) => deps.clock.now().toISOString();

// ---------- texts of this router ----------

const TEXTS = {
  interviewInFuture: {
    nl: 'Registreer het gesprek nadat het heeft plaatsgevonden.',
    fr: "Enregistrez l'entretien après qu'il a eu lieu.",
    de: 'Erfassen Sie das Gespräch, nachdem es stattgefunden hat.',
    en: 'Record the interview once it has taken place.',
  },
  decisionSubject: {
    nl: 'Uw stageaanvraag bij {org}',
    fr: 'Votre demande de stage auprès de {org}',
    de: 'Ihre Praktikumsanfrage bei {org}',
    en: 'Your internship application at {org}',
  },
  accepted: {
    nl: 'Beste {name},<br><br>Met plezier laten we u weten dat u als stagiair(e) bent aanvaard voor "{topic}", van {start} tot {end}. Uw stagementor is {mentor}. U ontvangt binnenkort praktische informatie over uw eerste dag.<br><br>Met vriendelijke groeten,<br>{org}',
    fr: 'Cher/Chère {name},<br><br>Nous avons le plaisir de vous informer que votre stage « {topic} » est accepté, du {start} au {end}. Votre maître de stage est {mentor}. Vous recevrez bientôt des informations pratiques sur votre premier jour.<br><br>Bien cordialement,<br>{org}',
    de: 'Sehr geehrte/r {name},<br><br>wir freuen uns, Ihnen mitzuteilen, dass Ihr Praktikum „{topic}“ vom {start} bis {end} angenommen wurde. Ihr Praktikumsbetreuer ist {mentor}. Praktische Informationen zu Ihrem ersten Tag folgen in Kürze.<br><br>Mit freundlichen Grüßen<br>{org}',
    en: 'Dear {name},<br><br>We are pleased to tell you that you have been accepted for the internship "{topic}", from {start} to {end}. Your mentor is {mentor}. You will soon receive practical information about your first day.<br><br>Kind regards,<br>{org}',
  },
  refused: {
    nl: 'Beste {name},<br><br>Bedankt voor uw interesse en voor het gesprek. Na zorgvuldige overweging kunnen we uw stageaanvraag voor "{topic}" helaas niet aanvaarden. We wensen u veel succes met uw verdere zoektocht.<br><br>Met vriendelijke groeten,<br>{org}',
    fr: "Cher/Chère {name},<br><br>Merci pour votre intérêt et pour l'entretien. Après mûre réflexion, nous ne pouvons malheureusement pas accepter votre demande de stage « {topic} ». Nous vous souhaitons plein succès dans vos recherches.<br><br>Bien cordialement,<br>{org}",
    de: 'Sehr geehrte/r {name},<br><br>vielen Dank für Ihr Interesse und das Gespräch. Nach sorgfältiger Prüfung können wir Ihre Praktikumsanfrage „{topic}“ leider nicht annehmen. Wir wünschen Ihnen viel Erfolg bei Ihrer weiteren Suche.<br><br>Mit freundlichen Grüßen<br>{org}',
    en: 'Dear {name},<br><br>Thank you for your interest and for the interview. After careful consideration we are unfortunately unable to accept your internship application "{topic}". We wish you every success in your search.<br><br>Kind regards,<br>{org}',
  },
} as const satisfies Record<string, LocalizedText>;

/** Fills `{name}` placeholders with values escaped for HTML (every value may be user-typed). */
const fillHtml = (template: string, values: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (_m, k: string) => escapeHtml(values[k] ?? ''));

// ---------- checklist instantiation ----------

/** The organisation's checklists: the toolbox templates with Settings overrides, plus Settings custom items. */
export function organisationTemplates(settings: OrganisationSettings): {
  templates: ChecklistItemTemplate[];
  hidden: Set<string>;
} {
  const hidden = new Set(settings.checklistOverrides.filter((o) => o.hidden).map((o) => o.templateKey));
  const templates: ChecklistItemTemplate[] = CHECKLIST_TEMPLATES.map((t) => {
    const o = settings.checklistOverrides.find((x) => x.templateKey === t.key);
    return o?.due ? { ...t, due: o.due as DueOffset } : t;
  });
  for (const c of settings.customChecklistItems) {
    const any = c.text.en ?? c.text.nl ?? c.text.fr ?? c.text.de ?? c.key;
    templates.push({
      key: c.key,
      kind: c.kind,
      // Custom items are the organisation's own process: the coordinator follows them up.
      owner: 'coordinator',
      due: c.due,
      source: 'settings',
      text: { nl: c.text.nl ?? any, fr: c.text.fr ?? any, de: c.text.de ?? any, en: c.text.en ?? any },
    });
  }
  return { templates, hidden };
}

async function instantiateChecklists(
  deps: ServerDeps,
  calendar: WorkCalendar,
  i: Stored<Internship>,
  settings: OrganisationSettings,
  decidedOn: string,
): Promise<number> {
  const { templates, hidden } = organisationTemplates(settings);
  const dates = { decision: decidedOn, start: i.startDate, end: i.endDate };
  const owner = (role: Role) =>
    role === 'coordinator'
      ? (i.coordinator?.id ?? settings.coordinatorOids[0])
      : role === 'intern'
        ? i.intern.id || i.mentor?.id
        : i.mentor?.id;
  const created = await deps.repos.checklistItems.instantiate(i.key, templates, {
    dueOf: (t) => calendar.addWorkdays(dates[t.due.anchor], t.due.workdays),
    assigneeOf: (t) => owner(t.owner),
    hidden: (t) => hidden.has(t.key),
  });
  return created.length;
}

// ---------- the router ----------

export function workflowRoutes(deps: ServerDeps): Router {
  const r = Router();
  const calendar = createWorkCalendar();
  let directory: { at: number; value: PersonOptionView[] } | undefined;

  /** People a coordinator may name (mentor, back-up): the directory, cached five minutes. */
  r.get('/workflow/people', async (req, res) => {
    const { actor } = ctxOf(req);
    if (!canInOrganisation(actor, 'internships.create')) throw forbidden();
    const now = deps.clock.now().getTime();
    if (!directory || now - directory.at > 5 * 60_000) {
      const all = await deps.repos.ctx.people.loadDirectory();
      directory = {
        at: now,
        value: all
          .map((p) => ({
            id: p.id,
            name: p.displayName,
            ...(p.mail ? { email: p.mail } : {}),
            ...(p.department ? { department: p.department } : {}),
          }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      };
    }
    res.json({ items: directory.value });
  });

  /** Edit the internship's own fields. */
  r.patch('/internships/:id', async (req, res) => {
    const i = await loadInternship(deps, req, 'internship.update');
    const body = bodyOf(req, internshipPatchInput);
    await requireVersion(deps, req, i);
    if (isTerminal(i.phase)) throw gateClosed([{ code: 'terminal' }], req.locale);
    const people = await resolvePeople(deps, req.locale, {
      mentorId: body.mentorId,
      backupId: body.backupId,
      serviceHeadId: body.serviceHeadId,
    });
    const patch: Partial<Internship> = {};
    if (body.internName !== undefined || body.internEmail !== undefined) {
      const intern: PersonRef = { ...i.intern };
      if (body.internName !== undefined) intern.displayName = body.internName;
      if (body.internEmail === null) delete intern.email;
      else if (body.internEmail !== undefined) intern.email = body.internEmail;
      patch.intern = intern;
    }
    if (body.service !== undefined) patch.service = body.service;
    if (body.topic !== undefined) patch.topic = body.topic;
    if (body.startDate !== undefined) patch.startDate = body.startDate;
    if (body.endDate !== undefined) patch.endDate = body.endDate;
    if (body.programme !== undefined) patch.programme = body.programme ?? undefined;
    if (body.schoolSupervisor !== undefined) patch.schoolSupervisor = body.schoolSupervisor ?? undefined;
    if (body.overviewConsent !== undefined) patch.overviewConsent = body.overviewConsent;
    if (people.mentorId !== undefined) patch.mentor = people.mentorId ?? undefined;
    if (people.backupId !== undefined) patch.backup = people.backupId ?? undefined;
    if (people.serviceHeadId !== undefined) patch.serviceHead = people.serviceHeadId ?? undefined;
    // Rules that involve the stored values too (the body alone was checked by the schema).
    const next = { ...i, ...patch };
    const errors: FieldError[] = [];
    if (next.startDate && next.endDate && next.endDate < next.startDate)
      errors.push({ path: 'endDate', message: VALIDATION_TEXTS.endBeforeStart![req.locale] });
    if (next.mentor && next.backup && next.mentor.id === next.backup.id)
      errors.push({ path: 'backupId', message: VALIDATION_TEXTS.mentorIsBackup![req.locale] });
    if (errors.length > 0) throw invalidInput(errors);

    const saved = await saveInternship(deps, req, i, patch);
    await followUp(deps, calendar, i, saved);
    res.setHeader('etag', saved.etag);
    res.json(await presentWithGate(deps, req, saved));
  });

  /** The intake interview: when it was held and the report (the `intake` question set, toolbox B3). */
  r.post('/internships/:id/interview', async (req, res) => {
    const i = await loadInternship(deps, req, 'internship.update');
    const body = bodyOf(req, interviewInput);
    await requireVersion(deps, req, i);
    if (i.phase !== 'preparation' && i.phase !== 'decision')
      throw gateClosed([{ code: isTerminal(i.phase) ? 'terminal' : 'notNextPhase' }], req.locale);
    const now = nowIso(deps);
    if (Date.parse(body.interviewAt) > Date.parse(now))
      throw invalidInput([{ path: 'interviewAt', message: TEXTS.interviewInFuture[req.locale] }]);
    const answers = intakeAnswers(body.answers, req.locale);
    const interviewAt = new Date(body.interviewAt).toISOString();
    const saved = await saveInternship(deps, req, i, { interviewAt });
    const key = `${i.key}:intake`;
    const record = {
      answers,
      respondentOid: ctxOf(req).actor.userId,
      submittedAt: now,
    };
    const existing = await deps.repos.evaluations.getByKey(key);
    if (existing) await deps.repos.evaluations.update(existing, record);
    else
      await deps.repos.evaluations.create({
        key,
        internshipKey: i.key,
        questionnaire: 'intake',
        ...record,
      });
    res.setHeader('etag', saved.etag);
    res.json(await presentWithGate(deps, req, saved));
  });

  /**
   * The decision after the interview (toolbox B3), optionally naming mentor and back-up in the same step. On
   * acceptance: the folders with their invitations, the checklists and the moments; in both cases the mail to
   * the candidate.
   */
  r.post('/internships/:id/decision', async (req, res) => {
    const i = await loadInternship(deps, req, 'internship.decide');
    const body = bodyOf(req, decisionWithStaffInput);
    await requireVersion(deps, req, i);
    const people = await resolvePeople(deps, req.locale, {
      mentorId: body.mentorId,
      backupId: body.backupId,
    });
    const staffed: Stored<Internship> = {
      ...i,
      ...(people.mentorId ? { mentor: people.mentorId } : {}),
      ...(people.backupId ? { backup: people.backupId } : {}),
    };
    const at = nowIso(deps);
    const facts = await gateFacts(deps.repos, deps.folders, staffed);
    const decided = recordDecision(staffed, body.decision, facts, 'coordinator', at);
    if (!decided.ok) throw gateClosed(decided.reasons, req.locale);
    const patch: Partial<Internship> = { decision: body.decision, decisionAt: at };
    if (people.mentorId) patch.mentor = people.mentorId;
    if (people.backupId) patch.backup = people.backupId;
    const saved = await saveInternship(deps, req, i, patch);

    const settings = await deps.organisation.current();
    const result: Omit<DecisionResultView, 'internship'> = { checklistItems: 0, moments: 0, mailSent: false };
    if (body.decision === 'accepted') {
      const { shared } = await deps.folders.ensureFolders(saved);
      await deps.folders.syncInvitations(saved, shared);
      result.folder = { name: shared.name, ...(shared.webUrl ? { webUrl: shared.webUrl } : {}) };
      result.checklistItems = await instantiateChecklists(deps, calendar, saved, settings, at.slice(0, 10));
      result.moments = (
        await recomputeInternship({ repos: deps.repos, calendar, clock: deps.clock }, saved.key)
      ).added;
    }
    result.mailSent = await mailDecision(deps, saved, body.decision, settings);
    res.setHeader('etag', saved.etag);
    res.json({ internship: await presentWithGate(deps, req, saved), ...result } satisfies DecisionResultView);
  });

  /** Move to the next phase through its gate. */
  r.post('/internships/:id/advance', async (req, res) => {
    const i = await loadInternship(deps, req, 'internship.advance');
    const body = bodyOf(req, advanceInput);
    await requireVersion(deps, req, i);
    const target = body.target ?? FORWARD[i.phase];
    if (!target) throw gateClosed([{ code: 'terminal' }], req.locale);
    // Stopping and closing have their own steps: they need who/why and the waiver.
    if (target === 'stopped') throw gateClosed([{ code: 'stopReasonMissing' }], req.locale);
    const facts = await gateFacts(deps.repos, deps.folders, i);
    const moved = advance(i, target, facts, 'coordinator', deps.clock.now());
    if (!moved.ok) throw gateClosed(moved.reasons, req.locale, await itemLabeller(deps, req));
    const saved = await saveInternship(deps, req, i, { phase: moved.value.phase });
    res.setHeader('etag', saved.etag);
    res.json(await presentWithGate(deps, req, saved));
  });

  /** Stop early (toolbox A4): who stopped it and why are required; open moments are cancelled. */
  r.post('/internships/:id/stop', async (req, res) => {
    const i = await loadInternship(deps, req, 'internship.stop');
    const body = bodyOf(req, stopInput);
    await requireVersion(deps, req, i);
    const { actor } = ctxOf(req);
    const role: Role = actor.isCoordinator ? 'coordinator' : 'mentor';
    const stopped = stopEarly(i, body.stoppedBy, body.reason, role, nowIso(deps));
    if (!stopped.ok) throw gateClosed(stopped.reasons, req.locale);
    const { phase, stoppedBy, stopReason, stoppedAt } = stopped.value;
    const saved = await saveInternship(deps, req, i, {
      phase,
      stoppedBy,
      stopReason,
      stoppedAt,
      purgeAfter: await purgeDateOf(deps, i),
    });
    await followUp(deps, calendar, i, saved);
    res.setHeader('etag', saved.etag);
    res.json(await presentWithGate(deps, req, saved));
  });

  /** Close; without every final answer only with the coordinator's explicit, reasoned waiver (kept). */
  r.post('/internships/:id/close', async (req, res) => {
    const i = await loadInternship(deps, req, 'internship.close');
    const body = bodyOf(req, closeInput);
    await requireVersion(deps, req, i);
    const { actor } = ctxOf(req);
    let candidate: Stored<Internship> = i;
    if (body.waiverReason) {
      const waived = waiveClosingRequirements(
        i,
        'coordinator',
        actor.userId,
        body.waiverReason,
        nowIso(deps),
      );
      if (!waived.ok) throw gateClosed(waived.reasons, req.locale);
      candidate = { ...i, ...waived.value };
    }
    const facts = await gateFacts(deps.repos, deps.folders, candidate);
    const closed = advance(candidate, 'closed', facts, 'coordinator', deps.clock.now());
    if (!closed.ok) throw gateClosed(closed.reasons, req.locale);
    const patch: Partial<Internship> = { phase: 'closed', purgeAfter: await purgeDateOf(deps, i) };
    if (candidate.closingWaiver) patch.closingWaiver = candidate.closingWaiver;
    const saved = await saveInternship(deps, req, i, patch);
    res.setHeader('etag', saved.etag);
    res.json(await presentWithGate(deps, req, saved));
  });

  r.use(planRoutes(deps));
  r.use(checklistRoutes(deps));
  r.use(momentRoutes(deps));
  return r;
}

/** From this day on the retention job purges the internship's personal data (Settings' retention period). */
async function purgeDateOf(deps: ServerDeps, i: Internship): Promise<string> {
  const settings = await deps.organisation.current();
  return purgeAfterDate(i.endDate, localDateOf(nowIso(deps)), settings.retentionMonths);
}

/** Labels of gate reason items (checklist items, document types) for the 422 message. */
async function itemLabeller(deps: ServerDeps, req: Request): Promise<(key: string) => string> {
  const pc = await presentContext(deps, req);
  return (key) =>
    isDocumentKey(key)
      ? documentType(key).name[pc.locale]
      : checklistItemText(key, pc.settings, pc.locale).text;
}

/** The intake answers checked against the question set: required questions answered, values of the right kind. */
function intakeAnswers(input: Record<string, AnswerValue>, locale: Locale): Record<string, AnswerValue> {
  const errors: FieldError[] = [];
  const out: Record<string, AnswerValue> = {};
  const questions = QUESTIONNAIRES.intake.questions;
  const known = new Set(questions.map((q) => q.key));
  for (const key of Object.keys(input))
    if (!known.has(key))
      errors.push({
        path: `answers.${key}`,
        message: VALIDATION_TEXTS.unknownField![locale].replace('{n}', key),
      });
  for (const q of questions) {
    const raw = input[q.key];
    const blank = raw === undefined || (typeof raw === 'string' && raw.trim() === '');
    if (blank) {
      if (q.required) errors.push({ path: `answers.${q.key}`, message: VALIDATION_TEXTS.required![locale] });
      continue;
    }
    const parsed = fieldSchema(q, locale).safeParse(raw, { error: errorMapFor(locale) });
    if (parsed.success) out[q.key] = parsed.data as AnswerValue;
    else errors.push({ path: `answers.${q.key}`, message: parsed.error.issues[0]?.message ?? '' });
  }
  if (errors.length > 0) throw invalidInput(errors);
  return out;
}

/**
 * What a change sets in motion beyond the record: the folder's invitations follow mentor and back-up, and the
 * moments follow the dates (and are cancelled when the internship stops). Best effort: the change itself is
 * saved; a failure here is logged and the scheduler's own recompute catches up.
 */
async function followUp(
  deps: ServerDeps,
  calendar: WorkCalendar,
  before: Internship,
  after: Stored<Internship>,
): Promise<void> {
  if (before.overviewConsent && !after.overviewConsent) {
    // Consent withdrawn: the published final works leave the all-staff library in the same request. Should that
    // fail, the overview still hides them (it lists consented interns only) and a coordinator can unpublish.
    try {
      await deps.repos.finalWorks.unpublishAll(after.key);
    } catch (e) {
      deps.logger.error('final works not unpublished after consent was withdrawn', {
        internship: after.key,
        error: (e as Error).message,
      });
    }
  }
  try {
    const staffChanged = before.mentor?.id !== after.mentor?.id || before.backup?.id !== after.backup?.id;
    if (staffChanged && after.decision === 'accepted') await deps.folders.syncInvitations(after);
    const datesChanged = before.startDate !== after.startDate || before.endDate !== after.endDate;
    if (datesChanged || before.phase !== after.phase)
      await recomputeInternship({ repos: deps.repos, calendar, clock: deps.clock }, after.key);
  } catch (e) {
    deps.logger.warn('workflow follow-up failed', { internship: after.key, error: (e as Error).message });
  }
}

/**
 * The decision mail to the candidate, in their language (else the organisation's). Sent from the first
 * coordinator's mailbox: Stagemap has no central-mailbox setting (yet), and the coordinators are the ones the
 * candidate spoke to. A failure does not undo the decision: it is logged and reported (`mailSent: false`).
 */
async function mailDecision(
  deps: ServerDeps,
  i: Internship,
  decision: Decision,
  settings: OrganisationSettings,
): Promise<boolean> {
  const to = i.intern.email;
  const sender = settings.coordinatorOids[0];
  if (!to || !sender) return false;
  const locale: Locale = i.intern.locale ?? settings.defaultLanguage;
  const org = deps.organisation.organisationName(settings, locale);
  const values = {
    name: i.intern.displayName,
    topic: i.topic,
    start: i.startDate,
    end: i.endDate,
    mentor: i.mentor?.displayName ?? '',
    org,
  };
  try {
    await new Mailer(deps.repos.ctx.graph, sender).send({
      to,
      subject: TEXTS.decisionSubject[locale].replace('{org}', org),
      html: fillHtml(TEXTS[decision][locale], values),
    });
    return true;
  } catch (e) {
    deps.logger.warn('decision mail failed', { internship: i.key, error: (e as Error).message });
    return false;
  }
}
