import type { LocalizedText, Locale } from './i18n';
import type { Decision, Internship, IsoInstant, Phase, Role, StoppedBy } from './internship';
import { STOPPED_BY } from './internship';

/**
 * The trajectory of seed 002 ("stageaanvraag, voorbereiding, beslissing, uitvoering, evaluatie en rapportering")
 * as a state machine. Each forward step has a gate; a gate that is not met answers with reasons the UI shows.
 */
export const FORWARD: Readonly<Record<Phase, Phase | null>> = {
  request: 'preparation',
  preparation: 'decision',
  decision: 'execution',
  execution: 'evaluation',
  evaluation: 'closed',
  closed: null,
  stopped: null,
};

export const TERMINAL_PHASES: readonly Phase[] = ['closed', 'stopped'];
export const isTerminal = (p: Phase): boolean => TERMINAL_PHASES.includes(p);

/** Facts about an internship that live outside its own record (checklists, documents, answers), gathered by the caller. */
export interface GateFacts {
  /** Keys of document types required before start that are not in the folder yet. */
  missingStartDocuments: string[];
  /** Keys of open items of the checklists that the start gate requires (logistics & administration, B4). */
  openLogisticsItems: string[];
  /** Whether the intake interview's report (question set, advice of mentor and coordinator) is recorded. */
  interviewReportRecorded: boolean;
  finalEvaluationDone: boolean;
  satisfactionMentorDone: boolean;
  satisfactionInternDone: boolean;
}

export const noFacts = (): GateFacts => ({
  missingStartDocuments: [],
  openLogisticsItems: [],
  interviewReportRecorded: false,
  finalEvaluationDone: false,
  satisfactionMentorDone: false,
  satisfactionInternDone: false,
});

export type GateReasonCode =
  | 'terminal'
  | 'notNextPhase'
  | 'missingIntern'
  | 'missingService'
  | 'missingTopic'
  | 'invalidPeriod'
  | 'interviewNotHeld'
  | 'interviewReportMissing'
  | 'decisionDuringInterview'
  | 'noDecision'
  | 'refused'
  | 'missingMentor'
  | 'missingBackup'
  | 'mentorIsBackup'
  | 'missingDocuments'
  | 'logisticsOpen'
  | 'beforeLastWeek'
  | 'finalEvaluationMissing'
  | 'satisfactionMentorMissing'
  | 'satisfactionInternMissing'
  | 'waiverReasonMissing'
  | 'stopReasonMissing'
  | 'stoppedByMissing'
  | 'roleNotAllowed';

export interface GateReason {
  code: GateReasonCode;
  /** Keys the UI resolves (document type keys, checklist item keys). */
  items?: string[];
}

export interface GateResult {
  ok: boolean;
  reasons: GateReason[];
}

const result = (reasons: GateReason[]): GateResult => ({ ok: reasons.length === 0, reasons });

/** Who may move an internship into each phase. Coordinators run the process; mentors may stop (toolbox A4). */
export const ROLES_FOR_PHASE: Readonly<Record<Phase, readonly Role[]>> = {
  request: ['coordinator'],
  preparation: ['coordinator'],
  decision: ['coordinator'],
  execution: ['coordinator'],
  evaluation: ['coordinator', 'mentor'],
  closed: ['coordinator'],
  stopped: ['coordinator', 'mentor'],
};

/** The fields a request needs before preparation starts (registration, seed 002). */
function requestComplete(i: Internship): GateReason[] {
  const r: GateReason[] = [];
  if (!i.intern?.displayName?.trim()) r.push({ code: 'missingIntern' });
  if (!i.service?.trim()) r.push({ code: 'missingService' });
  if (!i.topic?.trim()) r.push({ code: 'missingTopic' });
  if (!i.startDate || !i.endDate || i.endDate < i.startDate) r.push({ code: 'invalidPeriod' });
  return r;
}

/** The gate into `target`, given the internship as it is and the outside facts. */
export function checkGate(i: Internship, target: Phase, facts: GateFacts, today: string): GateResult {
  if (isTerminal(i.phase)) return result([{ code: 'terminal' }]);
  if (target === 'stopped') return result([]);
  if (FORWARD[i.phase] !== target) return result([{ code: 'notNextPhase' }]);
  switch (target) {
    case 'preparation':
      return result(requestComplete(i));
    case 'decision': {
      // Preparation = registration, intake interview with the question set, advice of mentor and coordinator.
      const r = requestComplete(i);
      if (!i.interviewAt) r.push({ code: 'interviewNotHeld' });
      if (!facts.interviewReportRecorded) r.push({ code: 'interviewReportMissing' });
      return result(r);
    }
    case 'execution': {
      const r: GateReason[] = [];
      if (!i.decision) r.push({ code: 'noDecision' });
      else if (i.decision === 'refused') r.push({ code: 'refused' });
      r.push(...staffingReasons(i));
      if (facts.missingStartDocuments.length > 0)
        r.push({ code: 'missingDocuments', items: [...facts.missingStartDocuments] });
      if (facts.openLogisticsItems.length > 0)
        r.push({ code: 'logisticsOpen', items: [...facts.openLogisticsItems] });
      return result(r);
    }
    case 'evaluation': {
      // The final evaluation happens in the last week; earlier, the internship is still being executed.
      const r: GateReason[] = [];
      if (lastWeekStart(i.endDate) > today) r.push({ code: 'beforeLastWeek' });
      return result(r);
    }
    case 'closed': {
      if (i.closingWaiver)
        return result(i.closingWaiver.reason.trim() ? [] : [{ code: 'waiverReasonMissing' }]);
      const r: GateReason[] = [];
      if (!facts.finalEvaluationDone) r.push({ code: 'finalEvaluationMissing' });
      if (!facts.satisfactionMentorDone) r.push({ code: 'satisfactionMentorMissing' });
      if (!facts.satisfactionInternDone) r.push({ code: 'satisfactionInternMissing' });
      return result(r);
    }
    default:
      return result([{ code: 'notNextPhase' }]);
  }
}

/** "No internship place without an internal mentor" (seed 002), and a back-up who replaces them (toolbox C3). */
function staffingReasons(i: Internship): GateReason[] {
  const r: GateReason[] = [];
  if (!i.mentor) r.push({ code: 'missingMentor' });
  if (!i.backup) r.push({ code: 'missingBackup' });
  if (i.mentor && i.backup && i.mentor.id === i.backup.id) r.push({ code: 'mentorIsBackup' });
  return r;
}

/** Seven calendar days before the end: the last week, whatever the workdays (the schedule refines moments). */
function lastWeekStart(endDate: string): string {
  const d = new Date(`${endDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 6);
  return d.toISOString().slice(0, 10);
}

export type Transition<T> = { ok: true; value: T } | { ok: false; reasons: GateReason[] };

/** Moves to the next phase when the gate and the actor's role allow it. */
export function advance(
  i: Internship,
  target: Phase,
  facts: GateFacts,
  actor: Role,
  now: Date,
): Transition<Internship> {
  if (!ROLES_FOR_PHASE[target].includes(actor)) return { ok: false, reasons: [{ code: 'roleNotAllowed' }] };
  if (target === 'stopped') return { ok: false, reasons: [{ code: 'stopReasonMissing' }] };
  const gate = checkGate(i, target, facts, now.toISOString().slice(0, 10));
  if (!gate.ok) return { ok: false, reasons: gate.reasons };
  return { ok: true, value: { ...i, phase: target } };
}

/**
 * Records accept/refuse. The toolbox (B3) says: do not announce the decision during the interview; evaluate the
 * conversation first. So a decision needs a held interview and a time after it. Accepting needs a mentor AND a
 * back-up (seed 002: "geen stageplaats zonder interne begeleider").
 */
export function recordDecision(
  i: Internship,
  decision: Decision,
  facts: GateFacts,
  actor: Role,
  at: IsoInstant,
): Transition<Internship> {
  if (actor !== 'coordinator') return { ok: false, reasons: [{ code: 'roleNotAllowed' }] };
  if (i.phase !== 'decision')
    return { ok: false, reasons: [{ code: isTerminal(i.phase) ? 'terminal' : 'notNextPhase' }] };
  const r: GateReason[] = [];
  if (!i.interviewAt) r.push({ code: 'interviewNotHeld' });
  else if (at <= i.interviewAt) r.push({ code: 'decisionDuringInterview' });
  if (!facts.interviewReportRecorded) r.push({ code: 'interviewReportMissing' });
  if (decision === 'accepted') r.push(...staffingReasons(i));
  if (r.length > 0) return { ok: false, reasons: r };
  return { ok: true, value: { ...i, decision, decisionAt: at } };
}

/** Stops early from any open phase; who stopped it (toolbox A4) and why are required. */
export function stopEarly(
  i: Internship,
  by: StoppedBy | undefined,
  reason: string,
  actor: Role,
  at: IsoInstant,
): Transition<Internship> {
  if (!ROLES_FOR_PHASE.stopped.includes(actor)) return { ok: false, reasons: [{ code: 'roleNotAllowed' }] };
  if (isTerminal(i.phase)) return { ok: false, reasons: [{ code: 'terminal' }] };
  const r: GateReason[] = [];
  if (!by || !STOPPED_BY.includes(by)) r.push({ code: 'stoppedByMissing' });
  if (!reason.trim()) r.push({ code: 'stopReasonMissing' });
  if (r.length > 0 || !by) return { ok: false, reasons: r };
  return {
    ok: true,
    value: { ...i, phase: 'stopped', stoppedBy: by, stopReason: reason.trim(), stoppedAt: at },
  };
}

/** A coordinator may close without the final answers, but only explicitly and with a reason that is kept. */
export function waiveClosingRequirements(
  i: Internship,
  actor: Role,
  actorId: string,
  reason: string,
  at: IsoInstant,
): Transition<Internship> {
  if (actor !== 'coordinator') return { ok: false, reasons: [{ code: 'roleNotAllowed' }] };
  if (!reason.trim()) return { ok: false, reasons: [{ code: 'waiverReasonMissing' }] };
  return { ok: true, value: { ...i, closingWaiver: { by: actorId, at, reason: reason.trim() } } };
}

export const PHASE_NAMES: Readonly<Record<Phase, LocalizedText>> = {
  request: { nl: 'Aanvraag', fr: 'Demande', de: 'Antrag', en: 'Request' },
  preparation: { nl: 'Voorbereiding', fr: 'Préparation', de: 'Vorbereitung', en: 'Preparation' },
  decision: { nl: 'Beslissing', fr: 'Décision', de: 'Entscheidung', en: 'Decision' },
  execution: { nl: 'Uitvoering', fr: 'Exécution', de: 'Durchführung', en: 'Execution' },
  evaluation: {
    nl: 'Evaluatie en rapportering',
    fr: 'Évaluation et rapport',
    de: 'Bewertung und Berichterstattung',
    en: 'Evaluation and reporting',
  },
  closed: { nl: 'Afgesloten', fr: 'Clôturé', de: 'Abgeschlossen', en: 'Closed' },
  stopped: {
    nl: 'Vroegtijdig stopgezet',
    fr: 'Arrêté prématurément',
    de: 'Vorzeitig beendet',
    en: 'Stopped early',
  },
};

export const STOPPED_BY_NAMES: Readonly<Record<StoppedBy, LocalizedText>> = {
  intern: {
    nl: 'De stagiair zelf',
    fr: 'Le stagiaire lui-même',
    de: 'Der Praktikant selbst',
    en: 'The intern',
  },
  school: { nl: 'De school', fr: "L'établissement d'enseignement", de: 'Die Schule', en: 'The school' },
  organisation: {
    nl: 'De organisatie',
    fr: "L'organisation",
    de: 'Die Organisation',
    en: 'The organisation',
  },
  mentor: { nl: 'De stagementor', fr: 'Le maître de stage', de: 'Der Praktikumsbetreuer', en: 'The mentor' },
};

export const GATE_REASON_TEXTS: Readonly<Record<GateReasonCode, LocalizedText>> = {
  terminal: {
    nl: 'Deze stage is afgesloten of stopgezet en kan niet meer veranderen.',
    fr: 'Ce stage est clôturé ou arrêté et ne peut plus changer.',
    de: 'Dieses Praktikum ist abgeschlossen oder beendet und kann nicht mehr geändert werden.',
    en: 'This internship is closed or stopped and can no longer change.',
  },
  notNextPhase: {
    nl: 'Een stage doorloopt de fases in volgorde: dit is niet de volgende fase.',
    fr: 'Un stage passe par les phases dans l’ordre : ce n’est pas la phase suivante.',
    de: 'Ein Praktikum durchläuft die Phasen der Reihe nach: Dies ist nicht die nächste Phase.',
    en: 'An internship goes through the phases in order: this is not the next phase.',
  },
  missingIntern: {
    nl: 'Vul de naam van de stagiair in.',
    fr: 'Indiquez le nom du stagiaire.',
    de: 'Geben Sie den Namen des Praktikanten an.',
    en: "Enter the intern's name.",
  },
  missingService: {
    nl: 'Kies de dienst waar de stage plaatsvindt.',
    fr: 'Choisissez le service où se déroule le stage.',
    de: 'Wählen Sie den Dienst, in dem das Praktikum stattfindet.',
    en: 'Choose the service where the internship takes place.',
  },
  missingTopic: {
    nl: 'Beschrijf het stageonderwerp of de stageopdracht.',
    fr: 'Décrivez le sujet ou la mission du stage.',
    de: 'Beschreiben Sie das Thema oder den Auftrag des Praktikums.',
    en: 'Describe the topic or assignment of the internship.',
  },
  invalidPeriod: {
    nl: 'De stageperiode is onvolledig of de einddatum valt voor de begindatum.',
    fr: 'La période de stage est incomplète ou la date de fin précède la date de début.',
    de: 'Der Praktikumszeitraum ist unvollständig oder das Enddatum liegt vor dem Beginn.',
    en: 'The internship period is incomplete or ends before it starts.',
  },
  interviewNotHeld: {
    nl: 'Het kennismakingsgesprek heeft nog niet plaatsgevonden.',
    fr: "L'entretien de sélection n'a pas encore eu lieu.",
    de: 'Das Vorstellungsgespräch hat noch nicht stattgefunden.',
    en: 'The intake interview has not taken place yet.',
  },
  interviewReportMissing: {
    nl: 'Registreer het verslag van het gesprek en het advies van mentor en coördinator.',
    fr: "Enregistrez le compte rendu de l'entretien et l'avis du maître de stage et du coordinateur.",
    de: 'Erfassen Sie den Gesprächsbericht und die Stellungnahme von Betreuer und Koordinator.',
    en: 'Record the interview report and the advice of mentor and coordinator.',
  },
  decisionDuringInterview: {
    nl: 'Beslis pas na het gesprek, niet tijdens het gesprek: neem even de tijd om het te evalueren.',
    fr: "Décidez après l'entretien, pas pendant : prenez le temps de l'évaluer.",
    de: 'Entscheiden Sie erst nach dem Gespräch, nicht währenddessen: Nehmen Sie sich Zeit, es auszuwerten.',
    en: 'Decide after the interview, not during it: take time to evaluate the conversation first.',
  },
  noDecision: {
    nl: 'Er is nog geen beslissing geregistreerd.',
    fr: "Aucune décision n'a encore été enregistrée.",
    de: 'Es wurde noch keine Entscheidung erfasst.',
    en: 'No decision has been recorded yet.',
  },
  refused: {
    nl: 'De kandidaat werd niet aangenomen: deze stage kan niet starten.',
    fr: "Le candidat n'a pas été accepté : ce stage ne peut pas commencer.",
    de: 'Der Bewerber wurde nicht angenommen: Dieses Praktikum kann nicht beginnen.',
    en: 'The candidate was refused: this internship cannot start.',
  },
  missingMentor: {
    nl: 'Duid een stagementor aan: geen stageplaats zonder interne begeleider.',
    fr: 'Désignez un maître de stage : pas de place de stage sans accompagnateur interne.',
    de: 'Benennen Sie einen Praktikumsbetreuer: kein Praktikumsplatz ohne internen Betreuer.',
    en: 'Name a mentor: no internship place without an internal mentor.',
  },
  missingBackup: {
    nl: 'Duid een back-up aan die de mentor vervangt bij afwezigheid.',
    fr: 'Désignez un suppléant qui remplace le maître de stage en son absence.',
    de: 'Benennen Sie eine Vertretung, die den Betreuer bei Abwesenheit ersetzt.',
    en: 'Name a back-up who replaces the mentor when they are away.',
  },
  mentorIsBackup: {
    nl: 'De back-up moet een andere persoon zijn dan de mentor.',
    fr: 'Le suppléant doit être une autre personne que le maître de stage.',
    de: 'Die Vertretung muss eine andere Person als der Betreuer sein.',
    en: 'The back-up must be someone other than the mentor.',
  },
  missingDocuments: {
    nl: 'Verplichte documenten ontbreken nog in de digitale map.',
    fr: 'Des documents obligatoires manquent encore dans le dossier numérique.',
    de: 'In der digitalen Akte fehlen noch Pflichtdokumente.',
    en: 'Required documents are still missing from the digital folder.',
  },
  logisticsOpen: {
    nl: 'De checklist logistiek en administratie is nog niet volledig afgewerkt.',
    fr: "La checklist logistique et administration n'est pas encore complète.",
    de: 'Die Checkliste Logistik und Verwaltung ist noch nicht vollständig abgearbeitet.',
    en: 'The logistics and administration checklist is not complete yet.',
  },
  beforeLastWeek: {
    nl: 'De evaluatiefase begint pas in de laatste stageweek.',
    fr: "La phase d'évaluation ne commence que pendant la dernière semaine de stage.",
    de: 'Die Bewertungsphase beginnt erst in der letzten Praktikumswoche.',
    en: 'The evaluation phase only starts in the last week of the internship.',
  },
  finalEvaluationMissing: {
    nl: 'De eindevaluatie is nog niet ingevuld.',
    fr: "L'évaluation finale n'est pas encore remplie.",
    de: 'Die Abschlussbewertung ist noch nicht ausgefüllt.',
    en: 'The final evaluation has not been filled in yet.',
  },
  satisfactionMentorMissing: {
    nl: 'De tevredenheidsenquête van de stagementor ontbreekt.',
    fr: "L'enquête de satisfaction du maître de stage manque.",
    de: 'Die Zufriedenheitsumfrage des Betreuers fehlt.',
    en: "The mentor's satisfaction survey is missing.",
  },
  satisfactionInternMissing: {
    nl: 'De tevredenheidsenquête van de stagiair ontbreekt.',
    fr: "L'enquête de satisfaction du stagiaire manque.",
    de: 'Die Zufriedenheitsumfrage des Praktikanten fehlt.',
    en: "The intern's satisfaction survey is missing.",
  },
  waiverReasonMissing: {
    nl: 'Geef een reden op om af te sluiten zonder alle evaluaties.',
    fr: 'Indiquez pourquoi vous clôturez sans toutes les évaluations.',
    de: 'Geben Sie an, warum Sie ohne alle Bewertungen abschließen.',
    en: 'Give a reason for closing without all evaluations.',
  },
  stopReasonMissing: {
    nl: 'Geef aan waarom de stage wordt stopgezet.',
    fr: 'Indiquez pourquoi le stage est arrêté.',
    de: 'Geben Sie an, warum das Praktikum beendet wird.',
    en: 'Say why the internship is being stopped.',
  },
  stoppedByMissing: {
    nl: 'Kies wie de stage stopzet: de stagiair, de school, de organisatie of de mentor.',
    fr: "Choisissez qui arrête le stage : le stagiaire, l'établissement, l'organisation ou le maître de stage.",
    de: 'Wählen Sie, wer das Praktikum beendet: der Praktikant, die Schule, die Organisation oder der Betreuer.',
    en: 'Choose who stops the internship: the intern, the school, the organisation or the mentor.',
  },
  roleNotAllowed: {
    nl: 'Uw rol laat deze stap niet toe.',
    fr: 'Votre rôle ne permet pas cette étape.',
    de: 'Ihre Rolle erlaubt diesen Schritt nicht.',
    en: 'Your role does not allow this step.',
  },
};

export const gateReasonText = (reason: GateReason, locale: Locale): string =>
  GATE_REASON_TEXTS[reason.code][locale];
