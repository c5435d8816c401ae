import { ApplicationsRepository } from './applications';
import { AssignmentsRepository } from './assignments';
import { ChecklistItemsRepository } from './checklist-items';
import { EvaluationsRepository } from './evaluations';
import { FinalWorksRepository } from './final-works';
import { InternshipsRepository } from './internships';
import { JournalRepository } from './journal';
import type { RepositoryContext } from './list-repository';
import { MomentsRepository } from './moments';
import { PartnersRepository } from './partners';
import { SettingsRepository } from './settings';

/** One instance of every list repository over the same context (one People cache, one retry policy). */
export function createRepositories(ctx: RepositoryContext) {
  return {
    ctx,
    internships: new InternshipsRepository(ctx),
    moments: new MomentsRepository(ctx),
    checklistItems: new ChecklistItemsRepository(ctx),
    evaluations: new EvaluationsRepository(ctx),
    journal: new JournalRepository(ctx),
    assignments: new AssignmentsRepository(ctx),
    applications: new ApplicationsRepository(ctx),
    partners: new PartnersRepository(ctx),
    settings: new SettingsRepository(ctx),
    finalWorks: new FinalWorksRepository(ctx),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
