import { Router, type Request } from 'express';
import { canInOrganisation, type OrgAction } from '../../domain/access';
import { checklistTemplate } from '../../domain/checklists';
import { POLICY_RULE_MESSAGES, policyInput, settingsInput, settingsRuleErrors } from '../../domain/policy';
import type { RegulationView } from '../../domain/views-policy';
import { TeamChannelsRepository } from '../../graph/repositories/conversations';
import { PolicyRepository } from '../../graph/repositories/policy';
import { RepositoryConflictError } from '../../graph/repositories/repository-errors';
import type { ServerDeps } from '../deps';
import { conflict, forbidden, invalidInput } from '../http/api-error';
import { ctxOf } from '../http/create-app';
import { bodyOf, ifMatchOf } from '../http/validate';
import { policyIfMatch, presentPolicy, presentSettings } from '../presenters/policy-presenter';

/**
 * The policy (toolbox A2 plan of approach, A3 communication plan, A4 regulation) and the organisation's settings
 * (schedule rules, checklist templates, retention, announcements). Coordinators manage both; every staff member
 * may read the regulation (A4: every intern and colleague gets the same information), nothing else of it.
 */
export function policyRoutes(deps: ServerDeps): Router {
  const r = Router();
  const policies = new PolicyRepository(deps.repos.ctx);
  // The teams the bot was added to (Conversations list): the channel choice of the weekly announcement.
  const teams = new TeamChannelsRepository(deps.repos.ctx);
  const require = (req: Request, action: OrgAction) => {
    if (!canInOrganisation(ctxOf(req).actor, action)) throw forbidden();
  };

  r.get('/policy/regulation', async (req, res) => {
    require(req, 'policy.read');
    const { locale } = ctxOf(req);
    const [{ policy }, settings] = await Promise.all([policies.read(), deps.organisation.current()]);
    const view: RegulationView = {
      organisation: deps.organisation.organisationName(settings, locale),
      regulation: policy.regulation,
    };
    res.json(view);
  });

  r.get('/policy', async (req, res) => {
    require(req, 'policy.manage');
    const v = presentPolicy((await policies.read()).policy);
    res.setHeader('etag', v.etag).json(v);
  });

  r.put('/policy', async (req, res) => {
    require(req, 'policy.manage');
    const input = bodyOf(req, policyInput);
    const ifMatch = policyIfMatch(ifMatchOf(req));
    const { policy: current } = await policies.read();
    const { etag: _etag, ...doc } = current;
    try {
      const saved = await policies.write({ ...doc, ...input }, ifMatch);
      const v = presentPolicy(saved);
      res.setHeader('etag', v.etag).json(v);
    } catch (e) {
      if (e instanceof RepositoryConflictError) throw conflict(presentPolicy((await policies.read()).policy));
      throw e;
    }
  });

  r.get('/settings', async (req, res) => {
    require(req, 'settings.manage');
    // Fresh, not the cache: the form's ETag must be the one in SharePoint now.
    const [{ settings }, known] = await Promise.all([deps.repos.settings.read(), teams.teams()]);
    const v = presentSettings(settings, known);
    res.setHeader('etag', v.etag).json(v);
  });

  r.put('/settings', async (req, res) => {
    require(req, 'settings.manage');
    const { locale } = ctxOf(req);
    const input = bodyOf(req, settingsInput);
    const ifMatch = ifMatchOf(req);
    const rules = settingsRuleErrors(input, (k) => checklistTemplate(k) !== undefined, locale);
    const known = await teams.teams();
    if (
      typeof input.announcementTeamId === 'string' &&
      !known.some((t) => t.teamId === input.announcementTeamId)
    )
      rules.push({ path: 'announcementTeamId', message: POLICY_RULE_MESSAGES.unknownTeam[locale] });
    if (rules.length > 0) throw invalidInput(rules);
    const { settings: current } = await deps.repos.settings.read();
    const { etag: _etag, itemId: _itemId, ...rest } = current;
    try {
      const saved = await deps.repos.settings.write({ ...rest, ...input }, { ...current, etag: ifMatch });
      deps.organisation.invalidate();
      const v = presentSettings(saved, known);
      res.setHeader('etag', v.etag).json(v);
    } catch (e) {
      if (e instanceof RepositoryConflictError && e.current)
        throw conflict(presentSettings((await deps.repos.settings.read()).settings, known));
      throw e;
    }
  });

  return r;
}
