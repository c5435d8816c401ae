import { Router } from 'express';
import type { ServerDeps } from '../deps';
import { ctxOf } from '../http/create-app';
import { presentOverviewEntry } from '../presenters/internship-presenter';

export function overviewRoutes(deps: ServerDeps): Router {
  const r = Router();
  /**
   * The intranet overview (toolbox B8: "who interns where, in which service, on which topic"): every staff member
   * may read it, and it holds only interns who consented, with only these fields.
   */
  r.get('/overview', async (req, res) => {
    const { locale } = ctxOf(req);
    const settings = await deps.organisation.current();
    // Current and coming internships whose intern consented; refused, stopped and old ones are not news.
    const items = (await deps.repos.internships.consented()).filter(
      (i) =>
        i.overviewConsent &&
        (i.phase === 'execution' ||
          i.phase === 'evaluation' ||
          (i.phase === 'decision' && i.decision === 'accepted')),
    );
    res.json({
      items: items.map((i) =>
        presentOverviewEntry(i, (k) => deps.organisation.serviceName(settings, k, locale)),
      ),
    });
  });
  return r;
}
