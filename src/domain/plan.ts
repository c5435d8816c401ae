import type { IsoDate } from './internship';

/**
 * The internship plan (seed 003 "stageplan"; toolbox C3): assignments written as projects, milestones with SMART
 * assessment criteria, who guides daily, who assesses and who is finally responsible, and the training record
 * where progress is kept.
 */
export interface ProjectBrief {
  key: string;
  title: string;
  /** C3: "beschrijf de opdracht". */
  description: string;
  /** C3: "plaats de opdracht in de context". */
  context?: string;
  /** C3: "geef contactpersonen". */
  contacts?: string;
  /** C3: "bepaal kwaliteitscriteria". */
  qualityCriteria?: string;
  /** C3: "stel deadlines". */
  deadline?: IsoDate;
}

export interface Milestone {
  key: string;
  title: string;
  dueDate?: IsoDate;
  /** Seed 003: assessment criteria SMART (specifiek, meetbaar, acceptabel, realistisch, tijdgebonden). */
  smartCriteria: string;
  projectKey?: string;
  status: 'open' | 'inProgress' | 'done';
}

/** Seed 003 "trainingsrecord": progress kept at the agreed evaluation moments. */
export interface TrainingRecordEntry {
  key: string;
  date: IsoDate;
  milestoneKey?: string;
  note: string;
  authorOid: string;
}

export interface InternshipPlan {
  projects: ProjectBrief[];
  milestones: Milestone[];
  trainingRecord: TrainingRecordEntry[];
  /** Seed 003: who guides daily, who assesses, who is finally responsible — not always the same person. */
  dailyGuideOid?: string;
  assessorOid?: string;
  finallyResponsibleOid?: string;
}

export const emptyPlan = (): InternshipPlan => ({ projects: [], milestones: [], trainingRecord: [] });

/** Milestones the evaluation cards ask a SMART score for: every milestone that is not abandoned. */
export const milestonesToScore = (plan: InternshipPlan | undefined): Milestone[] => plan?.milestones ?? [];
