/** How a coordinator or operator named the person a role is for. */
export type Grantee =
  | { kind: 'address'; address: string }
  | { kind: 'teamsUserId'; id: string }
  | { kind: 'objectId'; id: string }
  | { kind: 'displayName'; name: string };

const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TEAMS_USER_ID = /^\d+:\S+$/;
const ADDRESS = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

/** Reads "who" in a grant: an email or user principal name, a Teams user id, an Entra object id, or (never trusted) a display name. */
export function classifyGrantee(who: string): Grantee {
  const text = who.trim();
  if (ADDRESS.test(text)) return { kind: 'address', address: normaliseAddress(text) };
  if (OBJECT_ID.test(text)) return { kind: 'objectId', id: text.toLowerCase() };
  if (TEAMS_USER_ID.test(text)) return { kind: 'teamsUserId', id: text };
  return { kind: 'displayName', name: text };
}

/** Email addresses and user principal names compare without case (Entra treats them so). */
export function normaliseAddress(address: string): string {
  return address.trim().toLowerCase();
}

/** The chat id a grant waiting for an address is stored under. */
export const pendingChatId = (address: string): string => `pending:${normaliseAddress(address)}`;

/** True for a person row that is a grant still waiting to be bound. */
export const isPending = (p: { chatId: string }): boolean => p.chatId.startsWith('pending:');

/** The address a pending grant waits for; null for a legacy grant made by display name (never bound). */
export function pendingAddress(p: { chatId: string; email: string | null }): string | null {
  if (!isPending(p)) return null;
  const key = p.chatId.slice('pending:'.length);
  return ADDRESS.test(key) ? key : null;
}

/** When a pending grant stops being honoured. */
export function pendingExpiresAt(grantedAt: Date, days: number): Date {
  return new Date(grantedAt.getTime() + days * 24 * 60 * 60 * 1000);
}

/** The addresses the Teams roster confirmed for a member: email and user principal name, normalised, without duplicates. */
export function confirmedAddresses(member: { email?: string | null; userPrincipalName?: string | null }): string[] {
  const all = [member.email, member.userPrincipalName].filter((a): a is string => typeof a === 'string' && ADDRESS.test(a.trim()));
  return [...new Set(all.map(normaliseAddress))];
}

/** A person from another organisation: a guest in the partnership's tenant, or a user whose home tenant is another one. */
export function isExternal(person: { guest: boolean; tenantId: string | null }, partnershipTenant: string | null): boolean {
  return person.guest || (partnershipTenant !== null && person.tenantId !== null && person.tenantId !== partnershipTenant);
}

/** What a coordinator is told when they try to grant a role by display name. */
export function displayNameRefusal(name: string): string {
  return `I can't give a role to "${name}" by name: anyone can choose a display name. @mention them in the message ("make @${name} a lead for CST"), or use their work email address or user principal name; an email grant takes effect when the Teams roster confirms that address.`;
}
