import type { ActionFields, Rag, Role, UpdateSource } from '../../../bot/plan/types.js';
import type { GeneratedOrganisation } from './organisations.js';

/** One history row of a generated action. */
export interface GeneratedUpdate {
  actorName: string;
  actorChatId: string | null;
  at: Date;
  ragFrom: Rag;
  ragTo: Rag;
  note: string;
  progress: number | null;
  source: UpdateSource;
}

/** A generated action; `theme` indexes the plan's themes and `leads` the partnership's organisations. */
export interface GeneratedAction extends ActionFields {
  theme: number;
  progress: number | null;
  version: number;
  updatedAt: Date;
  leads: number[];
  history: GeneratedUpdate[];
}

/** A generated person; `organisation` indexes the partnership's organisations. */
export interface GeneratedPerson {
  chatId: string;
  displayName: string;
  email: string | null;
  organisation: number | null;
  role: Role;
  panelMember: boolean;
  createdAt: Date;
}

/** A stored conversation reference: the partnership's team channel, or a coordinator's personal chat. */
export interface GeneratedConversation {
  conversationId: string;
  kind: 'channel' | 'personal';
  reference: Record<string, unknown>;
  serviceUrl: string;
  tenantId: string;
  userChatId: string | null;
  announcements: boolean;
  createdAt: Date;
}

/** Everything generated for one partnership, as plain data (no database ids). */
export interface GeneratedPartnership {
  name: string;
  tenantId: string;
  createdAt: Date;
  plan: { title: string; period: string; objectives: string[]; sourceFile: string; importedAt: Date };
  themes: string[];
  organisations: GeneratedOrganisation[];
  actions: GeneratedAction[];
  people: GeneratedPerson[];
  conversations: GeneratedConversation[];
}
