import type { PlanAction, Role } from './types.js';

/** The person asking, as far as permissions go. */
export interface Actor {
  role: Role;
  organisation: string | null;
}

/** A coordinator can update any action; a lead the actions their organisation leads; a member none. */
export function canUpdate(actor: Actor, action: PlanAction): boolean {
  if (actor.role === 'coordinator') return true;
  if (actor.role !== 'lead' || !actor.organisation) return false;
  const org = actor.organisation.toLowerCase();
  return action.leads.some((l) => l.toLowerCase() === org);
}

/** Who can update an action, in words: its leads' people and the coordinators. */
export function whoCanUpdate(action: PlanAction, people: { displayName: string; role: Role; organisation: string | null }[]): string {
  const leads = people
    .filter((p) => p.role === 'lead' && p.organisation && action.leads.includes(p.organisation))
    .map((p) => `${p.displayName} (${p.organisation})`);
  const coordinators = people.filter((p) => p.role === 'coordinator').map((p) => p.displayName);
  const parts = [
    leads.length
      ? `the leads for ${action.leads.join(', ')}: ${leads.join(', ')}`
      : `a lead from ${action.leads.join(', ') || 'the lead organisation'}`,
    coordinators.length ? `the coordinator${coordinators.length > 1 ? 's' : ''}: ${coordinators.join(', ')}` : 'the plan coordinator',
  ];
  return parts.join('; or ');
}
