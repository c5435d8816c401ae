import type { Graph } from './client';
import { AlreadyExistsError, ForbiddenError } from './errors';
import { buildQuery, eq, segment } from './odata';

/**
 * Installing Stagemap's Teams app for a user through Graph (BRIEF "Moments and cards": a card that cannot be
 * delivered because the app is not installed is delivered after installing it). Needs the application permission
 * TeamsAppInstallation.ReadWriteForUser.All and the app's catalog id (configured: looking it up would need
 * AppCatalog.Read.All, which Stagemap does not ask for).
 */

export type InstallOutcome =
  | { ok: true; installationId: string; chatId: string; alreadyInstalled: boolean }
  | { ok: false; reason: 'forbidden' | 'notFound'; message: string };

interface Installation {
  id: string;
}

export class TeamsInstallations {
  constructor(
    private readonly graph: Graph,
    /** The catalog id of the Stagemap app (`/appCatalogs/teamsApps/{id}`), not the manifest id. */
    private readonly catalogAppId: string,
  ) {}

  private installedApps(oid: string): string {
    return `/users/${segment(oid)}/teamwork/installedApps`;
  }

  /** The user's installation of our app, if any. */
  async find(oid: string): Promise<Installation | undefined> {
    const found = await this.graph.get<{ value?: Installation[] }>(
      `${this.installedApps(oid)}${buildQuery({
        filter: eq('teamsApp/id', this.catalogAppId),
        expand: 'teamsApp',
      })}`,
    );
    return found.value?.[0];
  }

  /** The 1:1 chat of the user with the bot (its id is accepted by the Bot Connector as a conversation id). */
  async chatId(oid: string, installationId: string): Promise<string> {
    const chat = await this.graph.get<{ id: string }>(
      `${this.installedApps(oid)}/${segment(installationId)}/chat`,
    );
    return chat.id;
  }

  /**
   * Installs the app for the user (409 "already installed" counts as success) and returns the chat id. A policy
   * that blocks the app, or a missing permission, is a 403: the caller falls back to mail.
   */
  async install(oid: string): Promise<InstallOutcome> {
    let alreadyInstalled = false;
    try {
      await this.graph.post(
        this.installedApps(oid),
        { 'teamsApp@odata.bind': `${this.graph.baseUrl}/appCatalogs/teamsApps/${this.catalogAppId}` },
        // A replayed install meets 409, which we read as success: the POST is safe to repeat.
        { retrySafe: true },
      );
    } catch (e) {
      if (e instanceof AlreadyExistsError) alreadyInstalled = true;
      else if (e instanceof ForbiddenError) return { ok: false, reason: 'forbidden', message: e.message };
      else throw e;
    }
    const installation = await this.find(oid);
    if (!installation)
      return { ok: false, reason: 'notFound', message: 'installation not found after install' };
    return {
      ok: true,
      installationId: installation.id,
      chatId: await this.chatId(oid, installation.id),
      alreadyInstalled,
    };
  }
}
