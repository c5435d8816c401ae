import { z } from 'zod';
import { PHASES } from './internship';
import {
  answerValue,
  decisionInput,
  email,
  id,
  isoDate,
  isoInstant,
  optionalText,
  schoolContactInput,
  text,
} from './validation';

/**
 * Inputs of the internship workflow (issue #5), built from the blocks of validation.ts so that errors read the
 * same everywhere. `null` clears a field; an absent key leaves it as it is (a PATCH writes only what it names).
 */

export const internshipPatchInput = z
  .strictObject({
    internName: text(200).optional(),
    internEmail: email.nullable().optional(),
    service: text(100).optional(),
    topic: text(500).optional(),
    startDate: isoDate.optional(),
    endDate: isoDate.optional(),
    programme: text(200).nullable().optional(),
    schoolSupervisor: schoolContactInput.nullable().optional(),
    mentorId: id.nullable().optional(),
    backupId: id.nullable().optional(),
    serviceHeadId: id.nullable().optional(),
    overviewConsent: z.boolean().optional(),
  })
  .refine((v) => !v.startDate || !v.endDate || v.endDate >= v.startDate, {
    params: { key: 'endBeforeStart' },
    path: ['endDate'],
  })
  .refine((v) => !v.mentorId || v.mentorId !== v.backupId, {
    params: { key: 'mentorIsBackup' },
    path: ['backupId'],
  });
export type InternshipPatchInput = z.output<typeof internshipPatchInput>;

/** The intake interview (toolbox B3): when it was held and the `intake` question set's answers. */
export const interviewInput = z.strictObject({
  interviewAt: isoInstant,
  answers: z.record(z.string().regex(/^[A-Za-z0-9_.-]{1,80}$/), answerValue),
});

/** The decision may name the mentor and back-up in the same step ("no place without an internal mentor"). */
export const decisionWithStaffInput = decisionInput
  .extend({ mentorId: id.optional(), backupId: id.optional() })
  .refine((v) => !v.mentorId || v.mentorId !== v.backupId, {
    params: { key: 'mentorIsBackup' },
    path: ['backupId'],
  });

export const advanceInput = z.strictObject({ target: z.enum(PHASES).optional() });

/** Closing; a waiver reason is the coordinator's explicit decision to close without every answer. */
export const closeInput = z.strictObject({ waiverReason: optionalText(2000) });
