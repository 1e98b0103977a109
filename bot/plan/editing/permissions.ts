import { canUpdate } from '../permissions.js';
import type { PlanAction, Role } from '../types.js';
import type { OwnerRef, ResolvedFields } from './types.js';

/** The person editing, as far as permissions go. */
export interface Editor {
  id: number;
  role: Role;
  organisation: string | null;
}

/** What a lead may change on their own organisation's actions; everything else (and adding actions) is for coordinators. */
export const LEAD_FIELDS: readonly (keyof ResolvedFields)[] = ['deadline', 'owner'];

/**
 * Null when the editor may make these changes, else the refusal in words. Coordinators may change anything. A lead of
 * the action's organisation may move its target date and name an owner from their own organisation (or clear it);
 * rewording, changing leads or theme, and adding actions change the agreed plan and are for coordinators.
 */
export function editRefusal(
  editor: Editor | null,
  action: PlanAction,
  fields: ResolvedFields,
  ownerOrganisation: string | null = null,
): string | null {
  if (editor?.role === 'coordinator') return null;
  const label = action.label;
  if (!editor || !canUpdate(editor, action))
    return `Only the plan coordinator or a lead for ${action.leads.join(', ') || 'the action'} can change action ${label}. Nothing was changed.`;
  const coordinatorOnly = (Object.keys(fields) as (keyof ResolvedFields)[]).filter((f) => !LEAD_FIELDS.includes(f));
  if (coordinatorOnly.length)
    return `Only a coordinator can ${coordinatorOnly.map((f) => FIELD_VERBS[f]).join(' or ')} of action ${label}. Nothing was changed. As a lead you can move its target date and name an owner from your organisation.`;
  if (fields.owner && !sameOwnerOrganisation(editor, fields.owner, ownerOrganisation))
    return `As a lead you can name an owner from ${editor.organisation ?? 'your organisation'} only; ${fields.owner.name} is ${ownerOrganisation ? `with ${ownerOrganisation}` : 'not with an organisation I know'}. Nothing was changed. A coordinator can name anyone.`;
  return null;
}

const FIELD_VERBS: Record<keyof ResolvedFields, string> = {
  title: 'change the wording',
  deadline: 'move the target date',
  leads: 'change the leads',
  theme: 'change the theme',
  owner: 'name the owner',
};

function sameOwnerOrganisation(editor: Editor, owner: OwnerRef, ownerOrganisation: string | null): boolean {
  if (owner.id === editor.id) return true;
  return (
    ownerOrganisation !== null && editor.organisation !== null && ownerOrganisation.toLowerCase() === editor.organisation.toLowerCase()
  );
}
