import { Router, type Request } from 'express';
import { z } from 'zod';
import { canInOrganisation } from '../../domain/access';
import type { Locale } from '../../domain/i18n';
import { computeYearlyReport, reportYears } from '../../domain/report';
import { validate } from '../../domain/validation';
import type { ReportView } from '../../domain/views-policy';
import type { ServerDeps } from '../deps';
import { forbidden, invalidInput } from '../http/api-error';
import { ctxOf } from '../http/create-app';
import { reportCsv, reportXlsx } from '../presenters/report-presenter';

const reportQuery = z.strictObject({
  year: z
    .string()
    .regex(/^\d{4}$/)
    .transform(Number)
    .pipe(z.number().int().min(2000).max(2100))
    .optional(),
  format: z.enum(['csv', 'xlsx']).optional(),
  /** `json`: the file base64-encoded in JSON, for the tab (its API client sends the token and reads JSON only). */
  envelope: z.enum(['json']).optional(),
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The yearly policy evaluation (toolbox A5) with figures from the data, and its CSV and XLSX exports. Coordinators
 * only: it names mentors and counts per school.
 */
export function reportRoutes(deps: ServerDeps): Router {
  const r = Router();

  async function build(
    req: Request,
  ): Promise<{ view: ReportView; locale: Locale; format?: 'csv' | 'xlsx'; envelope?: 'json' }> {
    const { actor, locale } = ctxOf(req);
    if (!canInOrganisation(actor, 'reports.read')) throw forbidden();
    const q = validate(reportQuery, req.query, locale);
    if (!q.ok) throw invalidInput(q.errors);
    const settings = await deps.organisation.current();
    const [internships, mentorSurveys, internSurveys, partners] = await Promise.all([
      deps.repos.internships.all(),
      deps.repos.evaluations.byQuestionnaire('satisfactionMentor'),
      deps.repos.evaluations.byQuestionnaire('satisfactionIntern'),
      deps.repos.partners.schools(),
    ]);
    const years = reportYears(internships);
    // Default: this year when it has figures (the evaluation in progress), else the latest year that has.
    const thisYear = deps.clock.now().getUTCFullYear();
    const year = q.value.year ?? (years.includes(thisYear) ? thisYear : (years[0] ?? thisYear));
    const report = computeYearlyReport({
      year,
      internships,
      surveys: [...mentorSurveys, ...internSurveys],
      schools: partners.map((p) => ({ key: p.key, name: p.name })),
      serviceName: (k) => deps.organisation.serviceName(settings, k, locale),
      locale,
    });
    return {
      view: { ...report, years },
      locale,
      ...(q.value.format ? { format: q.value.format } : {}),
      ...(q.value.envelope ? { envelope: q.value.envelope } : {}),
    };
  }

  r.get('/reports/yearly', async (req, res) => {
    res.json((await build(req)).view);
  });

  /** `?format=csv|xlsx&year=YYYY`; as a download, or wrapped in JSON with `envelope=json`. */
  r.get('/reports/yearly/export', async (req, res) => {
    const { view, locale, format = 'csv', envelope } = await build(req);
    const filename = `stagemap-report-${view.year}.${format}`;
    const body =
      format === 'csv' ? Buffer.from(reportCsv(view, locale), 'utf8') : await reportXlsx(view, locale);
    const type = format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE;
    if (envelope === 'json') {
      res.json({ filename, contentType: type, base64: body.toString('base64') });
      return;
    }
    res.setHeader('content-type', type);
    res.setHeader('content-disposition', `attachment; filename="${filename}"`);
    res.setHeader('cache-control', 'no-store');
    res.send(body);
  });

  return r;
}
