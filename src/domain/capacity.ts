import { z } from 'zod';
import type { LocalizedText, Locale } from './i18n';
import type { Assignment, AssignmentStatus } from './records';

/**
 * How many interns the organisation can guide: the plan of approach asks "how many interns can or will the
 * organisation guide each year?" and "should every team receive a set number of interns per year?" (toolbox A1,
 * "Aantal stagiairs per jaar"). The coordinator selects assignments from the needs analysis against it (B1).
 *
 * Where the figures come from: they belong to the policy (plan of approach). `OrganisationSettings` has no
 * capacity field yet, so the rule takes the capacity as an argument and `capacityPolicyOf` reads an optional
 * `capacity` section of the settings document, validated with `capacityPolicySchema`. As long as the settings
 * schema does not declare that section, no capacity is known: the figures (places selected per year and per
 * service) are still shown, and no warning is raised because there is nothing to exceed.
 */

export const capacityPolicySchema = z.strictObject({
  /** Interns per year for the whole organisation. */
  perYear: z.number().int().min(0).max(10_000).optional(),
  /** Interns per year per service key (a team that wants a set number, A1). */
  perService: z.record(z.string().min(1).max(100), z.number().int().min(0).max(1_000)).optional(),
});
export type CapacityPolicy = z.output<typeof capacityPolicySchema>;

/** The policy's capacity section, when the settings document has a valid one; `{}` (unknown) otherwise. */
export function capacityPolicyOf(settings: object): CapacityPolicy {
  const raw = (settings as { capacity?: unknown }).capacity;
  if (raw === undefined) return {};
  const parsed = capacityPolicySchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

/** Statuses in which an assignment's places are taken from the capacity: selected, published or filled. */
export const SELECTED_STATUSES: readonly AssignmentStatus[] = ['approved', 'published', 'filled'];

export const isSelected = (a: Pick<Assignment, 'status'>): boolean => SELECTED_STATUSES.includes(a.status);

type Counted = Pick<Assignment, 'key' | 'year' | 'service' | 'places' | 'status'>;

/** Places already selected in `year`, for the organisation and for `service`. */
export function placesSelected(
  assignments: readonly Counted[],
  year: number,
  service: string,
): { year: number; service: number } {
  const ofYear = assignments.filter((a) => a.year === year && isSelected(a));
  return {
    year: ofYear.reduce((n, a) => n + a.places, 0),
    service: ofYear.filter((a) => a.service === service).reduce((n, a) => n + a.places, 0),
  };
}

export interface CapacityCheck {
  year: number;
  service: string;
  /** Capacities of the policy; absent when the policy does not set one. */
  capacityYear?: number;
  capacityService?: number;
  /** Places selected before and after selecting the candidate. */
  usedYear: number;
  usedService: number;
  afterYear: number;
  afterService: number;
  exceedsYear: boolean;
  exceedsService: boolean;
  exceeds: boolean;
}

/**
 * What selecting `candidate` does to the capacity. Selecting over capacity is allowed (the coordinator decides),
 * but never silently: the caller shows the warning with these figures. An assignment that is already selected
 * counts once.
 */
export function checkSelection(
  assignments: readonly Counted[],
  candidate: Counted,
  policy: CapacityPolicy,
): CapacityCheck {
  const others = assignments.filter((a) => a.key !== candidate.key);
  const before = placesSelected(others, candidate.year, candidate.service);
  const afterYear = before.year + candidate.places;
  const afterService = before.service + candidate.places;
  const used = placesSelected(assignments, candidate.year, candidate.service);
  const capacityYear = policy.perYear;
  const capacityService = policy.perService?.[candidate.service];
  const exceedsYear = capacityYear !== undefined && afterYear > capacityYear;
  const exceedsService = capacityService !== undefined && afterService > capacityService;
  return {
    year: candidate.year,
    service: candidate.service,
    ...(capacityYear !== undefined ? { capacityYear } : {}),
    ...(capacityService !== undefined ? { capacityService } : {}),
    usedYear: used.year,
    usedService: used.service,
    afterYear,
    afterService,
    exceedsYear,
    exceedsService,
    exceeds: exceedsYear || exceedsService,
  };
}

const WARNING_YEAR: LocalizedText = {
  nl: 'Met deze selectie komt {year} op {after} stageplaatsen, terwijl het stagebeleid er {capacity} voorziet.',
  fr: 'Avec cette sélection, {year} compte {after} places de stage, alors que la politique de stage en prévoit {capacity}.',
  de: 'Mit dieser Auswahl kommt {year} auf {after} Praktikumsplätze, die Praktikumspolitik sieht {capacity} vor.',
  en: 'With this selection, {year} has {after} internship places, while the internship policy provides for {capacity}.',
};

const WARNING_SERVICE: LocalizedText = {
  nl: 'De dienst {service} komt op {after} stageplaatsen, terwijl het stagebeleid er {capacity} voorziet.',
  fr: 'Le service {service} atteint {after} places de stage, alors que la politique de stage en prévoit {capacity}.',
  de: 'Der Dienst {service} kommt auf {after} Praktikumsplätze, die Praktikumspolitik sieht {capacity} vor.',
  en: 'The service {service} reaches {after} internship places, while the internship policy provides for {capacity}.',
};

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

/** The warning lines (with the figures) of a check that exceeds the capacity; empty when it does not. */
export function capacityWarnings(check: CapacityCheck, serviceName: string, locale: Locale): string[] {
  const out: string[] = [];
  if (check.exceedsYear)
    out.push(
      fill(WARNING_YEAR[locale], { year: check.year, after: check.afterYear, capacity: check.capacityYear! }),
    );
  if (check.exceedsService)
    out.push(
      fill(WARNING_SERVICE[locale], {
        service: serviceName,
        after: check.afterService,
        capacity: check.capacityService!,
      }),
    );
  return out;
}

export const CAPACITY_TEXTS = { WARNING_YEAR, WARNING_SERVICE } as const;

// ---------- selection steps (B1 select → B2 publish) ----------

export const SELECTION_ACTIONS = ['approve', 'publish', 'withdraw'] as const;
export type SelectionAction = (typeof SELECTION_ACTIONS)[number];

/** From which statuses each step may be taken: a place is published only after it was selected. */
export const SELECTION_FROM: Readonly<Record<SelectionAction, readonly AssignmentStatus[]>> = {
  approve: ['proposed', 'withdrawn'],
  publish: ['approved'],
  withdraw: ['proposed', 'approved', 'published'],
};

export const SELECTION_TO: Readonly<Record<SelectionAction, AssignmentStatus>> = {
  approve: 'approved',
  publish: 'published',
  withdraw: 'withdrawn',
};

export const canTakeStep = (status: AssignmentStatus, action: SelectionAction): boolean =>
  SELECTION_FROM[action].includes(status);

export const STEP_NOT_ALLOWED: LocalizedText = {
  nl: 'Deze stap kan niet vanuit de huidige status van de stageopdracht.',
  fr: "Cette étape n'est pas possible depuis le statut actuel de la mission de stage.",
  de: 'Dieser Schritt ist vom aktuellen Status des Praktikumsauftrags aus nicht möglich.',
  en: 'This step is not possible from the current status of the assignment.',
};
