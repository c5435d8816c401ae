import { Router } from 'express';
import { canInOrganisation } from '../../domain/access';
import type { OverviewView } from '../../domain/views';
import type { ServerDeps } from '../deps';
import { ctxOf } from '../http/create-app';
import { presentPublishedFinalWorks } from '../presenters/final-work-presenter';
import { presentOverviewEntry } from '../presenters/internship-presenter';

export function overviewRoutes(deps: ServerDeps): Router {
  const r = Router();
  /**
   * The intranet overview (toolbox B8: "who interns where, in which service, on which topic"): every staff member
   * may read it, and it holds only interns who consented, with only these fields; plus the published final works
   * of interns who consented.
   */
  r.get('/overview', async (req, res) => {
    const { actor, locale } = ctxOf(req);
    const [settings, consented, published] = await Promise.all([
      deps.organisation.current(),
      deps.repos.internships.consented(),
      canInOrganisation(actor, 'finalWorks.read') ? deps.repos.finalWorks.published() : [],
    ]);
    const serviceName = (k: string) => deps.organisation.serviceName(settings, k, locale);
    // Current and coming internships whose intern consented; refused, stopped and old ones are not news.
    const items = consented.filter(
      (i) =>
        i.overviewConsent &&
        (i.phase === 'execution' ||
          i.phase === 'evaluation' ||
          (i.phase === 'decision' && i.decision === 'accepted')),
    );
    const body: OverviewView = {
      items: items.map((i) => presentOverviewEntry(i, serviceName)),
      finalWorks: presentPublishedFinalWorks(
        published,
        new Map(consented.map((i) => [i.key, i])),
        serviceName,
      ),
    };
    res.json(body);
  });
  return r;
}
