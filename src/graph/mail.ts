import type { Graph } from './client';
import { segment } from './odata';

/**
 * Mail through Graph `sendMail` from a configured sender mailbox (application permission Mail.Send, which an
 * Exchange application access policy should restrict to that one mailbox in a tenant). The fallback when a card
 * cannot reach someone in Teams.
 */
export interface MailMessage {
  to: string;
  subject: string;
  /** HTML; the caller escapes every user text. */
  html: string;
}

export class Mailer {
  constructor(
    private readonly graph: Graph,
    /** UPN or object id of the sending mailbox, e.g. stagemap@organisation.be. */
    private readonly sender: string,
  ) {}

  async send(m: MailMessage): Promise<void> {
    // Not retry-safe: a replay after a lost 202 would send the mail twice; the caller logs and reconciles.
    await this.graph.post(`/users/${segment(this.sender)}/sendMail`, {
      message: {
        subject: m.subject,
        body: { contentType: 'html', content: m.html },
        toRecipients: [{ emailAddress: { address: m.to } }],
      },
      saveToSentItems: false,
    });
  }
}

/** HTML-escapes user text for a mail body. */
export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
