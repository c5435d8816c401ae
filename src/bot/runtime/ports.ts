/**
 * What the bot runtime needs from the rest of Stagemap, as interfaces it declares (src/bot may import only the
 * domain and itself). src/jobs implements them with the SharePoint repositories and Graph; tests may fake them.
 */
import type { ChecklistItemTemplate } from '../../domain/checklists';
import type { Locale } from '../../domain/i18n';
import type { Internship, PersonRef } from '../../domain/internship';
import type { Moment } from '../../domain/records';
import type { Milestone } from '../cards/forms';

export interface ConversationReference {
  userOid: string;
  conversationId: string;
  serviceUrl: string;
  tenantId: string;
  installed: boolean;
}

/** A moment with the internship it belongs to, as stored now (read from SharePoint, never from a card). */
export interface MomentView {
  moment: Moment;
  internship: Internship;
  /** Organisation-wide coordinators (Settings). */
  coordinatorOids: readonly string[];
  milestones?: readonly Milestone[];
  checklistItems?: readonly ChecklistItemTemplate[];
}

export interface StoredAnswer {
  respondentOid: string;
  answers: Readonly<Record<string, string | number | boolean>>;
  submittedAt: string;
}

export interface AnswerWrite {
  view: MomentView;
  respondentOid: string;
  answerKey: string;
  answers: Readonly<Record<string, string | number | boolean>>;
  at: string;
}

export type MarkAnsweredResult =
  { ok: true } | { ok: false; answeredByOid?: string; answeredAt?: string; state: Moment['state'] };

export interface BotPorts {
  saveConversation(ref: ConversationReference): Promise<void>;
  loadMoment(momentKey: string): Promise<MomentView | undefined>;
  /** The answer stored for the moment, if any (one per moment: its key is unique). */
  findAnswer(view: MomentView): Promise<StoredAnswer | undefined>;
  /**
   * Writes the answer once: the Evaluations item's unique Key makes a second write (double click, retried invoke,
   * a second person) return the answer that is already there.
   */
  writeAnswer(w: AnswerWrite): Promise<StoredAnswer>;
  /** Moves the moment to `answered` (ETag-guarded, re-read on conflict); refuses when already closed. */
  markAnswered(view: MomentView, by: string, at: string): Promise<MarkAnsweredResult>;
  person(oid: string): Promise<PersonRef>;
  /** The user's language (mailbox settings), `hint` (the Teams client's locale) when unknown. */
  locale(oid: string, hint?: string): Promise<Locale>;
}

export interface BotLogger {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

export const silentBotLogger: BotLogger = { info() {}, warn() {}, error() {} };
