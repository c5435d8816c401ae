/**
 * What each moment's card asks, as a flat list of fields, derived from the domain's questionnaires and
 * checklists. The card builders render these fields and the answer parser validates against the very same list,
 * so a card can never send a field the parser does not know (or the other way round).
 */
import type { ChecklistItemTemplate, ChecklistKind } from '../../domain/checklists';
import { templatesFor } from '../../domain/checklists';
import type { Role } from '../../domain/internship';
import type { Question, QuestionnaireKey } from '../../domain/questionnaires';
import { questionnaire } from '../../domain/questionnaires';
import type { MomentKind } from '../../domain/schedule';

/** A milestone of the internship plan (seed 003); its key must be usable in an input id. */
export interface Milestone {
  key: string;
  title: string;
}

/** Where a card's questions come from. */
export type FormSource =
  | { from: 'questionnaire'; key: QuestionnaireKey; only?: readonly string[] }
  | { from: 'checklist'; kind: ChecklistKind; only?: readonly string[] };

/**
 * Which questions each moment asks, per recipient role (BRIEF "Moments and cards").
 * - week1CheckIn has no questionnaire of its own: "how it goes, traffic light, note" are the follow-up's status,
 *   concerns and remarks, so the answers aggregate with the follow-ups.
 * - prepareArrival for the coordinator is their logistics checklist (B4); firstDay is each role's onboarding
 *   checklist (B5 / C4); results are the closing items about sharing the results (B8, C6).
 */
export function formSource(kind: MomentKind, role: Role): FormSource {
  switch (kind) {
    case 'firstTimeMentor':
      return { from: 'questionnaire', key: 'goldenRules' };
    case 'prepareArrival':
      return role === 'coordinator'
        ? { from: 'checklist', kind: 'logistics' }
        : { from: 'checklist', kind: 'mentorPreparation' };
    case 'firstDay':
      return role === 'coordinator'
        ? { from: 'checklist', kind: 'coordinatorOnboarding' }
        : { from: 'checklist', kind: 'mentorOnboarding' };
    case 'week1CheckIn':
      return {
        from: 'questionnaire',
        key: 'followUp',
        only: ['followUp.status', 'followUp.concerns', 'followUp.talkToCoordinator', 'followUp.note'],
      };
    case 'wellbeingPulse':
      return { from: 'questionnaire', key: 'wellbeingPulse' };
    case 'followUp':
      return { from: 'questionnaire', key: 'followUp' };
    case 'midTermEvaluation':
      return { from: 'questionnaire', key: 'midTermEvaluation' };
    case 'finalEvaluation':
      return { from: 'questionnaire', key: 'finalEvaluation' };
    case 'satisfactionMentor':
      return { from: 'questionnaire', key: 'satisfactionMentor' };
    case 'satisfactionIntern':
      return { from: 'questionnaire', key: 'satisfactionIntern' };
    case 'results':
      return {
        from: 'checklist',
        kind: 'closing',
        only: ['closing.finalWorkPublished', 'closing.presentation', 'closing.recommendation'],
      };
  }
}

/** One input of a card. */
export interface Field {
  /** Input id and answer key: the question key, suffixed `__<milestoneKey>` for per-milestone questions. */
  id: string;
  question: Question;
  /** Checklist items are rendered as "done" toggles; their answer is "was this done". */
  checklistItem: boolean;
  milestone?: { key: string; title: string; index: number };
}

export const MILESTONE_SEPARATOR = '__';
/** Milestone keys end up in input ids and answer keys (domain pattern `[A-Za-z0-9_.-]{1,80}`). */
const MILESTONE_KEY = /^[A-Za-z0-9-]{1,40}$/;

/** A checklist item asked as a question: optional (the toolbox's checklists never block a card). */
const itemAsQuestion = (item: ChecklistItemTemplate): Question => ({
  key: item.key,
  kind: 'yesNo',
  required: false,
  source: item.source,
  text: item.text,
  ...(item.hint ? { help: item.hint } : {}),
});

export interface FormInput {
  kind: MomentKind;
  role: Role;
  milestones?: readonly Milestone[];
  /**
   * The organisation's checklist items when a coordinator edited or hid some (Settings); the toolbox defaults
   * otherwise. Only items of the moment's checklist kind are used.
   */
  checklistItems?: readonly ChecklistItemTemplate[];
}

export interface Form {
  source: FormSource;
  fields: Field[];
  /** Per-milestone questions exist in the questionnaire but the plan has no milestone yet. */
  missingMilestones: boolean;
}

/** The fields of a moment's card, in display order. Throws on a milestone key unfit for an input id. */
export function formFor(input: FormInput): Form {
  const source = formSource(input.kind, input.role);
  const keep = <T extends { key: string }>(items: readonly T[]) =>
    source.only ? items.filter((item) => source.only?.includes(item.key)) : items;

  if (source.from === 'checklist') {
    const items = (input.checklistItems ?? templatesFor(source.kind)).filter((i) => i.kind === source.kind);
    return {
      source,
      fields: keep(items).map((item) => ({
        id: item.key,
        question: itemAsQuestion(item),
        checklistItem: true,
      })),
      missingMilestones: false,
    };
  }

  const milestones = input.milestones ?? [];
  const seen = new Set<string>();
  for (const m of milestones) {
    if (!MILESTONE_KEY.test(m.key))
      throw new RangeError(`formFor: milestone key unfit for an input id: ${m.key}`);
    if (seen.has(m.key)) throw new RangeError(`formFor: duplicate milestone key ${m.key}`);
    seen.add(m.key);
  }
  const questions = keep(questionnaire(source.key).questions);
  const fields: Field[] = [];
  // Per-milestone questions are grouped milestone by milestone (score then comment), before the other questions,
  // which is how a mentor walks through the plan.
  const perMilestone = questions.filter((q) => q.perMilestone);
  milestones.forEach((m, index) => {
    for (const question of perMilestone) {
      fields.push({
        id: `${question.key}${MILESTONE_SEPARATOR}${m.key}`,
        question,
        checklistItem: false,
        milestone: { key: m.key, title: m.title, index: index + 1 },
      });
    }
  });
  for (const question of questions) {
    if (!question.perMilestone) fields.push({ id: question.key, question, checklistItem: false });
  }
  return { source, fields, missingMilestones: perMilestone.length > 0 && milestones.length === 0 };
}
