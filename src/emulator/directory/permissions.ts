import { GraphError } from '../http/errors';
import type { Principal } from '../http/types';

/** The Graph permissions that allow an operation: application roles for app tokens, scopes for user tokens. */
export interface Needed {
  app?: readonly string[];
  delegated?: readonly string[];
}

export function granted(p: Principal, need: Needed): boolean {
  return p.kind === 'app'
    ? p.roles.some((r) => need.app?.includes(r))
    : p.scopes.some((s) => need.delegated?.includes(s));
}

/** Entra ID's answer when a token lacks the permission (directory APIs). */
export const insufficientPrivileges = (): GraphError =>
  new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');

/** Exchange's answer when a token lacks the permission (mail and mailbox APIs). */
export const exchangeAccessDenied = (): GraphError =>
  new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');

/** `/me` exists only for a signed-in user; an app-only token gets this 400 from the service. */
export function meId(p: Principal): string {
  if (p.kind !== 'user')
    throw new GraphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
  return p.oid;
}

export const USER_READ_ALL = {
  app: ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  delegated: [
    'User.ReadBasic.All',
    'User.Read.All',
    'User.ReadWrite.All',
    'Directory.Read.All',
    'Directory.ReadWrite.All',
  ],
} as const satisfies Needed;

export const USER_READ_SELF = {
  delegated: ['User.Read', 'User.ReadWrite', ...USER_READ_ALL.delegated],
} as const satisfies Needed;

/** Delegated scopes that give more than the basic profile of other users. */
export const FULL_PROFILE_SCOPES = [
  'User.Read.All',
  'User.ReadWrite.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
];
