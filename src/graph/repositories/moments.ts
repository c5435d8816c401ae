import { MOMENT_RECIPIENTS, type MomentKind } from '../../domain/schedule';
import {
  deliveryLogEntrySchema,
  OPEN_MOMENT_STATES,
  type DeliveryLogEntry,
  type Moment,
  type MomentState,
} from '../../domain/records';
import { and, anyOf, eq, ge, lt, type ODataFilter } from '../odata';
import {
  readDate,
  readInstant,
  readJson,
  readNumber,
  readText,
  writeDate,
  writeInstant,
  writeJson,
  type Fields,
} from './fields';
import { ListRepository, type RepositoryContext, type Stored } from './list-repository';
import { RepositoryConflictError } from './repository-errors';

/**
 * The Moments list: every planned follow-up/evaluation/survey moment with its state and delivery log. The
 * scheduler's questions ("what is due now?", "what must escalate?") are indexed range queries on DueAt /
 * EscalateAt plus the indexed State, so their cost grows with what is due, not with the size of the list.
 */

/** Kept well under the note column's 63,999 characters: the oldest lines give way first. */
const MAX_LOG_ENTRIES = 200;

const COLUMNS = [
  'InternshipKey',
  'Kind',
  'Seq',
  'DueDate',
  'DueAt',
  'EscalateAt',
  'DigestAt',
  'State',
  'RecipientOids',
  'AnsweredByOid',
  'AnsweredAt',
  'DeliveryLog',
  'Attempts',
] as const;

function fromListFields(id: string, f: Fields): Moment {
  const kind = (readText(f, 'Kind') ?? 'followUp') as MomentKind;
  const sendAt = readInstant(f, 'DueAt') ?? '';
  const log = readJson<unknown[]>(f, 'DeliveryLog', []).flatMap((e) => {
    const parsed = deliveryLogEntrySchema.safeParse(e);
    return parsed.success ? [parsed.data as DeliveryLogEntry] : [];
  });
  const m: Moment = {
    id,
    key: readText(f, 'Key') ?? '',
    internshipId: readText(f, 'InternshipKey') ?? '',
    kind,
    seq: readNumber(f, 'Seq') ?? 1,
    dueDate: readDate(f, 'DueDate') ?? '',
    sendAt,
    recipients: [...MOMENT_RECIPIENTS[kind]],
    escalateAt: readInstant(f, 'EscalateAt') ?? sendAt,
    digestAt: readInstant(f, 'DigestAt') ?? sendAt,
    state: (readText(f, 'State') ?? 'planned') as MomentState,
    recipientOids: (readText(f, 'RecipientOids') ?? '').split(/[\s,;]+/).filter(Boolean),
    attempts: readNumber(f, 'Attempts') ?? 0,
    log,
  };
  const by = readText(f, 'AnsweredByOid');
  if (by) m.answeredByOid = by;
  const at = readInstant(f, 'AnsweredAt');
  if (at) m.answeredAt = at;
  return m;
}

function toFields(v: Partial<Moment>): Fields {
  const has = (k: keyof Moment) => k in v;
  const f: Fields = {};
  if (has('key')) f.Title = v.key;
  if (has('internshipId')) f.InternshipKey = v.internshipId;
  if (has('kind')) f.Kind = v.kind;
  if (has('seq')) f.Seq = v.seq;
  if (has('dueDate')) f.DueDate = writeDate(v.dueDate);
  if (has('sendAt')) f.DueAt = writeInstant(v.sendAt);
  if (has('escalateAt')) f.EscalateAt = writeInstant(v.escalateAt);
  if (has('digestAt')) f.DigestAt = writeInstant(v.digestAt);
  if (has('state')) f.State = v.state;
  if (has('recipientOids')) f.RecipientOids = (v.recipientOids ?? []).join(',');
  if (has('answeredByOid')) f.AnsweredByOid = v.answeredByOid ?? null;
  if (has('answeredAt')) f.AnsweredAt = writeInstant(v.answeredAt);
  if (has('attempts')) f.Attempts = v.attempts ?? 0;
  if (has('log')) f.DeliveryLog = writeJson((v.log ?? []).slice(-MAX_LOG_ENTRIES));
  return f;
}

export interface DueQuery {
  /** Due strictly before this instant. */
  before: Date;
  /** … and at or after this one (e.g. now, for "in the next hour"); no lower bound when absent. */
  from?: Date;
  /** Default: planned only (not sent yet). */
  states?: readonly MomentState[];
}

export interface Transition {
  to: MomentState;
  entry: DeliveryLogEntry;
  /** The transition is valid only from these states; a concurrent change into another state is a conflict. */
  from?: readonly MomentState[];
  answeredByOid?: string;
  answeredAt?: string;
  recipientOids?: string[];
  countAttempt?: boolean;
}

export class MomentsRepository extends ListRepository<Moment> {
  constructor(ctx: RepositoryContext) {
    super(ctx, { list: 'Moments', columns: COLUMNS, fromFields: fromListFields, toFields });
  }

  byInternship(internshipKey: string): Promise<Stored<Moment>[]> {
    return this.query(eq('fields/InternshipKey', internshipKey), { orderby: ['fields/DueAt'] });
  }

  private window(column: string, q: DueQuery): ODataFilter {
    const parts = [lt(`fields/${column}`, q.before)];
    if (q.from) parts.unshift(ge(`fields/${column}`, q.from));
    return and(...parts, anyOf('fields/State', [...(q.states ?? ['planned'])]));
  }

  /** Moments of these internships sent (or due to be) before `before` and in the given states: the homes' lists. */
  inStatesOf(
    internshipKeys: readonly string[] | 'all',
    before: Date,
    states: readonly MomentState[],
  ): Promise<Stored<Moment>[]> {
    return this.queryByInternshipKeys(
      internshipKeys,
      and(lt('fields/DueAt', before), anyOf('fields/State', [...states])),
    );
  }

  /** Moments due (send time) in the window and still in the given states, earliest first. */
  due(q: DueQuery): Promise<Stored<Moment>[]> {
    return this.query(this.window('DueAt', q), { orderby: ['fields/DueAt'] });
  }

  /** Sent, unanswered moments whose back-up escalation time has come. */
  escalationsDue(before: Date): Promise<Stored<Moment>[]> {
    return this.query(this.window('EscalateAt', { before, states: ['sent'] }), {
      orderby: ['fields/EscalateAt'],
    });
  }

  /** Unanswered moments whose coordinator-digest time has come. */
  digestDue(before: Date): Promise<Stored<Moment>[]> {
    return this.query(
      this.window('DigestAt', { before, states: OPEN_MOMENT_STATES.filter((s) => s !== 'planned') }),
      { orderby: ['fields/DigestAt'] },
    );
  }

  /**
   * Changes the state and appends a delivery log line, guarded by the ETag. When someone else changed the moment
   * meanwhile and it is still in an allowed `from` state, the change is re-applied on the current version
   * (appending to the log it has now, so no line is lost); otherwise the conflict surfaces.
   */
  async transition(current: Stored<Moment>, t: Transition, maxTries = 3): Promise<Stored<Moment>> {
    let base = current;
    for (let attempt = 1; ; attempt++) {
      if (t.from && !t.from.includes(base.state))
        throw new RepositoryConflictError<Moment>(this.list, base.key, base);
      const patch: Partial<Moment> = { state: t.to, log: [...base.log, t.entry] };
      if (t.countAttempt) patch.attempts = base.attempts + 1;
      if (t.answeredByOid !== undefined) patch.answeredByOid = t.answeredByOid;
      if (t.answeredAt !== undefined) patch.answeredAt = t.answeredAt;
      if (t.recipientOids !== undefined) patch.recipientOids = t.recipientOids;
      try {
        return await this.update(base, patch);
      } catch (e) {
        if (!(e instanceof RepositoryConflictError) || !e.current || attempt >= maxTries) throw e;
        base = e.current as Stored<Moment>;
      }
    }
  }
}
