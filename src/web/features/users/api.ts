import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { allPages, usePagedList } from '../../api/paging.ts';
import type { UserT } from '../../api/types.ts';

export function useUserList() {
  return usePagedList<UserT>({ queryKey: [...keys.users, 'list'], path: '/users' });
}

// Pickers and name lookups need everyone: every page, in one cached answer shared by both hooks.
const everyone = allPages<UserT>('/users');

/** People who can own a vendor or an engagement: enabled staff, not vendor contacts. */
export function useOwnerOptions(enabled = true) {
  return useQuery({
    queryKey: [...keys.users, 'everyone'],
    queryFn: everyone,
    select: (page) =>
      page.items
        .filter((u) => u.role !== 'vendor_contact' && !u.disabled)
        .map((u) => ({ value: u.id, label: u.name }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    enabled,
    staleTime: 60_000,
  });
}

/** Everyone, for filters (audit actor): id → name. */
export function useUserNames(enabled = true) {
  return useQuery({
    queryKey: [...keys.users, 'everyone'],
    queryFn: everyone,
    select: (page) => page.items.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
    enabled,
    staleTime: 60_000,
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: Record<string, unknown> }) =>
      api<UserT>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.users });
      void qc.invalidateQueries({ queryKey: keys.me });
      void qc.invalidateQueries({ queryKey: keys.audit });
    },
  });
}
