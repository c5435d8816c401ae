import type { ChecklistItemTemplate, ChecklistKind } from '../../domain/checklists';
import type { IsoDate, IsoInstant } from '../../domain/internship';
import type { ChecklistItem } from '../../domain/records';
import { and, eq, le } from '../odata';
import {
  dateLiteral,
  readBool,
  readDate,
  readInstant,
  readText,
  writeDate,
  writeInstant,
  type Fields,
} from './fields';
import { ListRepository, type NewRecord, type RepositoryContext, type Stored } from './list-repository';

const COLUMNS = [
  'InternshipKey',
  'Checklist',
  'TemplateKey',
  'Done',
  'DoneByOid',
  'DoneAt',
  'DueDate',
  'Note',
  'AssigneeOid',
  'Hidden',
] as const;

function fromListFields(id: string, f: Fields): ChecklistItem {
  const item: ChecklistItem = {
    id,
    key: readText(f, 'Key') ?? '',
    internshipKey: readText(f, 'InternshipKey') ?? '',
    checklist: (readText(f, 'Checklist') ?? 'logistics') as ChecklistKind,
    templateKey: readText(f, 'TemplateKey') ?? '',
    done: readBool(f, 'Done'),
    hidden: readBool(f, 'Hidden'),
  };
  const opt: Partial<ChecklistItem> = {
    doneByOid: readText(f, 'DoneByOid'),
    doneAt: readInstant(f, 'DoneAt'),
    dueDate: readDate(f, 'DueDate'),
    assigneeOid: readText(f, 'AssigneeOid'),
    note: readText(f, 'Note'),
  };
  for (const [k, v] of Object.entries(opt))
    if (v !== undefined) (item as unknown as Record<string, unknown>)[k] = v;
  return item;
}

function toFields(v: Partial<ChecklistItem>): Fields {
  const has = (k: keyof ChecklistItem) => k in v;
  const f: Fields = {};
  if (has('templateKey')) f.Title = v.templateKey;
  if (has('internshipKey')) f.InternshipKey = v.internshipKey;
  if (has('checklist')) f.Checklist = v.checklist;
  if (has('templateKey')) f.TemplateKey = v.templateKey;
  if (has('done')) f.Done = v.done === true;
  if (has('doneByOid')) f.DoneByOid = v.doneByOid ?? null;
  if (has('doneAt')) f.DoneAt = writeInstant(v.doneAt);
  if (has('dueDate')) f.DueDate = writeDate(v.dueDate);
  if (has('note')) f.Note = v.note ?? null;
  if (has('assigneeOid')) f.AssigneeOid = v.assigneeOid ?? null;
  if (has('hidden')) f.Hidden = v.hidden === true;
  return f;
}

/** Deterministic item key: instantiating twice (or retrying) never duplicates. */
export const checklistItemKey = (internshipKey: string, templateKey: string): string =>
  `${internshipKey}:cl:${templateKey}`;

export class ChecklistItemsRepository extends ListRepository<ChecklistItem> {
  constructor(ctx: RepositoryContext) {
    super(ctx, { list: 'ChecklistItems', columns: COLUMNS, fromFields: fromListFields, toFields });
  }

  byInternship(internshipKey: string, checklist?: ChecklistKind): Promise<Stored<ChecklistItem>[]> {
    const byKey = eq('fields/InternshipKey', internshipKey);
    return this.query(checklist ? and(byKey, eq('fields/Checklist', checklist)) : byKey);
  }

  /** Open items assigned to a person ("my tasks"). */
  openFor(oid: string): Promise<Stored<ChecklistItem>[]> {
    return this.query(and(eq('fields/AssigneeOid', oid), eq('fields/Done', false)));
  }

  /** Open items of these internships due on or before `date` (late, or due soon): the homes' lists. */
  openDueOf(internshipKeys: readonly string[] | 'all', date: IsoDate): Promise<Stored<ChecklistItem>[]> {
    // Yes/No columns compare as 0/1 in SharePoint list-item filters.
    return this.queryByInternshipKeys(
      internshipKeys,
      and(eq('fields/Done', 0), le('fields/DueDate', dateLiteral(date))),
    );
  }

  /**
   * Creates the internship's items from the templates (in $batch). `dueOf` turns a template's due offset into a
   * date (the caller owns the work calendar and the internship's dates); `assigneeOf` names who ticks it off.
   */
  instantiate(
    internshipKey: string,
    templates: readonly ChecklistItemTemplate[],
    opts: {
      dueOf?: (t: ChecklistItemTemplate) => IsoDate | undefined;
      assigneeOf?: (t: ChecklistItemTemplate) => string | undefined;
      hidden?: (t: ChecklistItemTemplate) => boolean;
    } = {},
  ): Promise<Stored<ChecklistItem>[]> {
    return this.createMany(templates.map((t) => this.fromTemplate(internshipKey, t, opts)));
  }

  fromTemplate(
    internshipKey: string,
    t: ChecklistItemTemplate,
    opts: {
      dueOf?: (t: ChecklistItemTemplate) => IsoDate | undefined;
      assigneeOf?: (t: ChecklistItemTemplate) => string | undefined;
      hidden?: (t: ChecklistItemTemplate) => boolean;
    } = {},
  ): NewRecord<ChecklistItem> {
    const item: NewRecord<ChecklistItem> = {
      key: checklistItemKey(internshipKey, t.key),
      internshipKey,
      checklist: t.kind,
      templateKey: t.key,
      done: false,
      hidden: opts.hidden?.(t) ?? false,
    };
    const due = opts.dueOf?.(t);
    if (due) item.dueDate = due;
    const assignee = opts.assigneeOf?.(t);
    if (assignee) item.assigneeOid = assignee;
    return item;
  }

  tick(current: Stored<ChecklistItem>, byOid: string, at: IsoInstant): Promise<Stored<ChecklistItem>> {
    return this.update(current, { done: true, doneByOid: byOid, doneAt: at });
  }

  untick(current: Stored<ChecklistItem>): Promise<Stored<ChecklistItem>> {
    return this.update(current, { done: false, doneByOid: undefined, doneAt: undefined });
  }

  assign(current: Stored<ChecklistItem>, oid: string | undefined): Promise<Stored<ChecklistItem>> {
    return this.update(current, { assigneeOid: oid });
  }

  setDue(current: Stored<ChecklistItem>, dueDate: IsoDate | undefined): Promise<Stored<ChecklistItem>> {
    return this.update(current, { dueDate });
  }

  comment(current: Stored<ChecklistItem>, note: string | undefined): Promise<Stored<ChecklistItem>> {
    return this.update(current, { note });
  }

  hide(current: Stored<ChecklistItem>, hidden = true): Promise<Stored<ChecklistItem>> {
    return this.update(current, { hidden });
  }
}
