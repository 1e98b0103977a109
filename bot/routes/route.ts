import type { z } from 'zod';
import { buildMessageCard } from '../../cards/message-card.js';
import { AppError } from '../errors.js';
import type { CardActionInput, CardActionResult, MessageInput, Reply } from '../core/context.js';
import type { Role } from '../plan/types.js';
import type { PersonInfo } from '../store/people-rows.js';

/** A role a route needs, and the line that tells someone without it who can. */
export interface RoleNeed {
  role: Role;
  refusal: string;
}

/** A turn whose speaker is known to have the role the route needs. */
export type WithPerson<I> = I & { person: PersonInfo };

/** A typed command: a pattern over the text (mentions removed), the role it needs, and its handler. */
export interface CommandRoute {
  name: string;
  pattern: RegExp;
  needs?: RoleNeed;
  handle(input: MessageInput, match: RegExpMatchArray): Promise<Reply | Reply[]>;
}

/** A card verb (Action.Execute invoke or Action.Submit message): its input schema, the role it needs, and its handler. */
export interface CardRoute {
  verb: string;
  needs?: RoleNeed;
  handle(input: CardActionInput): Promise<CardActionResult>;
}

/** "Only a coordinator can …": the usual refusal for coordinators' commands. */
export function coordinatorsOnly(what: string): RoleNeed {
  return { role: 'coordinator', refusal: `Only a coordinator can ${what}. Ask your Prevent coordinator.` };
}

/** The one role check: the refusal to send, or null when the speaker has the role (coordinators may do anything). */
export function refusalFor(needs: RoleNeed | undefined, person: PersonInfo | null): Reply | null {
  if (!needs) return null;
  if (person && (person.role === needs.role || person.role === 'coordinator')) return null;
  return buildMessageCard({ lines: [needs.refusal] });
}

/** Registers a typed command; with `needs`, the handler only runs for someone with the role, and sees them as `person`. */
export function command(route: {
  name: string;
  pattern: RegExp;
  handle(input: MessageInput, match: RegExpMatchArray): Promise<Reply | Reply[]>;
}): CommandRoute;
export function command(route: {
  name: string;
  pattern: RegExp;
  needs: RoleNeed;
  handle(input: WithPerson<MessageInput>, match: RegExpMatchArray): Promise<Reply | Reply[]>;
}): CommandRoute;
export function command(route: CommandRoute): CommandRoute {
  return route;
}

/**
 * Registers a card verb with the zod schema of its data: the handler gets the parsed data; data that does not
 * parse is an INVALID_INPUT error with the route's `invalid` line. Routes that explain bad input themselves give no schema.
 */
export function cardAction<S extends z.ZodType>(route: {
  verb: string;
  schema: S;
  invalid: string;
  needs?: RoleNeed;
  handle(input: CardActionInput, data: z.infer<S>): Promise<CardActionResult>;
}): CardRoute {
  return {
    verb: route.verb,
    needs: route.needs,
    handle: (input) => {
      const parsed = route.schema.safeParse(input.data);
      if (!parsed.success) throw new AppError('INVALID_INPUT', route.invalid);
      return route.handle(input, parsed.data);
    },
  };
}
