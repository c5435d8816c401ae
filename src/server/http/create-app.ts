import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../domain/access';
import type { Locale } from '../../domain/i18n';
import { ConflictError, GraphNetworkError, ThrottledError } from '../../graph/errors';
import { UnauthorizedError, type CallerIdentity } from '../auth/token-validator';
import { ApiError, conflict, ERROR_TEXTS, unauthenticated } from './api-error';
import { negotiateLocale } from './locale';
import type { Logger } from './logger';

/** What every API handler knows about its caller. */
export interface RequestContext {
  requestId: string;
  locale: Locale;
  caller: CallerIdentity;
  actor: Actor;
}

declare module 'express-serve-static-core' {
  interface Request {
    requestId: string;
    locale: Locale;
    ctx?: RequestContext;
  }
}

export interface AppDeps {
  logger: Logger;
  validateToken(authorization: string | undefined): Promise<CallerIdentity>;
  /** Roles of the organisation (coordinators, service heads) for a caller, from Settings. */
  resolveActor(caller: CallerIdentity): Promise<Actor>;
  /** Routes under /api, already authenticated. */
  api: Router;
  /** Routes outside /api (bot endpoint, health, static tab), mounted first. */
  publicRoutes?: Router[];
}

/** The authenticated context of a request; routes call it, so a route that forgets auth cannot compile. */
export const ctxOf = (req: Request): RequestContext => {
  if (!req.ctx) throw unauthenticated();
  return req.ctx;
};

/**
 * The HTTP pipeline: request id and locale → public routes → authentication for /api → API routes → one error
 * handler that turns every failure into a localised JSON error (never a stack trace).
 */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 1);

  app.use((req, res, next) => {
    req.requestId = (req.header('x-request-id') ?? '').slice(0, 64) || randomUUID();
    req.locale = negotiateLocale(
      req.header('x-stagemap-locale') ?? undefined,
      req.header('accept-language') ?? undefined,
    );
    res.setHeader('x-request-id', req.requestId);
    res.setHeader('x-content-type-options', 'nosniff');
    const started = performance.now();
    res.on('finish', () =>
      deps.logger.info('http', {
        requestId: req.requestId,
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
        user: req.ctx?.caller.oid,
      }),
    );
    next();
  });

  for (const r of deps.publicRoutes ?? []) app.use(r);

  app.use('/api', express.json({ limit: '1mb' }), async (req, _res, next) => {
    try {
      const caller = await deps.validateToken(req.header('authorization') ?? undefined);
      req.ctx = {
        requestId: req.requestId,
        locale: req.locale,
        caller,
        actor: await deps.resolveActor(caller),
      };
      next();
    } catch (e) {
      next(e instanceof UnauthorizedError ? unauthenticated() : e);
    }
  });
  app.use('/api', deps.api);
  app.use('/api', (_req, _res, next) => next(new ApiError(404, 'notFound', ERROR_TEXTS.notFound)));

  // Express recognises an error handler by its four parameters.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const apiError = toApiError(err);
    if (apiError.status >= 500)
      deps.logger.error('request failed', { requestId: req.requestId, error: describe(err) });
    else if (apiError.status === 401) res.setHeader('www-authenticate', 'Bearer');
    if (apiError.status === 503) res.setHeader('retry-after', '5');
    res.status(apiError.status).json(apiError.body(req.locale ?? 'en'));
  });
  return app;
}

function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof ConflictError) return conflict(undefined);
  if (err instanceof ThrottledError || err instanceof GraphNetworkError)
    return new ApiError(503, 'unavailable', ERROR_TEXTS.unavailable);
  const status = (err as { status?: number; type?: string }).status;
  if ((err as { type?: string }).type === 'entity.too.large')
    return new ApiError(413, 'tooLarge', ERROR_TEXTS.tooLarge);
  if (status === 400 && (err as { type?: string }).type === 'entity.parse.failed')
    return new ApiError(400, 'invalidJson', ERROR_TEXTS.invalidInput);
  return new ApiError(500, 'internal', ERROR_TEXTS.internal);
}

const describe = (err: unknown) =>
  err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : { value: String(err) };
