import { Router } from 'express';
import type { ServerDeps } from '../deps';
import { ctxOf } from '../http/create-app';
import type { MeView } from '../../domain/views';

export function meRoutes(deps: ServerDeps): Router {
  const r = Router();
  /** Who the caller is for Stagemap: the tab picks the home screen from this. */
  r.get('/me', async (req, res) => {
    const { caller, actor, locale } = ctxOf(req);
    const settings = await deps.organisation.current();
    const [guided, own] = await Promise.all([
      deps.repos.internships.byMentorOrBackup(caller.oid),
      deps.repos.internships.byIntern(caller.oid),
    ]);
    const me: MeView = {
      oid: caller.oid,
      name: caller.name,
      upn: caller.upn,
      isCoordinator: actor.isCoordinator,
      headOfServices: [...actor.headOfServices],
      mentorOf: guided.filter((i) => i.mentor?.id === caller.oid).length,
      backupOf: guided.filter((i) => i.backup?.id === caller.oid).length,
      internOf: own.length,
      organisation: {
        name: deps.organisation.organisationName(settings, locale),
        defaultLanguage: settings.defaultLanguage,
      },
      services: settings.services.map((s) => ({
        key: s.key,
        name: deps.organisation.serviceName(settings, s.key, locale),
      })),
    };
    res.json(me);
  });
  return r;
}
