/**
 * Deep links into the Stagemap tab. Cards receive ready-made URLs (`CardLinks`) from their caller, which knows the
 * app id and the tab's entity; this helper is how the caller builds them.
 */

/** What a card needs to link to; built by the caller (it knows the app id and where the tab lives). */
export interface CardLinks {
  /** The internship's page in the tab. */
  internship(internshipId: string): string;
  /** The tab's overview, for "see all" links (the coordinator digest). */
  overview(): string;
}

/**
 * A Teams deep link to a personal tab, opened on a sub-entity:
 * `https://teams.microsoft.com/l/entity/<appId>/<entityId>?context={"subEntityId":"<id>"}`, with every part
 * URL-encoded (the context is JSON, so quotes, `&` or `#` in an id would otherwise break the URL). The tab reads
 * the id back from `app.getContext().page.subPageId`.
 */
export function teamsDeepLink(appId: string, entityId: string, subEntityId?: string): string {
  if (!appId || !entityId) throw new RangeError('teamsDeepLink: appId and entityId are required');
  const base = `https://teams.microsoft.com/l/entity/${encodeURIComponent(appId)}/${encodeURIComponent(entityId)}`;
  if (subEntityId === undefined) return base;
  return `${base}?context=${encodeURIComponent(JSON.stringify({ subEntityId }))}`;
}

/** Links into the tab for one app: the internship as the sub-entity, the overview as the bare tab. */
export const teamsCardLinks = (appId: string, entityId = 'home'): CardLinks => ({
  internship: (internshipId) => teamsDeepLink(appId, entityId, internshipId),
  overview: () => teamsDeepLink(appId, entityId),
});
