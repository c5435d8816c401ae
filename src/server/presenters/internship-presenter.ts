import { canOnInternship, INTERNSHIP_ACTIONS, relationsTo, type Actor } from '../../domain/access';
import { checklistTemplate } from '../../domain/checklists';
import { documentType, isDocumentKey } from '../../domain/documents';
import type { Locale } from '../../domain/i18n';
import type { Internship } from '../../domain/internship';
import { checkGate, FORWARD, gateReasonText, type GateFacts } from '../../domain/phases';
import type { OrganisationSettings } from '../../domain/records';
import {
  personView,
  type GateView,
  type InternshipSummaryView,
  type InternshipView,
  type OverviewEntryView,
} from '../../domain/views';
import type { Stored } from '../../graph/repositories/list-repository';

export interface PresentContext {
  actor: Actor;
  locale: Locale;
  settings: OrganisationSettings;
  serviceName(key: string): string;
}

/** Labels of the keys a gate reason lists (document types, checklist items), in the caller's language. */
function itemLabel(key: string, locale: Locale): string {
  if (isDocumentKey(key)) return documentType(key).name[locale];
  return checklistTemplate(key)?.text[locale] ?? key;
}

export function presentGate(i: Internship, facts: GateFacts, today: string, locale: Locale): GateView {
  const next = FORWARD[i.phase];
  if (!next) return { next: null, ok: false, reasons: [] };
  const r = checkGate(i, next, facts, today);
  return {
    next,
    ok: r.ok,
    reasons: r.reasons.map((x) => ({
      code: x.code,
      message: gateReasonText(x, locale),
      ...(x.items ? { items: x.items.map((k) => ({ key: k, label: itemLabel(k, locale) })) } : {}),
    })),
  };
}

export function presentSummary(i: Internship, c: PresentContext): InternshipSummaryView {
  const v: InternshipSummaryView = {
    id: i.id,
    key: i.key,
    phase: i.phase,
    intern: personView(i.intern)!,
    service: i.service,
    serviceName: c.serviceName(i.service),
    topic: i.topic,
    startDate: i.startDate,
    endDate: i.endDate,
    relations: relationsTo(c.actor, i),
  };
  const mentor = personView(i.mentor);
  const backup = personView(i.backup);
  if (mentor) v.mentor = mentor;
  if (backup) v.backup = backup;
  if (i.schoolName) v.schoolName = i.schoolName;
  return v;
}

/**
 * The internship as this caller may see it: every optional part is included only when the matrix allows it
 * (docs/permissions.md), so a field the caller must not see never leaves the server.
 */
export function presentInternship(i: Stored<Internship>, c: PresentContext, gate?: GateView): InternshipView {
  const can = (a: (typeof INTERNSHIP_ACTIONS)[number]) => canOnInternship(c.actor, a, i);
  const v: InternshipView = {
    ...presentSummary(i, c),
    etag: i.etag,
    overviewConsent: i.overviewConsent,
    allowed: INTERNSHIP_ACTIONS.filter(can),
  };
  if (can('contacts.read')) {
    if (i.programme) v.programme = i.programme;
    if (i.schoolSupervisor) v.schoolSupervisor = i.schoolSupervisor;
    const coordinator = personView(i.coordinator);
    const head = personView(i.serviceHead);
    if (coordinator) v.coordinator = coordinator;
    if (head) v.serviceHead = head;
  }
  if (can('history.read') || can('internship.update')) {
    if (i.interviewAt) v.interviewAt = i.interviewAt;
    if (i.decision) v.decision = i.decision;
    if (i.decisionAt) v.decisionAt = i.decisionAt;
  }
  if (i.stoppedBy) v.stoppedBy = i.stoppedBy;
  if (i.stoppedAt) v.stoppedAt = i.stoppedAt;
  if (i.stopReason && can('history.read')) v.stopReason = i.stopReason;
  if (i.closingWaiver && can('history.read')) v.closingWaiver = i.closingWaiver;
  if (i.plan && can('plan.read')) v.plan = i.plan;
  if (gate && can('internship.read')) v.gate = gate;
  return v;
}

export function presentOverviewEntry(i: Internship, serviceName: (key: string) => string): OverviewEntryView {
  return {
    id: i.id,
    internName: i.intern.displayName,
    serviceName: serviceName(i.service),
    topic: i.topic,
    startDate: i.startDate,
    endDate: i.endDate,
  };
}
