import { CHECKLIST_TEMPLATES } from '../../domain/checklists';
import { LOCALES, type Locale } from '../../domain/i18n';
import type { PolicyDocument } from '../../domain/policy';
import type { OrganisationSettings } from '../../domain/records';
import { DEFAULT_SCHEDULE_RULES } from '../../domain/schedule';
import type { AnnouncementTeamView, PolicyView, SettingsView } from '../../domain/views-policy';
import type { TeamChannelRef } from '../../graph/repositories/conversations';
import type { Stored } from '../../graph/repositories/list-repository';

/**
 * The ETag of a policy that was never saved. If-Match must always be sent (no silent last-writer-wins), so the
 * first save sends this one; the repository then insists that nobody created the policy meanwhile.
 */
export const NO_POLICY_ETAG = 'W/"none"';

export const presentPolicy = (p: Stored<PolicyDocument>): PolicyView => {
  const { etag, ...policy } = p;
  return { etag: etag || NO_POLICY_ETAG, policy };
};

/** The ETag the repository expects for a client's If-Match ('' = "no policy yet"). */
export const policyIfMatch = (header: string): string => (header === NO_POLICY_ETAG ? '' : header);

export const presentAnnouncementTeam = (t: TeamChannelRef): AnnouncementTeamView => ({
  teamId: t.teamId,
  teamName: t.teamName || t.teamId,
  ...(t.channelName ? { channelName: t.channelName } : {}),
  general: t.channelId === t.teamId,
  installed: t.installed,
});

/** `teams`: the teams the bot knows (installed ones, and the chosen one even if the app was removed since). */
export function presentSettings(
  s: Stored<OrganisationSettings>,
  teams: readonly TeamChannelRef[] = [],
): SettingsView {
  const fill = (text: Partial<Record<Locale, string>>) =>
    Object.fromEntries(LOCALES.map((l) => [l, text[l] ?? ''])) as Record<Locale, string>;
  return {
    etag: s.etag,
    scheduleRules: s.scheduleRules,
    defaultScheduleRules: { ...DEFAULT_SCHEDULE_RULES },
    checklistOverrides: s.checklistOverrides,
    customChecklistItems: s.customChecklistItems,
    retentionMonths: s.retentionMonths,
    announcements: s.announcements,
    ...(s.announcementTeamId !== undefined ? { announcementTeamId: s.announcementTeamId } : {}),
    announcementTeams: teams
      .filter((t) => t.installed || t.teamId === s.announcementTeamId)
      .map(presentAnnouncementTeam)
      .sort((a, b) => a.teamName.localeCompare(b.teamName)),
    templates: [
      ...CHECKLIST_TEMPLATES.map((t) => ({ key: t.key, kind: t.kind, text: t.text, custom: false })),
      ...s.customChecklistItems.map((c) => ({ key: c.key, kind: c.kind, text: fill(c.text), custom: true })),
    ],
  };
}
