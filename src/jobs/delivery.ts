/**
 * Delivering one card to one person (BRIEF "Moments and cards"): proactively in Teams with the stored conversation
 * reference; without one (or when Teams says the app is not installed) after installing the app for the user
 * through Graph; and, when installing is forbidden or the user blocked the bot, by mail with a link. Every step is
 * returned as delivery-log lines for the caller to write on the moment; nothing here writes SharePoint except the
 * conversation reference.
 *
 * Retries: 429 from the connector is retried after its Retry-After (nothing happened); a 5xx or a lost response
 * may have delivered the card, so the chat is probed for the card's marker before sending again.
 */
import type { Clock } from '../domain/clock';
import type { DeliveryLogEntry } from '../domain/records';
import type { AdaptiveCard } from '../bot/cards/schema';
import { ConnectorError, type ProactiveConnector } from '../bot/runtime/bot';
import { GraphRequestError } from '../graph/errors';
import { escapeHtml, type Mailer } from '../graph/mail';
import type { People } from '../graph/people';
import type { ConversationRef, ConversationsRepository } from '../graph/repositories/conversations';
import type { Stored } from '../graph/repositories/list-repository';
import type { TeamsInstallations } from '../graph/teams-installation';
import type { DeliveryProbe } from './probe';

export interface CardToDeliver {
  oid: string;
  card: AdaptiveCard;
  /** Unique per card and recipient; embedded in the card, logged with the intent. */
  marker: string;
  /** The mail fallback: subject and a short text (plain, escaped here) followed by the link. */
  mail: { subject: string; text: string; link: string };
  /**
   * Asked right before each attempt that could deliver (a post to the chat, a mail): false when this instance no
   * longer holds the scheduler's lease with time to spare — another may take over and must not race this one.
   */
  fence?: () => Promise<boolean>;
}

/** The sender stopped before an attempt because it lost its lease (`CardToDeliver.fence`); nothing was sent. */
export class FencedError extends Error {
  constructor() {
    super('lease lost: not sent, left to the next holder');
    this.name = 'FencedError';
  }
}

const fenced = async (c: CardToDeliver): Promise<void> => {
  if (c.fence && !(await c.fence())) throw new FencedError();
};

export interface DeliveryResult {
  ok: boolean;
  channel?: 'teams' | 'mail';
  activityId?: string;
  conversationId?: string;
  log: DeliveryLogEntry[];
}

export interface DeliveryRetry {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface DeliveryDeps {
  connector: ProactiveConnector;
  conversations: ConversationsRepository;
  people: People;
  probe: DeliveryProbe;
  tenantId: string;
  clock: Clock;
  installations?: TeamsInstallations;
  mailer?: Mailer;
  retry?: Partial<DeliveryRetry>;
  sleep?: (ms: number) => Promise<void>;
}

const NOT_INSTALLED = new Set(['ForbiddenOperationException', 'BotNotInConversationRoster']);
const BLOCKED = 'ConversationBlockedByUser';

export class Delivery {
  private readonly refs = new Map<string, Stored<ConversationRef> | null>();
  private readonly retry: DeliveryRetry;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly deps: DeliveryDeps) {
    this.retry = { maxAttempts: 6, baseDelayMs: 200, maxDelayMs: 10_000, ...deps.retry };
    this.sleep = deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  private at(): string {
    return this.deps.clock.now().toISOString();
  }

  /** Loads the conversation references of many recipients at once (ORed key filters in $batch). */
  async prepare(oids: Iterable<string>): Promise<void> {
    const missing = [...new Set(oids)].filter((o) => o && !this.refs.has(o));
    if (missing.length === 0) return;
    const found = await this.deps.conversations.byUsers(missing);
    for (const o of missing) this.refs.set(o, found.get(o) ?? null);
  }

  /** Forget cached references (a new sweep re-reads what the bot stored meanwhile). */
  reset(): void {
    this.refs.clear();
  }

  /** Markers of earlier attempts found in the user's chat: marker → activity id. */
  async probe(oid: string, markers: readonly string[]): Promise<Map<string, string>> {
    return this.deps.probe.find(oid, markers);
  }

  async deliver(c: CardToDeliver): Promise<DeliveryResult> {
    const log: DeliveryLogEntry[] = [];
    await this.prepare([c.oid]);
    let ref = this.refs.get(c.oid) ?? undefined;
    let conversationId = ref?.installed && ref.conversationId ? ref.conversationId : undefined;
    for (let round = 0; round < 3; round++) {
      if (!conversationId) {
        const opened = await this.open(c, log);
        if (opened === 'mail') return this.mail(c, log);
        if (opened === 'failed') return { ok: false, log };
        conversationId = opened;
      }
      try {
        const { activityId } = await this.send(c, conversationId, log);
        log.push({
          at: this.at(),
          event: 'sent',
          oid: c.oid,
          channel: 'teams',
          detail: `${c.marker} activity ${activityId}`,
        });
        return { ok: true, channel: 'teams', activityId, conversationId, log };
      } catch (e) {
        if (!(e instanceof ConnectorError)) throw e;
        if (e.code === BLOCKED) {
          log.push(this.failure(c, e));
          return this.mail(c, log);
        }
        if ((e.status === 403 && NOT_INSTALLED.has(e.code ?? '')) || e.status === 404) {
          // The stored reference is stale (uninstalled, or a chat Teams no longer knows): open it again.
          log.push(this.failure(c, e));
          ref = await this.save(c.oid, { conversationId: ref?.conversationId ?? '', installed: false });
          conversationId = undefined;
          continue;
        }
        log.push(this.failure(c, e));
        return { ok: false, log };
      }
    }
    return { ok: false, log };
  }

  private failure(c: CardToDeliver, e: ConnectorError | GraphRequestError | Error): DeliveryLogEntry {
    const code = e instanceof ConnectorError ? `${e.status ?? 'network'} ${e.code ?? ''}` : e.message;
    return {
      at: this.at(),
      event: 'failed',
      oid: c.oid,
      channel: 'teams',
      detail: `${c.marker} ${code}`.slice(0, 500),
    };
  }

  /** The conversation to send to: create it (app installed), else install the app through Graph. */
  private async open(c: CardToDeliver, log: DeliveryLogEntry[]): Promise<string | 'mail' | 'failed'> {
    try {
      const created = await this.withRetry(c, log, () =>
        this.deps.connector.createConversation(c.oid, this.deps.tenantId),
      );
      await this.save(c.oid, {
        conversationId: created.conversationId,
        installed: true,
        serviceUrl: created.serviceUrl,
      });
      return created.conversationId;
    } catch (e) {
      if (!(e instanceof ConnectorError)) throw e;
      log.push(this.failure(c, e));
      if (e.code === BLOCKED) return 'mail';
      if (!(e.status === 403 && NOT_INSTALLED.has(e.code ?? ''))) return 'failed';
    }
    if (!this.deps.installations) return 'mail';
    try {
      const installed = await this.deps.installations.install(c.oid);
      if (!installed.ok) {
        log.push({
          at: this.at(),
          event: 'failed',
          oid: c.oid,
          detail: `${c.marker} install ${installed.reason}: ${installed.message}`.slice(0, 500),
        });
        return 'mail';
      }
      log.push({
        at: this.at(),
        event: 'installed',
        oid: c.oid,
        channel: 'teams',
        detail: installed.alreadyInstalled ? 'already installed' : `installation ${installed.installationId}`,
      });
      await this.save(c.oid, { conversationId: installed.chatId, installed: true });
      return installed.chatId;
    } catch (e) {
      if (!(e instanceof GraphRequestError)) throw e;
      log.push({
        at: this.at(),
        event: 'failed',
        oid: c.oid,
        detail: `${c.marker} install ${e.status} ${e.code}`,
      });
      return e.status === 403 ? 'mail' : 'failed';
    }
  }

  private async save(
    oid: string,
    v: { conversationId: string; installed: boolean; serviceUrl?: string },
  ): Promise<Stored<ConversationRef>> {
    const saved = await this.deps.conversations.upsert({
      userOid: oid,
      conversationId: v.conversationId,
      serviceUrl: v.serviceUrl ?? this.refs.get(oid)?.serviceUrl ?? '',
      tenantId: this.deps.tenantId,
      installed: v.installed,
    });
    this.refs.set(oid, saved);
    return saved;
  }

  /** Sends, retrying throttling at once and ambiguous failures only after the probe found nothing. */
  private async send(
    c: CardToDeliver,
    conversationId: string,
    log: DeliveryLogEntry[],
  ): Promise<{ activityId: string }> {
    return this.withRetry(
      c,
      log,
      async () => {
        await fenced(c);
        return this.deps.connector.sendCard(conversationId, c.card, c.marker);
      },
      async () => (await this.deps.probe.find(c.oid, [c.marker])).get(c.marker),
    );
  }

  private async withRetry<T>(
    c: CardToDeliver,
    log: DeliveryLogEntry[],
    call: () => Promise<T>,
    landed?: () => Promise<string | undefined>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (e) {
        if (!(e instanceof ConnectorError)) throw e;
        const transient = e.status === 429 || e.status === undefined || e.status >= 500;
        if (!transient || attempt >= this.retry.maxAttempts) throw e;
        const backoff = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
        const wait =
          e.retryAfterSeconds !== undefined
            ? Math.min(this.retry.maxDelayMs, e.retryAfterSeconds * 1000)
            : backoff;
        log.push({
          at: this.at(),
          event: 'retried',
          oid: c.oid,
          channel: 'teams',
          detail: `${c.marker} ${e.status ?? 'network'} ${e.code ?? ''} attempt ${attempt}, waiting ${wait} ms`,
        });
        await this.sleep(wait);
        // A 429 did nothing; anything else may have delivered: look before sending again.
        if (landed && e.status !== 429) {
          const activityId = await landed();
          if (activityId !== undefined) return { activityId } as T;
        }
      }
    }
  }

  private async mail(c: CardToDeliver, log: DeliveryLogEntry[]): Promise<DeliveryResult> {
    if (!this.deps.mailer) {
      log.push({
        at: this.at(),
        event: 'failed',
        oid: c.oid,
        channel: 'mail',
        detail: `${c.marker} no mailer configured`,
      });
      return { ok: false, log };
    }
    const person = (await this.deps.people.usersById([c.oid])).get(c.oid);
    const to = person?.mail ?? person?.userPrincipalName;
    if (!to) {
      log.push({
        at: this.at(),
        event: 'failed',
        oid: c.oid,
        channel: 'mail',
        detail: `${c.marker} no address`,
      });
      return { ok: false, log };
    }
    const html = `<p>${escapeHtml(c.mail.text)}</p><p><a href="${escapeHtml(c.mail.link)}">${escapeHtml(c.mail.link)}</a></p>`;
    for (let attempt = 1; ; attempt++) {
      try {
        await fenced(c);
        await this.deps.mailer.send({ to, subject: c.mail.subject, html });
        log.push({ at: this.at(), event: 'mailed', oid: c.oid, channel: 'mail', detail: c.marker });
        return { ok: true, channel: 'mail', log };
      } catch (e) {
        // 429 and 503 are answered before the mail is accepted: sending again does not duplicate it.
        const status = e instanceof GraphRequestError ? e.status : 0;
        if ((status === 429 || status === 503) && attempt < this.retry.maxAttempts) {
          log.push({
            at: this.at(),
            event: 'retried',
            oid: c.oid,
            channel: 'mail',
            detail: `${c.marker} ${status} attempt ${attempt}`,
          });
          await this.sleep(Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1)));
          continue;
        }
        log.push({
          at: this.at(),
          event: 'failed',
          oid: c.oid,
          channel: 'mail',
          detail: `${c.marker} ${String(e).slice(0, 200)}`,
        });
        return { ok: false, log };
      }
    }
  }
}
