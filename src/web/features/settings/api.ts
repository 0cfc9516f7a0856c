import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { usePagedList } from '../../api/paging.ts';
import type { ApiTokenCreatedT, ApiTokenT, InvitationCreatedT, InvitationT, OrgT } from '../../api/types.ts';

export function useOrg() {
  return useQuery({ queryKey: keys.org, queryFn: () => api<OrgT>('/org') });
}

export function useUpdateOrg() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string }) => api<OrgT>('/org', { method: 'PATCH', body: input }),
    onSuccess: (org) => {
      qc.setQueryData(keys.org, org);
      void qc.invalidateQueries({ queryKey: keys.me });
      void qc.invalidateQueries({ queryKey: keys.audit });
    },
  });
}

/** Invitations not yet accepted or revoked, newest first. */
export function useInvitations(enabled: boolean) {
  return usePagedList<InvitationT>({ queryKey: keys.invitations, path: '/invitations', enabled });
}

export function useCreateInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; role: string; vendorId?: string | null }) =>
      api<InvitationCreatedT>('/invitations', { method: 'POST', body: input }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.invitations });
      void qc.invalidateQueries({ queryKey: keys.audit });
    },
  });
}

export function useRevokeInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ ok: true }>(`/invitations/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.invitations });
      void qc.invalidateQueries({ queryKey: keys.audit });
    },
  });
}

export function useTokens() {
  return usePagedList<ApiTokenT>({ queryKey: keys.tokens, path: '/tokens' });
}

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; expiresInDays?: number | null }) =>
      api<ApiTokenCreatedT>('/tokens', { method: 'POST', body: input }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.tokens }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ ok: true }>(`/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.tokens }),
  });
}
