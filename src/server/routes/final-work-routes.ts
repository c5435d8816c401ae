import { Router, type Request } from 'express';
import { z } from 'zod';
import type { LocalizedText } from '../../domain/i18n';
import type { Internship } from '../../domain/internship';
import { checkUpload, MAX_UPLOAD_BYTES } from '../../domain/uploads';
import { text, validate } from '../../domain/validation';
import { needsChange, type FinalWork } from '../../graph/repositories/final-works';
import type { Stored } from '../../graph/repositories/list-repository';
import { RepositoryConflictError } from '../../graph/repositories/repository-errors';
import type { ServerDeps } from '../deps';
import { ApiError, conflict, invalidInput, notFound } from '../http/api-error';
import { ctxOf } from '../http/create-app';
import { readBody } from '../http/read-body';
import { bodyOf, ifMatchOf } from '../http/validate';
import { presentFinalWork, presentFinalWorks } from '../presenters/final-work-presenter';
import { loadInternship } from './internship-routes';

/** Why a final work cannot be published: the overview shows only interns who consented (toolbox B8). */
export const NO_CONSENT_TEXT = {
  nl: 'Dit eindwerk kan niet gepubliceerd worden: de stagiair gaf geen toestemming om in het intranetoverzicht te verschijnen. Vraag eerst de toestemming van de stagiair.',
  fr: "Ce travail de fin ne peut pas être publié : le stagiaire n'a pas accepté de figurer dans l'aperçu intranet. Demandez d'abord son accord au stagiaire.",
  de: 'Diese Abschlussarbeit kann nicht veröffentlicht werden: Der Praktikant hat nicht zugestimmt, in der Intranet-Übersicht zu erscheinen. Holen Sie zuerst die Zustimmung des Praktikanten ein.',
  en: 'This final work cannot be published: the intern did not consent to appear in the intranet overview. Ask the intern for consent first.',
} as const satisfies LocalizedText;

/** The upload's title travels in the query next to the file name (the body is the file itself). */
const uploadQuery = z.object({ title: text(200) });
const publishInput = z.strictObject({ published: z.boolean() });

/**
 * A final work of this internship, with its siblings (publishing names the copy after them); another internship's
 * work is not found here (ids are the Stagemap library's).
 */
async function loadWork(
  deps: ServerDeps,
  i: Internship,
  req: Request,
): Promise<{ work: Stored<FinalWork>; siblings: Stored<FinalWork>[] }> {
  const id = String(req.params.workId ?? '');
  if (!/^\d{1,10}$/.test(id)) throw notFound();
  const siblings = await deps.repos.finalWorks.byInternship(i.key);
  const work = siblings.find((w) => w.id === id);
  if (!work) throw notFound();
  return { work, siblings };
}

/**
 * Final works (toolbox: results shared, final work published): who keeps the folder hands one in (it stays in the
 * internship's folder), a coordinator publishes it, only for an intern who consented: a copy in the FinalWorks
 * library, which all staff read, listed on the intranet overview.
 */
export function finalWorkRoutes(deps: ServerDeps): Router {
  const r = Router();

  r.get('/internships/:id/final-works', async (req, res) => {
    const i = await loadInternship(deps, req, 'finalWork.read');
    const works = await deps.repos.finalWorks.byInternship(i.key);
    res.setHeader('cache-control', 'no-store');
    res.json(presentFinalWorks(i, works, ctxOf(req).actor));
  });

  /** One final work, to open it in SharePoint / Office (its webUrl). */
  r.get('/internships/:id/final-works/:workId', async (req, res) => {
    const i = await loadInternship(deps, req, 'finalWork.read');
    const { work: w } = await loadWork(deps, i, req);
    res.setHeader('etag', w.etag);
    res.json(presentFinalWork(w));
  });

  /**
   * Upload: the raw file as the body, `?name=&title=`; an upload session above 4 MB. It goes into the internship's
   * folder as a `finalWork` document, not into FinalWorks: nothing reaches all staff before a coordinator publishes.
   */
  r.put('/internships/:id/final-works', async (req, res) => {
    const i = await loadInternship(deps, req, 'finalWork.write');
    const { locale } = ctxOf(req);
    const declared = Number(req.header('content-length') ?? NaN);
    const title = validate(uploadQuery, { title: req.query.title }, locale);
    const checked = checkUpload(
      {
        name: req.query.name,
        type: undefined,
        ...(Number.isFinite(declared) ? { size: declared } : {}),
        mayWriteConfidential: false,
      },
      locale,
    );
    if (!title.ok || !checked.ok) {
      req.resume();
      throw invalidInput([...(title.ok ? [] : title.errors), ...(checked.ok ? [] : checked.errors)]);
    }
    const content = await readBody(req, MAX_UPLOAD_BYTES);
    const measured = checkUpload(
      { name: checked.name, type: undefined, size: content.length, mayWriteConfidential: false },
      locale,
    );
    if (!measured.ok) throw invalidInput(measured.errors);
    const w = await deps.repos.finalWorks.upload(i, {
      name: checked.name,
      title: title.value.title,
      content,
    });
    deps.logger.info('final work uploaded', { internship: i.key, size: content.length });
    res.status(201).setHeader('etag', w.etag).json(presentFinalWork(w));
  });

  /**
   * Publish (copy into FinalWorks) or unpublish (delete the copy), coordinators only, with the version of the
   * hand-in the caller read; publishing needs the intern's consent. Asking for what is already so answers the
   * work as it is (a replay, or two coordinators at once); otherwise a stale version answers 409 before anything
   * is copied or deleted.
   */
  r.patch('/internships/:id/final-works/:workId', async (req, res) => {
    const i = await loadInternship(deps, req, 'finalWork.publish');
    const { published } = bodyOf(req, publishInput);
    const etag = ifMatchOf(req);
    const { work: w, siblings } = await loadWork(deps, i, req);
    if (published && !i.overviewConsent) throw new ApiError(422, 'noOverviewConsent', NO_CONSENT_TEXT);
    if (!needsChange(w, published)) {
      res.setHeader('etag', w.etag).json(presentFinalWork(w));
      return;
    }
    if (etag !== w.etag) throw conflict(presentFinalWork(w));
    let updated: Stored<FinalWork>;
    try {
      updated = published
        ? await deps.repos.finalWorks.publish(w, siblings)
        : await deps.repos.finalWorks.unpublish(w);
    } catch (e) {
      if (!(e instanceof RepositoryConflictError)) throw e;
      if (!e.current) throw notFound();
      throw conflict(presentFinalWork(e.current as Stored<FinalWork>));
    }
    deps.logger.info(published ? 'final work published' : 'final work unpublished', {
      internship: i.key,
      work: w.id,
      ...(updated.copy ? { copy: updated.copy.id } : {}),
    });
    res.setHeader('etag', updated.etag).json(presentFinalWork(updated));
  });

  return r;
}
