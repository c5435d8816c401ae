import type { Clock } from '../domain/clock';
import type { InternshipFolders } from '../graph/folders/internship-folders';
import type { Repositories } from '../graph/repositories/repositories';
import type { Logger } from './http/logger';
import type { Organisation } from './services/organisation';

/** What routes get from the composition root. */
export interface ServerDeps {
  repos: Repositories;
  folders: InternshipFolders;
  organisation: Organisation;
  clock: Clock;
  logger: Logger;
  /** Scheduler hooks (set once the bot is hosted): recompute moments after dates, mentor or back-up change. */
  jobs?: { internshipChanged(internshipKey: string): Promise<void> };
}
