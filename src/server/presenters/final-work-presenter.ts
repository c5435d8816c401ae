import { canOnInternship, type Actor } from '../../domain/access';
import type { Internship } from '../../domain/internship';
import { ALLOWED_EXTENSIONS, MAX_UPLOAD_BYTES } from '../../domain/uploads';
import type { PublishedFinalWorkView } from '../../domain/views';
import type { FinalWorksView, FinalWorkView } from '../../domain/views-records';
import type { FinalWork, PublishedFinalWork } from '../../graph/repositories/final-works';
import type { Stored } from '../../graph/repositories/list-repository';

export function presentFinalWork(w: Stored<FinalWork>): FinalWorkView {
  const v: FinalWorkView = { id: w.id, title: w.title, name: w.name, published: w.published, etag: w.etag };
  if (w.size !== undefined) v.size = w.size;
  if (w.webUrl) v.webUrl = w.webUrl;
  if (w.uploadedAt) v.uploadedAt = w.uploadedAt;
  return v;
}

/** The final works of one internship for who keeps its folder, with what this caller may do with them. */
export function presentFinalWorks(
  i: Internship,
  works: readonly Stored<FinalWork>[],
  actor: Actor,
): FinalWorksView {
  return {
    items: works
      .map(presentFinalWork)
      .sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id)),
    canUpload: canOnInternship(actor, 'finalWork.write', i),
    canPublish: canOnInternship(actor, 'finalWork.publish', i),
    overviewConsent: i.overviewConsent,
    maxBytes: MAX_UPLOAD_BYTES,
    allowedExtensions: [...ALLOWED_EXTENSIONS],
  };
}

/**
 * The intranet overview's published final works: the copies in FinalWorks (only published works are there) of an
 * intern who consents now (withdrawing consent removes the copies, and should that fail they still stay off the
 * overview), with the overview's fields only.
 */
export function presentPublishedFinalWorks(
  works: readonly PublishedFinalWork[],
  internships: ReadonlyMap<string, Internship>,
  serviceName: (key: string) => string,
): PublishedFinalWorkView[] {
  return works
    .flatMap((w) => {
      const i = internships.get(w.internshipKey);
      if (!i?.overviewConsent) return [];
      const v: PublishedFinalWorkView = {
        id: w.id,
        title: w.title,
        internName: i.intern.displayName,
        serviceName: serviceName(i.service),
        topic: i.topic,
        year: Number(i.endDate.slice(0, 4)),
      };
      if (w.webUrl) v.webUrl = w.webUrl;
      return [v];
    })
    .sort((a, b) => b.year - a.year || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}
