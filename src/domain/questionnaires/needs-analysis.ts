/**
 * The "Behoefteanalyse" template (toolbox B1 and C1): a service describes a possible internship assignment, the
 * coordinator selects the ones that fit the policy. The assignment fields follow C3's "projects, not tasks"
 * briefing (description, context, contacts, quality criteria, deadlines), so a selected assignment is already the
 * mentor's project brief.
 */
import type { Questionnaire } from '../questionnaires';
import { STUDY_LEVEL_CHOICES } from './common';

export const NEEDS_ANALYSIS: Questionnaire = {
  key: 'needsAnalysis',
  source: 'B1',
  respondent: 'serviceHead',
  title: {
    nl: 'Behoefteanalyse',
    fr: 'Analyse des besoins',
    de: 'Bedarfsanalyse',
    en: 'Needs analysis',
  },
  intro: {
    nl: 'Beschrijf een mogelijke stageopdracht in je dienst, bij voorkeur samen met de stagecoördinator. Formuleer ze als een project, niet als een lijst taken.',
    fr: 'Décrivez une mission de stage possible dans votre service, de préférence avec le coordinateur des stages. Formulez-la comme un projet, pas comme une liste de tâches.',
    de: 'Einen möglichen Praktikumsauftrag im eigenen Dienst beschreiben, am besten gemeinsam mit dem Praktikumskoordinator. Als Projekt formulieren, nicht als Aufgabenliste.',
    en: 'Describe a possible internship assignment in your service, preferably together with the coordinator. Write it as a project, not as a list of tasks.',
  },
  questions: [
    {
      key: 'needsAnalysis.service',
      kind: 'text',
      required: true,
      source: 'B1',
      text: {
        nl: 'Dienst of team',
        fr: 'Service ou équipe',
        de: 'Dienst oder Team',
        en: 'Service or team',
      },
    },
    {
      key: 'needsAnalysis.title',
      kind: 'text',
      required: true,
      source: 'B1',
      text: {
        nl: 'Titel van de stageopdracht',
        fr: 'Intitulé de la mission de stage',
        de: 'Titel des Praktikumsauftrags',
        en: 'Assignment title',
      },
    },
    {
      key: 'needsAnalysis.description',
      kind: 'longText',
      required: true,
      source: 'C3',
      text: {
        nl: 'Beschrijving van de opdracht',
        fr: 'Description de la mission',
        de: 'Beschreibung des Auftrags',
        en: 'Description of the assignment',
      },
    },
    {
      key: 'needsAnalysis.context',
      kind: 'longText',
      required: true,
      source: 'C3',
      text: {
        nl: 'Context van de opdracht',
        fr: 'Contexte de la mission',
        de: 'Kontext des Auftrags',
        en: 'Context of the assignment',
      },
    },
    {
      key: 'needsAnalysis.contactPersons',
      kind: 'text',
      required: false,
      source: 'C3',
      text: {
        nl: 'Contactpersonen',
        fr: 'Personnes de contact',
        de: 'Ansprechpartner',
        en: 'Contact persons',
      },
    },
    {
      key: 'needsAnalysis.qualityCriteria',
      kind: 'longText',
      required: true,
      source: 'C3',
      text: {
        nl: 'Kwaliteitscriteria',
        fr: 'Critères de qualité',
        de: 'Qualitätskriterien',
        en: 'Quality criteria',
      },
    },
    {
      key: 'needsAnalysis.deadlines',
      kind: 'longText',
      required: false,
      source: 'C3',
      text: {
        nl: 'Deadlines en mijlpalen',
        fr: 'Échéances et étapes clés',
        de: 'Fristen und Meilensteine',
        en: 'Deadlines and milestones',
      },
    },
    {
      key: 'needsAnalysis.period',
      kind: 'text',
      required: false,
      source: 'B1',
      text: {
        nl: 'Gewenste periode en duur',
        fr: 'Période et durée souhaitées',
        de: 'Gewünschter Zeitraum und Dauer',
        en: 'Preferred period and length',
      },
    },
    {
      key: 'needsAnalysis.education',
      kind: 'text',
      required: true,
      source: 'B1',
      text: {
        nl: 'Gezochte opleiding of studierichting',
        fr: 'Formation ou filière recherchée',
        de: 'Gesuchte Ausbildung oder Studienrichtung',
        en: 'Education or field of study sought',
      },
    },
    {
      key: 'needsAnalysis.level',
      kind: 'choice',
      required: true,
      source: 'B1',
      choices: STUDY_LEVEL_CHOICES,
      text: {
        nl: 'Gezocht onderwijsniveau',
        fr: "Niveau d'études recherché",
        de: 'Gesuchtes Bildungsniveau',
        en: 'Level of education sought',
      },
    },
    {
      key: 'needsAnalysis.profile',
      kind: 'longText',
      required: false,
      source: 'B1',
      text: {
        nl: 'Gezocht profiel',
        fr: 'Profil recherché',
        de: 'Gesuchtes Profil',
        en: 'Profile sought',
      },
      help: {
        nl: 'Welke kennis, vaardigheden en houding verwacht je van de stagiair?',
        fr: 'Quelles connaissances, compétences et attitudes attendez-vous du stagiaire ?',
        de: 'Welche Kenntnisse, Fähigkeiten und Haltung werden vom Praktikanten erwartet?',
        en: 'What knowledge, skills and attitude do you expect from the intern?',
      },
    },
    {
      key: 'needsAnalysis.numberOfInterns',
      kind: 'number',
      required: true,
      source: 'B1',
      text: {
        nl: 'Aantal stagiairs',
        fr: 'Nombre de stagiaires',
        de: 'Anzahl der Praktikanten',
        en: 'Number of interns',
      },
    },
    {
      key: 'needsAnalysis.researchProject',
      kind: 'yesNo',
      required: true,
      source: 'B1',
      text: {
        nl: 'Gaat het om een onderzoeksproject?',
        fr: "S'agit-il d'un projet de recherche ?",
        de: 'Handelt es sich um ein Forschungsprojekt?',
        en: 'Is this a research project?',
      },
    },
    {
      key: 'needsAnalysis.proposedMentor',
      kind: 'text',
      required: true,
      source: 'C1',
      text: {
        nl: 'Voorgestelde stagementor',
        fr: 'Maître de stage proposé',
        de: 'Vorgeschlagener Praktikumsbetreuer',
        en: 'Proposed mentor',
      },
      help: {
        nl: 'Geen stageplaats zonder interne stagementor.',
        fr: 'Pas de place de stage sans maître de stage interne.',
        de: 'Kein Praktikumsplatz ohne internen Praktikumsbetreuer.',
        en: 'No internship place without an internal mentor.',
      },
    },
    {
      key: 'needsAnalysis.proposedBackup',
      kind: 'text',
      required: true,
      source: 'C3',
      text: {
        nl: 'Voorgestelde back-up',
        fr: 'Back-up proposé',
        de: 'Vorgeschlagene Vertretung',
        en: 'Proposed back-up',
      },
    },
  ],
};
