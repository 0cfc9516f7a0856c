import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import type { InvitationPreviewT, MembershipsT, MeT } from '../../api/types.ts';

/** The signed-in user, or null when there is no session. */
export function useMe() {
  return useQuery({
    queryKey: keys.me,
    queryFn: async (): Promise<MeT | null> => {
      try {
        const me = await api<MeT>('/auth/me', { allowUnauthenticated: true });
        setCsrfToken(me.csrfToken);
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw e;
      }
    },
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: true,
  });
}

/** The session in screens that only render once signed in. */
export function useSession(): MeT {
  const { data } = useMe();
  if (!data) throw new Error('useSession outside a signed-in route');
  return data;
}

export function useSetupStatus() {
  return useQuery({
    queryKey: keys.setupStatus,
    queryFn: () => api<{ needsSetup: boolean }>('/setup/status', { allowUnauthenticated: true }),
    staleTime: Infinity,
  });
}

function useSignedIn() {
  const qc = useQueryClient();
  return (me: MeT) => {
    setCsrfToken(me.csrfToken);
    // A new session must not see the previous one's cached data.
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' && q.queryKey[0] !== 'setup-status' });
    qc.setQueryData(keys.me, me);
  };
}

export function useLogin() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) =>
      api<MeT>('/auth/login', { method: 'POST', body: input, allowUnauthenticated: true }),
    onSuccess: signedIn,
  });
}

export function useSetup() {
  const signedIn = useSignedIn();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { orgName: string; name: string; email: string; password: string }) =>
      api<MeT>('/setup', { method: 'POST', body: input, allowUnauthenticated: true }),
    onSuccess: (me) => {
      qc.setQueryData(keys.setupStatus, { needsSetup: false });
      signedIn(me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ ok: true }>('/auth/logout', { method: 'POST', allowUnauthenticated: true }),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(keys.me, null);
      qc.setQueryData(keys.setupStatus, { needsSetup: false });
    },
  });
}

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: () => api<InvitationPreviewT>(`/invitations/by-token/${encodeURIComponent(token)}`, { allowUnauthenticated: true }),
    retry: false,
    staleTime: Infinity,
  });
}

export function useAcceptInvitation(token: string) {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (input: { name: string; password: string }) =>
      api<MeT>(`/invitations/by-token/${encodeURIComponent(token)}/accept`, {
        method: 'POST',
        body: input,
        allowUnauthenticated: true,
      }),
    onSuccess: signedIn,
  });
}

/** The organisations the signed-in person belongs to (the switcher shows when there are several). */
export function useMyOrganisations() {
  return useQuery({
    queryKey: keys.myOrganisations,
    queryFn: () => api<MembershipsT>('/me/organisations'),
    staleTime: 5 * 60_000,
  });
}

/** Moves the session to another of the person's organisations; nothing cached from the previous one survives. */
export function useSwitchOrganisation() {
  const signedIn = useSignedIn();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (orgId: string) => api<MeT>('/session/organisation', { method: 'POST', body: { orgId } }),
    onSuccess: (me) => {
      signedIn(me);
      qc.removeQueries({ queryKey: keys.myOrganisations });
    },
  });
}
