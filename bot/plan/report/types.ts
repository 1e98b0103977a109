import type { PlanView, Rag, UpdateSource } from '../types.js';

/** Header fields a partnership keeps for its board reports (the committee paper's top table). */
export interface ReportSettings {
  committee: string;
  subject: string;
  /** "Public" or "Non-public" on the paper */
  public: boolean;
  reportOf: string;
  author: string;
  /** For Information or For Decision */
  purpose: 'For Information' | 'For Decision';
}

/** Counts the coordinator types in when drafting: the only source of Channel figures. */
export interface TypedCounts {
  /** new Channel referrals discussed since the last report */
  channelReferrals?: number;
  /** Channel cases open now */
  channelOpenCases?: number;
  trainingSessions?: number;
  trainingAttendees?: number;
  businessesEngaged?: number;
}

/** One history row as the report reads it (an ActionUpdate). */
export interface ReportHistoryEntry {
  actionId: number;
  at: string;
  ragFrom: Rag;
  ragTo: Rag;
  note: string;
  progress: number | null;
  source: UpdateSource;
}

/** Everything a report is drafted from; the caller loads it, the composer only reads it. */
export interface ReportInput {
  plan: PlanView;
  /** every history entry of the plan (at least those since the period start), any order */
  history: ReportHistoryEntry[];
  settings: ReportSettings;
  /** YYYY-MM-DD of the board meeting the report is for */
  meetingDate: string;
  /** YYYY-MM-DD of the meeting after it (default: three months later) */
  nextMeetingDate?: string;
  /** YYYY-MM-DD, first day of the period (local) */
  since: string;
  /** the drafting instant: the period ends here */
  at: Date;
  counts: TypedCounts;
  /** toolkit sections per action id, when the plan is tagged */
  toolkit?: Record<number, string[]>;
}

/** How an action moved in the period, judged on its RAG at the start and at the end. */
export type Direction = 'completed' | 'newly red' | 'improved' | 'worsened';

export interface Movement {
  ref: number;
  title: string;
  theme: string;
  from: Rag;
  to: Rag;
  direction: Direction;
  /** the latest note given in the period ('' when none) */
  note: string;
  /** YYYY-MM-DD of the last change */
  on: string;
}

/** An action listed with its latest note (overdue, slipped, due soon). */
export interface ListedAction {
  ref: number;
  title: string;
  rag: Rag;
  dueDate: string | null;
  leads: string[];
  latestNote: string;
  /** the latest note was left out by the confidentiality check */
  noteWithheld?: boolean;
}

export interface TargetProgress {
  ref: number;
  title: string;
  target: number;
  progress: number;
  progressAtStart: number | null;
  unit: string;
}

export interface Highlight {
  ref: number;
  title: string;
  notes: { on: string; text: string }[];
}

/** RAG counts on one day of the period (for the chart). */
export interface RagPoint {
  date: string;
  counts: Record<Rag, number>;
}

/** A numbered paragraph of the main report, under a heading. */
export interface ReportSection {
  heading: string;
  paragraphs: { number: number; text: string }[];
}

/** A note left out of the report because the confidentiality check refused it. */
export interface Withheld {
  ref: number;
  reason: string;
}

/** A drafted board report: plain data every renderer (Word, Markdown, card) reads. */
export interface BoardReport {
  header: ReportSettings & { meetingDate: string };
  partnership: string;
  planTitle: string;
  period: { from: string; to: string };
  summary: string;
  recommendations: string[];
  sections: ReportSection[];
  ragCounts: { rag: Rag; atStart: number; now: number }[];
  series: RagPoint[];
  movements: Movement[];
  targets: TargetProgress[];
  highlights: { theme: string; items: Highlight[] }[];
  overdue: ListedAction[];
  slipped: ListedAction[];
  dueBeforeNext: ListedAction[];
  nextMeetingDate: string;
  counts: TypedCounts;
  coverage: { covered: string[]; uncovered: string[] } | null;
  withheld: Withheld[];
}
