import {
  canInOrganisation,
  INTERNSHIP_ACTIONS,
  INTERNSHIP_MATRIX,
  ORG_ACTIONS,
  type Actor,
  type Relation,
} from './access';

const RELATIONS: Relation[] = ['coordinator', 'mentor', 'backup', 'intern', 'serviceHead', 'staff'];

/** docs/permissions.md, generated from the rules so the document cannot drift from the code (a test compares). */
export function permissionsMarkdown(): string {
  const yes = '✅';
  const no = '—';
  const lines: string[] = [
    '# Permissions',
    '',
    'Generated from `src/domain/access.ts` (`npm run docs:permissions`); `src/domain/access-matrix-doc.test.ts` fails when',
    'this file and the code disagree. The API enforces these rules on every route; the tab only hides what is refused.',
    '',
    'Relations are per internship: a user is a mentor *of that internship*. Coordinators are listed in Settings;',
    'service heads are the heads of the internship\'s service. "staff" is every signed-in member of the organisation.',
    '',
    '## On one internship',
    '',
    `| action | ${RELATIONS.join(' | ')} |`,
    `|---|${RELATIONS.map(() => ':-:').join('|')}|`,
  ];
  for (const action of INTERNSHIP_ACTIONS) {
    const allowed = INTERNSHIP_MATRIX[action];
    lines.push(`| \`${action}\` | ${RELATIONS.map((r) => (allowed.includes(r) ? yes : no)).join(' | ')} |`);
  }
  const actors: [string, Actor][] = [
    ['coordinator', { userId: 'c', isCoordinator: true, headOfServices: [] }],
    ['service head', { userId: 'h', isCoordinator: false, headOfServices: ['S'] }],
    ['staff', { userId: 's', isCoordinator: false, headOfServices: [] }],
  ];
  lines.push(
    '',
    '## In the organisation',
    '',
    `| action | ${actors.map(([n]) => n).join(' | ')} |`,
    `|---|${actors.map(() => ':-:').join('|')}|`,
  );
  for (const action of ORG_ACTIONS) {
    lines.push(
      `| \`${action}\` | ${actors.map(([, a]) => (canInOrganisation(a, action) ? yes : no)).join(' | ')} |`,
    );
  }
  lines.push(
    '',
    'Service heads propose assignments only for the services they head. Mentors, back-ups and interns have no',
    'organisation-wide rights beyond staff: what they see comes from their relation to an internship.',
    '',
  );
  return lines.join('\n');
}
