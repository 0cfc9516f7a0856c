import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AccountSecurity, Enrolment, EnrolledSignIn, LoginStep, SessionList } from '../../../shared/contracts/security.ts';
import { api, setCsrfToken } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import type { MeT } from '../../api/types.ts';

export type LoginStepT = z.infer<typeof LoginStep>;
export type EnrolmentT = z.infer<typeof Enrolment>;
export type AccountSecurityT = z.infer<typeof AccountSecurity>;
export type SessionT = z.infer<typeof SessionList>['items'][number];

export const isLoginStep = (r: MeT | LoginStepT): r is LoginStepT => 'step' in r;

const securityKey = ['account-security'] as const;
const sessionsKey = ['account-sessions'] as const;
const orgSecurityKey = ['org-security'] as const;

function useSignedIn() {
  const qc = useQueryClient();
  return (me: MeT) => {
    setCsrfToken(me.csrfToken);
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' && q.queryKey[0] !== 'setup-status' });
    qc.setQueryData(keys.me, me);
  };
}

/** Sign-in's first step: a session, or the second step it still needs. */
export function useLoginStep() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (input: { email: string; password: string; code?: string }) =>
      api<MeT | LoginStepT>('/auth/login', { method: 'POST', body: input, allowUnauthenticated: true }),
    onSuccess: (r) => {
      if (!isLoginStep(r)) signedIn(r);
    },
  });
}

export function useLoginCode() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (input: { challenge: string; code: string }) => api<MeT>('/auth/login/code', { method: 'POST', body: input, allowUnauthenticated: true }),
    onSuccess: signedIn,
  });
}

export function useEnrolAtSignIn() {
  return useMutation({
    mutationFn: (challenge: string) => api<EnrolmentT>('/auth/login/enrol', { method: 'POST', body: { challenge }, allowUnauthenticated: true }),
  });
}

/** Confirms the authenticator; the caller shows the recovery codes, then calls `signedIn(me)`. */
export function useConfirmEnrolAtSignIn() {
  const signedIn = useSignedIn();
  return {
    signedIn,
    mutation: useMutation({
      mutationFn: (input: { challenge: string; code: string }) =>
        api<z.infer<typeof EnrolledSignIn>>('/auth/login/enrol/confirm', { method: 'POST', body: input, allowUnauthenticated: true }),
    }),
  };
}

export function useRequestReset() {
  return useMutation({
    mutationFn: (email: string) => api<{ ok: true; message: string }>('/auth/password-reset', { method: 'POST', body: { email }, allowUnauthenticated: true }),
  });
}

export function useConfirmReset() {
  return useMutation({
    mutationFn: (input: { token: string; password: string }) =>
      api<{ ok: true; message: string }>('/auth/password-reset/confirm', { method: 'POST', body: input, allowUnauthenticated: true }),
  });
}

export function useAccountSecurity() {
  return useQuery({ queryKey: securityKey, queryFn: () => api<AccountSecurityT>('/account/security') });
}

export function useStartMfaSetup() {
  return useMutation({ mutationFn: () => api<EnrolmentT>('/account/mfa/setup', { method: 'POST' }) });
}

export function useConfirmMfaSetup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api<{ recoveryCodes: string[] }>('/account/mfa/confirm', { method: 'POST', body: { code } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: securityKey }),
  });
}

export function useTurnOffMfa() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => api<{ ok: true }>('/account/mfa/disable', { method: 'POST', body: { password } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: securityKey }),
  });
}

export function useRenewRecoveryCodes() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => api<{ recoveryCodes: string[] }>('/account/mfa/recovery-codes', { method: 'POST', body: { password } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: securityKey }),
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => api<{ ok: true }>('/account/password', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useSessions() {
  return useQuery({ queryKey: sessionsKey, queryFn: () => api<{ items: SessionT[] }>('/account/sessions') });
}

export function useSignOutOthers() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ ok: true; ended: number }>('/account/sessions/sign-out-others', { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useOrgSecurity(enabled: boolean) {
  return useQuery({ queryKey: orgSecurityKey, queryFn: () => api<{ requireMfa: boolean }>('/org/security'), enabled });
}

export function useSetOrgSecurity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (requireMfa: boolean) => api<{ requireMfa: boolean }>('/org/security', { method: 'PUT', body: { requireMfa } }),
    onSuccess: (r) => {
      qc.setQueryData(orgSecurityKey, r);
      void qc.invalidateQueries({ queryKey: securityKey });
    },
  });
}
