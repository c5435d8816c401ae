import { Router } from 'express';
import { canOnInternship } from '../../domain/access';
import { isDocumentKey } from '../../domain/documents';
import type { StoredDocument } from '../../domain/records';
import { checkUpload, isConfidentialType, MAX_UPLOAD_BYTES } from '../../domain/uploads';
import type { FinalWork } from '../../graph/repositories/final-works';
import type { ServerDeps } from '../deps';
import { forbidden, invalidInput, notFound } from '../http/api-error';
import { ctxOf } from '../http/create-app';
import { readBody } from '../http/read-body';
import { presentDocument, presentFolder, documentViewId } from '../presenters/document-presenter';
import { loadInternship } from './internship-routes';

/** A handed-in final work as the folder shows its documents. */
function finalWorkDocument(w: FinalWork): StoredDocument {
  const doc: StoredDocument = {
    id: w.id,
    name: w.name,
    internshipKey: w.internshipKey,
    documentType: 'finalWork',
    confidential: false,
  };
  if (w.size !== undefined) doc.size = w.size;
  if (w.webUrl) doc.webUrl = w.webUrl;
  return doc;
}

/** The digital folder of an internship (toolbox B4): list, required-documents status, upload, open. */
export function folderRoutes(deps: ServerDeps): Router {
  const r = Router();

  /** Documents and the required-documents status; the confidential part only for who may read it. */
  r.get('/internships/:id/folder', async (req, res) => {
    const i = await loadInternship(deps, req, 'folder.read');
    const { actor, locale } = ctxOf(req);
    const documents = await deps.folders.documents(i.key);
    res.setHeader('cache-control', 'no-store');
    res.json(presentFolder(i, documents, actor, locale));
  });

  /** The confidential part alone: coordinators only (403 for mentor, back-up and intern). */
  r.get('/internships/:id/folder/confidential', async (req, res) => {
    const i = await loadInternship(deps, req, 'confidential.read');
    const { locale } = ctxOf(req);
    const documents = (await deps.folders.documents(i.key)).filter((d) => d.confidential);
    res.json({ items: documents.map((d) => presentDocument(d, locale)) });
  });

  /**
   * One document, to open it in SharePoint / Office (its webUrl). A confidential document is not found for who
   * may not read the confidential part: its existence is itself health or contract information.
   */
  r.get('/internships/:id/folder/documents/:docId', async (req, res) => {
    const i = await loadInternship(deps, req, 'folder.read');
    const { actor, locale } = ctxOf(req);
    const docId = String(req.params.docId ?? '');
    if (!/^[cs]-\d{1,10}$/.test(docId)) throw notFound();
    if (docId.startsWith('c-') && !canOnInternship(actor, 'confidential.read', i)) throw notFound();
    const doc = (await deps.folders.documents(i.key)).find((d) => documentViewId(d) === docId);
    if (!doc) throw notFound();
    res.json(presentDocument(doc, locale));
  });

  /**
   * Upload: the raw file as the body, `?name=&type=`. Confidential types go to the confidential library and only
   * coordinators may send them; the folder client uses an upload session above 4 MB.
   */
  r.put('/internships/:id/folder/documents', async (req, res) => {
    const i = await loadInternship(deps, req, 'folder.write');
    const { actor, locale } = ctxOf(req);
    const mayWriteConfidential = canOnInternship(actor, 'confidential.write', i);
    const type = req.query.type;
    if (isDocumentKey(type) && isConfidentialType(type) && !mayWriteConfidential) {
      req.resume();
      throw forbidden();
    }
    const declared = Number(req.header('content-length') ?? NaN);
    const checked = checkUpload(
      {
        name: req.query.name,
        type,
        ...(Number.isFinite(declared) ? { size: declared } : {}),
        mayWriteConfidential,
      },
      locale,
    );
    if (!checked.ok) {
      req.resume();
      throw invalidInput(checked.errors);
    }
    const content = await readBody(req, MAX_UPLOAD_BYTES);
    const measured = checkUpload(
      { name: checked.name, type, size: content.length, mayWriteConfidential },
      locale,
    );
    if (!measured.ok) throw invalidInput(measured.errors);
    // A final work has one way in, whichever form sends it: replacing a published one withdraws its copy.
    const doc =
      checked.type === 'finalWork'
        ? finalWorkDocument(await deps.repos.finalWorks.upload(i, { name: checked.name, content }))
        : await deps.folders.upload(i, {
            name: checked.name,
            content,
            ...(checked.type
              ? { documentType: checked.type, confidential: isConfidentialType(checked.type) }
              : {}),
          });
    deps.logger.info('document uploaded', {
      internship: i.key,
      type: checked.type,
      size: content.length,
      confidential: doc.confidential,
    });
    res.status(201).json(presentDocument(doc, locale));
  });

  return r;
}
