import { interpolate } from '../../bot/cards/format';
import { MOMENT_TITLES } from '../../bot/cards/texts';
import type { Locale } from '../../domain/i18n';
import type { Moment } from '../../domain/records';
import type { PersonView } from '../../domain/views';
import type { MomentLogLineView, MomentView } from '../../domain/views-workflow';
import type { Stored } from '../../graph/repositories/list-repository';

/** A moment with its delivery log, people by name (the log stores oids), titles in the caller's language. */
export function presentMoment(
  m: Stored<Moment>,
  locale: Locale,
  person: (oid: string | undefined) => PersonView | undefined,
): MomentView {
  const v: MomentView = {
    id: m.id,
    key: m.key,
    kind: m.kind,
    title: interpolate(MOMENT_TITLES[m.kind][locale], { n: m.seq }),
    seq: m.seq,
    dueDate: m.dueDate,
    sendAt: m.sendAt,
    state: m.state,
    recipients: m.recipientOids.flatMap((o) => {
      const p = person(o);
      return p ? [p] : [];
    }),
    log: m.log.map((e) => {
      const line: MomentLogLineView = { at: e.at, event: e.event };
      const p = person(e.oid);
      if (p) line.person = p;
      if (e.channel) line.channel = e.channel;
      if (e.detail) line.detail = e.detail;
      return line;
    }),
  };
  const by = person(m.answeredByOid);
  if (by) v.answeredBy = by;
  if (m.answeredAt) v.answeredAt = m.answeredAt;
  return v;
}
