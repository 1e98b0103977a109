import type { Answer, Speaker } from './answers.js';
import { COORDINATOR_QUESTIONS } from './table-coordinator.js';
import { BUSINESS_QUESTIONS, FAITH_QUESTIONS, HEALTH_QUESTIONS, PROBATION_QUESTIONS, SCHOOL_QUESTIONS } from './table-partners.js';
import { COUNCIL_QUESTIONS, POLICE_QUESTIONS } from './table-police-council.js';

/** Each partner's questions on the demo plan (today 22 November 2026), with the exact answer expected. */
export const TABLES: Record<string, [string, Answer, Speaker?][]> = {
  police: POLICE_QUESTIONS,
  council: COUNCIL_QUESTIONS,
  schools: SCHOOL_QUESTIONS,
  health: HEALTH_QUESTIONS,
  probation: PROBATION_QUESTIONS,
  faith: FAITH_QUESTIONS,
  business: BUSINESS_QUESTIONS,
  coordinator: COORDINATOR_QUESTIONS,
};
