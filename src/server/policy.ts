import { roleCan, type Permission } from '../shared/permissions.ts';
import type { Actor } from './context.ts';
import { AppError } from './http/app-error.ts';

/**
 * Object-level authorization: one policy per noun decides `can(actor, action, object)`.
 *
 * Every service function calls its noun's policy first — `check` before creating or
 * listing, `authorize` on a loaded object before reading or changing it — so the API, the
 * CLI's direct mode, jobs and the demo seed all pass the same rules. The route's role
 * permission stays as the first gate; the policy repeats it so that callers without a
 * route (the CLI) are held to it too.
 *
 * Three layers, in this order, each with its own answer:
 * 1. role: the action's permission in src/shared/permissions.ts → 403 forbidden;
 * 2. visibility: same organisation and, for a vendor contact, its own vendor (plus the
 *    noun's own rule) → 404 not found, exactly like an id that does not exist;
 * 3. state: the action's `when` rule ("a submitted assessment cannot be answered")
 *    → 409 conflict with the rule's words.
 */

/** What every object row carries for the policy to decide: its organisation, and its vendor where it has one. */
export interface Owned {
  orgId: string;
}

export interface ActionRule<O> {
  /** Roles allowed by the permission table; a list means any of them. */
  permission: Permission | readonly Permission[];
  /** A state rule on the object: true, or the reason it does not apply now (a conflict). */
  when?: (o: O, actor: Actor) => true | string;
}

export interface PolicyDefinition<O extends Owned, A extends string> {
  /** How the object is named in messages: "The vendor" → "The vendor was not found." */
  label: string;
  /**
   * The vendor an object belongs to, for vendor contacts; a noun without one (null) is
   * never visible to vendor contacts. Omitted: internal users only.
   */
  vendorOf?: (o: O) => string | null;
  /** A further visibility rule beyond organisation and vendor (e.g. a cancelled request is gone for the vendor). */
  visible?: (o: O, actor: Actor) => boolean;
  actions: Record<A, ActionRule<O>>;
  /** A view over the organisation as a whole (the audit trail, the dashboard): no single object to find or hide. */
  collection?: true;
}

export interface Policy<O extends Owned, A extends string> {
  readonly label: string;
  /** Whether the actor may do `action` (to `o`, when given): the UI's and presenters' question. */
  can(actor: Actor, action: A, o?: O): boolean;
  /** The role gate for actions without an object yet (create, list); throws 403. */
  check(actor: Actor, action: A): void;
  /**
   * The object, if the actor may do `action` to it. A missing or invisible object is
   * "not found", a role without the permission "forbidden", a state that forbids the
   * action a "conflict".
   */
  authorize<T extends O>(actor: Actor, action: A, o: T | null | undefined): T;
  /**
   * For an id that arrives inside a body or a query (a `vendorId` on a new engagement):
   * an object the caller may not see is an invalid field, never a 404 or a 500.
   */
  reference<T extends O>(actor: Actor, action: A, o: T | null | undefined, field: string, message?: string): T;
}

/** What each policy guards, so the authorization matrix can demand object-level rows for every one. */
export interface PolicyFacts {
  label: string;
  collection: boolean;
  vendorScoped: boolean;
  stateRules: string[];
}
const REGISTERED: PolicyFacts[] = [];
export function registeredPolicies(): readonly PolicyFacts[] {
  return REGISTERED;
}

const asList = (p: Permission | readonly Permission[]): readonly Permission[] => (typeof p === 'string' ? [p] : p);

export function definePolicy<O extends Owned, A extends string>(def: PolicyDefinition<O, A>): Policy<O, A> {
  REGISTERED.push({
    label: def.label,
    collection: def.collection === true,
    vendorScoped: def.vendorOf !== undefined,
    stateRules: Object.entries<ActionRule<O>>(def.actions)
      .filter(([, r]) => r.when)
      .map(([a]) => a),
  });
  const roleAllows = (actor: Actor, action: A) => asList(def.actions[action].permission).some((p) => roleCan(actor.role, p));
  const sees = (actor: Actor, o: O) => {
    if (o.orgId !== actor.orgId) return false;
    if (actor.role === 'vendor_contact') {
      const vendorId = def.vendorOf?.(o) ?? null;
      if (vendorId === null || vendorId !== actor.vendorId) return false;
    }
    return def.visible ? def.visible(o, actor) : true;
  };
  const stateAllows = (actor: Actor, action: A, o: O) => def.actions[action].when?.(o, actor) ?? true;

  return {
    label: def.label,
    can(actor, action, o) {
      if (!roleAllows(actor, action)) return false;
      if (o === undefined) return true;
      return sees(actor, o) && stateAllows(actor, action, o) === true;
    },
    check(actor, action) {
      if (!roleAllows(actor, action)) throw AppError.forbidden();
    },
    authorize(actor, action, o) {
      if (!roleAllows(actor, action)) throw AppError.forbidden();
      if (!o || !sees(actor, o)) throw AppError.notFound(def.label);
      const state = stateAllows(actor, action, o);
      if (state !== true) throw new AppError('conflict', state);
      return o;
    },
    reference(actor, action, o, field, message) {
      if (!o || !sees(actor, o) || !roleAllows(actor, action)) {
        throw AppError.invalid(field, message ?? `${def.label} was not found among yours.`);
      }
      const state = stateAllows(actor, action, o);
      if (state !== true) throw AppError.invalid(field, state);
      return o;
    },
  };
}
