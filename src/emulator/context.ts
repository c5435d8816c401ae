import type { EmulatorConfig } from './config';
import type { Router } from './http/router';
import type { EmuRequest, EmuResponse, GraphMiddleware } from './http/types';
import type { Db } from './store/db';

/**
 * Everything an emulator module needs. Modules (identity, directory, sites & lists, drives, mail, batch, admin)
 * each register their routes on `graph` (under /v1.0) or `root` (identity and admin, outside the Graph namespace)
 * and may publish a port here for other modules, so that no module reaches into another's tables.
 */
export interface EmulatorContext {
  db: Db;
  config: EmulatorConfig;
  /** Absolute base URL of the emulator, e.g. "http://127.0.0.1:5100" (set once listening). */
  baseUrl(): string;
  /** The emulator's clock; tests may shift it through the admin API (token expiry, delta token expiry). */
  now(): Date;
  graph: Router;
  root: Router;
  /** Run in order around every Graph request (direct or inside $batch). */
  graphMiddlewares: GraphMiddleware[];
  /** Dispatches one authenticated Graph request through the middlewares to its handler; used by $batch. */
  dispatchGraph(req: EmuRequest): Promise<EmuResponse>;
  ports: EmulatorPorts;
}

/** Cross-module services; filled in by the module that owns them during start-up. */
export interface EmulatorPorts {
  [name: string]: unknown;
}

/** A module of the emulator: creates its tables (idempotently) and registers its routes. */
export type EmulatorModule = (ctx: EmulatorContext) => void;
