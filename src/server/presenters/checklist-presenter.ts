import { CHECKLIST_KINDS, CHECKLIST_TEMPLATES, checklistTemplate } from '../../domain/checklists';
import type { Locale } from '../../domain/i18n';
import type { ChecklistItem, OrganisationSettings } from '../../domain/records';
import type { ChecklistItemView, ChecklistsView } from '../../domain/views-workflow';
import type { PersonView } from '../../domain/views';
import type { Stored } from '../../graph/repositories/list-repository';

/**
 * Checklist items as the tab shows them: the text in the caller's language, from the organisation's own wording
 * when Settings overrides the template or adds a custom item (coordinators edit checklists without code), else
 * from the toolbox template.
 */
const CHECKLIST_ORDER = new Map(CHECKLIST_TEMPLATES.map((t, n) => [t.key, n]));

export interface ChecklistPresentContext {
  locale: Locale;
  settings: OrganisationSettings;
  person(oid: string | undefined): PersonView | undefined;
  /** Hidden items are shown only to who may unhide them. */
  canHide: boolean;
  canWrite: boolean;
}

export function checklistItemText(
  itemKey: string,
  settings: OrganisationSettings,
  locale: Locale,
): { text: string; hint?: string; group?: string; optional: boolean; owner?: ChecklistItemView['owner'] } {
  const override = settings.checklistOverrides.find((o) => o.templateKey === itemKey);
  const template = checklistTemplate(itemKey);
  if (template) {
    const out: ReturnType<typeof checklistItemText> = {
      text: override?.text?.[locale] || template.text[locale],
      optional: template.optional === true,
      owner: template.owner,
    };
    if (template.hint) out.hint = template.hint[locale];
    if (template.group) out.group = template.group;
    return out;
  }
  const custom = settings.customChecklistItems.find((c) => c.key === itemKey);
  const t = custom?.text;
  return {
    text: t?.[locale] || t?.[settings.defaultLanguage] || t?.en || t?.nl || t?.fr || t?.de || itemKey,
    optional: false,
  };
}

export function presentChecklistItem(
  item: Stored<ChecklistItem>,
  c: ChecklistPresentContext,
): ChecklistItemView {
  const v: ChecklistItemView = {
    id: item.id,
    key: item.key,
    itemKey: item.templateKey,
    kind: item.checklist,
    ...checklistItemText(item.templateKey, c.settings, c.locale),
    done: item.done,
    hidden: item.hidden,
    etag: item.etag,
  };
  const doneBy = c.person(item.doneByOid);
  const assignee = c.person(item.assigneeOid);
  if (doneBy) v.doneBy = doneBy;
  if (item.doneAt) v.doneAt = item.doneAt;
  if (item.dueDate) v.dueDate = item.dueDate;
  if (assignee) v.assignee = assignee;
  if (item.note) v.note = item.note;
  return v;
}

/** Every checklist of the internship, in the toolbox's order; items by due date then text. */
export function presentChecklists(
  items: readonly Stored<ChecklistItem>[],
  c: ChecklistPresentContext,
): ChecklistsView {
  const order = (key: string) => {
    const n = CHECKLIST_ORDER.get(key);
    return n === undefined ? Number.MAX_SAFE_INTEGER : n;
  };
  const visible = items.filter((i) => c.canHide || !i.hidden).map((i) => presentChecklistItem(i, c));
  return {
    canWrite: c.canWrite,
    canHide: c.canHide,
    checklists: CHECKLIST_KINDS.map((kind) => {
      const list = visible
        .filter((i) => i.kind === kind)
        .sort(
          (a, b) =>
            (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || order(a.itemKey) - order(b.itemKey),
        );
      return { kind, items: list, open: list.filter((i) => !i.done && !i.hidden && !i.optional).length };
    }).filter((l) => l.items.length > 0),
  };
}
