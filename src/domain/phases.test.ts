import { describe, expect, it } from 'vitest';
import { backup, buildInternship, mentor } from './factories';
import { LOCALES } from './i18n';
import { PHASES, type Phase } from './internship';
import {
  advance,
  checkGate,
  GATE_REASON_TEXTS,
  noFacts,
  PHASE_NAMES,
  recordDecision,
  stopEarly,
  waiveClosingRequirements,
  type GateFacts,
  type GateResult,
  type Transition,
} from './phases';

const codes = (r: GateResult | Transition<unknown>) => ('reasons' in r ? r.reasons.map((x) => x.code) : []);
const facts = (f: Partial<GateFacts> = {}): GateFacts => ({ ...noFacts(), ...f });
const now = new Date('2027-01-10T10:00:00Z');

describe('request → preparation', () => {
  it('needs intern, service, topic and a valid period', () => {
    const i = buildInternship({ service: ' ', topic: '', endDate: '2027-01-01' });
    expect(codes(checkGate(i, 'preparation', facts(), '2027-01-01'))).toEqual([
      'missingService',
      'missingTopic',
      'invalidPeriod',
    ]);
    expect(checkGate(buildInternship(), 'preparation', facts(), '2027-01-01').ok).toBe(true);
  });

  it('refuses skipping phases and moving a closed internship', () => {
    expect(codes(checkGate(buildInternship(), 'execution', facts(), '2027-01-01'))).toEqual(['notNextPhase']);
    expect(codes(checkGate(buildInternship({ phase: 'closed' }), 'stopped', facts(), '2027-01-01'))).toEqual([
      'terminal',
    ]);
  });
});

describe('preparation → decision', () => {
  it('needs the interview held and its report recorded', () => {
    const i = buildInternship({ phase: 'preparation' });
    expect(codes(checkGate(i, 'decision', facts(), '2027-01-01'))).toEqual([
      'interviewNotHeld',
      'interviewReportMissing',
    ]);
    const held = { ...i, interviewAt: '2027-01-05T10:00:00Z' };
    expect(checkGate(held, 'decision', facts({ interviewReportRecorded: true }), '2027-01-06').ok).toBe(true);
  });
});

describe('recording the decision (toolbox B3, seed 002)', () => {
  const base = buildInternship({ phase: 'decision', interviewAt: '2027-01-05T10:00:00Z' });
  const ok = facts({ interviewReportRecorded: true });

  it('refuses to accept without a mentor AND a back-up', () => {
    expect(codes(recordDecision(base, 'accepted', ok, 'coordinator', '2027-01-06T09:00:00Z'))).toEqual([
      'missingMentor',
      'missingBackup',
    ]);
    expect(
      codes(recordDecision({ ...base, mentor }, 'accepted', ok, 'coordinator', '2027-01-06T09:00:00Z')),
    ).toEqual(['missingBackup']);
    expect(
      codes(
        recordDecision(
          { ...base, mentor, backup: mentor },
          'accepted',
          ok,
          'coordinator',
          '2027-01-06T09:00:00Z',
        ),
      ),
    ).toEqual(['mentorIsBackup']);
  });

  it('accepts with mentor and back-up, after the interview', () => {
    const r = recordDecision(
      { ...base, mentor, backup },
      'accepted',
      ok,
      'coordinator',
      '2027-01-06T09:00:00Z',
    );
    expect(r.ok && r.value.decision).toBe('accepted');
    expect(r.ok && r.value.decisionAt).toBe('2027-01-06T09:00:00Z');
  });

  it('never during the interview', () => {
    const r = recordDecision(
      { ...base, mentor, backup },
      'accepted',
      ok,
      'coordinator',
      '2027-01-05T10:00:00Z',
    );
    expect(codes(r)).toEqual(['decisionDuringInterview']);
  });

  it('a refusal needs no mentor, but still the interview; only coordinators decide', () => {
    expect(recordDecision(base, 'refused', ok, 'coordinator', '2027-01-06T09:00:00Z').ok).toBe(true);
    expect(codes(recordDecision(base, 'refused', ok, 'mentor', '2027-01-06T09:00:00Z'))).toEqual([
      'roleNotAllowed',
    ]);
    expect(
      codes(
        recordDecision(
          { ...base, interviewAt: undefined },
          'refused',
          ok,
          'coordinator',
          '2027-01-06T09:00:00Z',
        ),
      ),
    ).toEqual(['interviewNotHeld']);
  });
});

describe('decision → execution (start)', () => {
  const decided = buildInternship({ phase: 'decision', decision: 'accepted', mentor, backup });

  it('needs the required documents and the logistics checklist done', () => {
    const r = checkGate(
      decided,
      'execution',
      facts({ missingStartDocuments: ['schoolAgreement'], openLogisticsItems: ['logistics.badges'] }),
      '2027-01-30',
    );
    expect(r.reasons).toEqual([
      { code: 'missingDocuments', items: ['schoolAgreement'] },
      { code: 'logisticsOpen', items: ['logistics.badges'] },
    ]);
    expect(checkGate(decided, 'execution', facts(), '2027-01-30').ok).toBe(true);
  });

  it('refuses a refused candidate or one without decision', () => {
    expect(codes(checkGate({ ...decided, decision: 'refused' }, 'execution', facts(), '2027-01-30'))).toEqual(
      ['refused'],
    );
    expect(codes(checkGate({ ...decided, decision: undefined }, 'execution', facts(), '2027-01-30'))).toEqual(
      ['noDecision'],
    );
  });
});

describe('execution → evaluation → closed', () => {
  const running = buildInternship({
    phase: 'execution',
    decision: 'accepted',
    mentor,
    backup,
    endDate: '2027-04-30',
  });

  it('evaluation starts in the last week', () => {
    expect(codes(checkGate(running, 'evaluation', facts(), '2027-04-23'))).toEqual(['beforeLastWeek']);
    expect(checkGate(running, 'evaluation', facts(), '2027-04-24').ok).toBe(true);
  });

  it('closing needs the final evaluation and both satisfaction surveys', () => {
    const evaluating = { ...running, phase: 'evaluation' as Phase };
    expect(
      codes(checkGate(evaluating, 'closed', facts({ finalEvaluationDone: true }), '2027-05-10')),
    ).toEqual(['satisfactionMentorMissing', 'satisfactionInternMissing']);
    const all = facts({
      finalEvaluationDone: true,
      satisfactionMentorDone: true,
      satisfactionInternDone: true,
    });
    expect(checkGate(evaluating, 'closed', all, '2027-05-10').ok).toBe(true);
  });

  it('or an explicit, logged waiver by a coordinator with a reason', () => {
    const evaluating = { ...running, phase: 'evaluation' as Phase };
    expect(
      codes(waiveClosingRequirements(evaluating, 'mentor', 'u-mentor', 'x', '2027-05-10T09:00:00Z')),
    ).toEqual(['roleNotAllowed']);
    expect(
      codes(waiveClosingRequirements(evaluating, 'coordinator', 'u-coord', '  ', '2027-05-10T09:00:00Z')),
    ).toEqual(['waiverReasonMissing']);
    const w = waiveClosingRequirements(
      evaluating,
      'coordinator',
      'u-coord',
      'Intern abroad, survey by mail',
      '2027-05-10T09:00:00Z',
    );
    expect(w.ok).toBe(true);
    if (!w.ok) return;
    expect(w.value.closingWaiver).toEqual({
      by: 'u-coord',
      at: '2027-05-10T09:00:00Z',
      reason: 'Intern abroad, survey by mail',
    });
    expect(advance(w.value, 'closed', facts(), 'coordinator', new Date('2027-05-10T10:00:00Z')).ok).toBe(
      true,
    );
  });
});

describe('advance', () => {
  it('checks the role before the gate', () => {
    const r = advance(buildInternship(), 'preparation', facts(), 'mentor', now);
    expect(codes(r)).toEqual(['roleNotAllowed']);
    const ok = advance(buildInternship(), 'preparation', facts(), 'coordinator', now);
    expect(ok.ok && ok.value.phase).toBe('preparation');
  });
});

describe('stopping early (toolbox A4)', () => {
  it('needs who and why, from any open phase', () => {
    const i = buildInternship({ phase: 'execution' });
    expect(codes(stopEarly(i, undefined, '', 'coordinator', '2027-03-01T09:00:00Z'))).toEqual([
      'stoppedByMissing',
      'stopReasonMissing',
    ]);
    const r = stopEarly(i, 'school', ' Student changed programme ', 'mentor', '2027-03-01T09:00:00Z');
    expect(r.ok && r.value).toMatchObject({
      phase: 'stopped',
      stoppedBy: 'school',
      stopReason: 'Student changed programme',
    });
    expect(
      codes(stopEarly({ ...i, phase: 'stopped' }, 'school', 'x', 'coordinator', '2027-03-01T09:00:00Z')),
    ).toEqual(['terminal']);
    expect(codes(stopEarly(i, 'school', 'x', 'intern', '2027-03-01T09:00:00Z'))).toEqual(['roleNotAllowed']);
  });
});

describe('texts', () => {
  it('every phase and gate reason has four distinct languages', () => {
    for (const text of [...PHASES.map((p) => PHASE_NAMES[p]), ...Object.values(GATE_REASON_TEXTS)]) {
      for (const l of LOCALES) expect(text[l].trim().length).toBeGreaterThan(0);
      expect(new Set(LOCALES.map((l) => text[l])).size).toBe(4);
    }
  });
});
