import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../scripts/lib/local-stack';
import { demoUser, startStack } from '../e2e/support/stack';
import { apiAs, type ApiCaller } from './policy-support';

let stack: LocalStack;
let coordinator: ApiCaller;
let others: ApiCaller[];
beforeAll(async () => {
  stack = await startStack();
  coordinator = await apiAs(stack, demoUser('coordinator'));
  others = await Promise.all(
    (['mentor', 'backup', 'serviceHead', 'intern', 'staff'] as const).map((r) => apiAs(stack, demoUser(r))),
  );
}, 180_000);
afterAll(() => stack?.close());

/** The year's figures counted here from the stored data, independently of src/domain/report.ts. */
async function expected(year: number) {
  const all = await stack.stagemap.deps.repos.internships.all();
  const counted = all.filter(
    (i) =>
      i.decision !== 'refused' &&
      !['request', 'preparation'].includes(i.phase) &&
      (i.phase !== 'decision' || i.decision === 'accepted') &&
      i.startDate.startsWith(String(year)),
  );
  return {
    internships: counted.length,
    mentors: new Set(counted.flatMap((i) => (i.mentor ? [i.mentor.id] : []))).size,
    stopped: counted.filter((i) => i.phase === 'stopped').length,
  };
}

describe('yearly report API', { timeout: 90_000 }, () => {
  it('is for coordinators only (403 for every other role, JSON and exports)', async () => {
    for (const call of others) {
      expect((await call('GET', '/reports/yearly')).status).toBe(403);
      expect((await call('GET', '/reports/yearly/export?format=xlsx')).status).toBe(403);
      expect((await call('GET', '/reports/yearly/export?format=csv')).status).toBe(403);
    }
  });

  it('answers the figures of the year, and the XLSX parses back with the same figures', async () => {
    const first = await (await coordinator('GET', '/reports/yearly')).json();
    expect(first.years.length).toBeGreaterThan(0);
    // The busiest year of the demo, asked for explicitly.
    const year: number = [...first.perYear].sort((a, b) => b.count - a.count)[0].year;
    const view = await (await coordinator('GET', `/reports/yearly?year=${year}`)).json();
    expect(view.year).toBe(year);
    const want = await expected(year);
    expect(want.internships).toBeGreaterThan(5);
    expect(view.totals).toMatchObject({
      internships: want.internships,
      mentors: want.mentors,
      stoppedEarly: want.stopped,
    });
    const perService = view.perService.reduce((n: number, r: { count: number }) => n + r.count, 0);
    expect(perService).toBe(want.internships);
    expect(view.satisfaction.map((s: { respondent: string }) => s.respondent)).toEqual(['mentor', 'intern']);

    const res = await coordinator('GET', `/reports/yearly/export?format=xlsx&year=${year}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain(`stagemap-report-${year}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.bytes()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const find = (section: string, item: string) => rows.find((r) => r[0] === section && r[1] === item)?.[2];
    expect(find('Totals', 'Internships')).toBe(want.internships);
    expect(find('Totals', 'Mentors involved')).toBe(want.mentors);
    expect(find('Totals', 'Stopped early')).toBe(want.stopped);
    expect(find('Interns per year', String(year))).toBe(want.internships);
    for (const s of view.perService) expect(find('Per service', s.label)).toBe(s.count);
    const avg = view.satisfaction[0].average;
    expect(find('Satisfaction: Mentors', 'Average score (1–5)') ?? null).toBe(avg);
  });

  it('CSV: BOM, semicolons, quoting, and a partner named like a formula is neutralised', async () => {
    const created = await coordinator('POST', '/partners', {
      body: {
        name: '=HYPERLINK("http://x")',
        kind: 'other',
        programmes: [],
        contacts: [],
        reviewDue: '2027-01-01',
      },
    });
    expect(created.status).toBe(201);
    const res = await coordinator('GET', '/reports/yearly/export?format=csv', { locale: 'nl' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = await res.bytes();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('Onderdeel;Item;Waarde;Antwoorden');
    const line = lines.find((l) => l.includes('HYPERLINK'));
    expect(line).toBe(`Per school;"'=HYPERLINK(""http://x"")";0;`);
    // No cell of the whole file starts with a formula sign, quoted or not.
    for (const l of lines)
      for (const cell of l.split(';')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@]/);

    const xlsx = await coordinator('GET', '/reports/yearly/export?format=xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.bytes()) as unknown as ArrayBuffer);
    let found: ExcelJS.Cell | undefined;
    wb.worksheets[0]!.eachRow((row) =>
      row.eachCell((c) => {
        if (String(c.value).includes('HYPERLINK')) found = c;
      }),
    );
    expect(found?.type).toBe(ExcelJS.ValueType.String);
    expect(found?.value).toBe(`'=HYPERLINK("http://x")`);
  });

  it('refuses a bad year with a localised 400', async () => {
    const res = await coordinator('GET', '/reports/yearly?year=20x6', { locale: 'fr' });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.fields[0].path).toBe('year');
    expect(error.message).toBe('Certains champs ne sont pas correctement remplis.');
  });
});
