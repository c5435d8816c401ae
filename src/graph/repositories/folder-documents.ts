import { isDocumentKey, type DocumentKey } from '../../domain/documents';
import { CONFIDENTIAL_LIBRARY, LIBRARY } from '../folders/internship-folders';
import { anyOf, expandFields, segment } from '../odata';
import { queryByKeyGroups, type RepositoryContext } from './list-repository';

/**
 * Which document types the folders of many internships hold, for screens over all running internships (what is
 * missing): both libraries, queried by the indexed InternshipKey and DocumentType columns in $batch, instead of
 * one folder listing per internship (InternshipFolders.documents, for one internship's folder screen).
 */
export async function documentTypesOf(
  ctx: RepositoryContext,
  internshipKeys: readonly string[],
  types: readonly DocumentKey[],
  /** The keys are every internship under way (a coordinator): one query per library on the type alone. */
  all = false,
): Promise<Map<string, Set<DocumentKey>>> {
  const out = new Map<string, Set<DocumentKey>>(internshipKeys.map((k) => [k, new Set<DocumentKey>()]));
  if (internshipKeys.length === 0 || types.length === 0) return out;
  const libraries = await Promise.all(
    [LIBRARY, CONFIDENTIAL_LIBRARY].map((library) =>
      queryByKeyGroups(
        ctx,
        `/sites/${segment(ctx.siteId)}/lists/${segment(library)}/items`,
        'fields/InternshipKey',
        all ? 'all' : internshipKeys,
        // Folders carry the InternshipKey too, but no DocumentType: the type filter leaves them out.
        {
          filter: anyOf('fields/DocumentType', [...types]),
          expand: expandFields(['InternshipKey', 'DocumentType']),
        },
      ),
    ),
  );
  for (const item of libraries.flat()) {
    const key = String(item.fields?.InternshipKey ?? '');
    const type = item.fields?.DocumentType;
    if (isDocumentKey(type)) out.get(key)?.add(type);
  }
  return out;
}
