import { Skeleton, Tabs } from '@mantine/core';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { Role } from '../../shared/contracts/auth.ts';
import { roleCan, type Permission } from '../../shared/permissions.ts';

/**
 * One tab of an object's page (the vendor page, the engagement page). A module adds its tab
 * with one line in that page's registry: value (the address segment), label, the permission
 * that shows it, and the component — lazy, so a tab's code loads only when it is opened.
 */
export interface TabDef<P> {
  value: string;
  label: string;
  permission: Permission;
  component: ComponentType<P> | LazyExoticComponent<ComponentType<P>>;
}

/** A named export loaded on first use: `lazyTab(() => import('../sla/VendorSlaTab.tsx'), 'VendorSlaTab')`. */
export function lazyTab<K extends string, P>(load: () => Promise<Record<K, ComponentType<P>>>, name: K): LazyExoticComponent<ComponentType<P>> {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

/**
 * The open tab from the address: the `:tab` segment, or `?tab=` — the form links in e-mails
 * already sent (evidence-expiry reminders) use, which must keep landing on their tab.
 */
export function useTabParam(): string | undefined {
  const { tab } = useParams();
  const [search] = useSearchParams();
  return tab ?? search.get('tab') ?? undefined;
}

/** The tabs a role may see, in registry order. */
export function visibleTabs<P>(tabs: readonly TabDef<P>[], role: Role): TabDef<P>[] {
  return tabs.filter((t) => roleCan(role, t.permission));
}

/**
 * The registry's tabs for `role`, the one named `value` open (the first when it names none
 * the role may see). A registry with a single visible tab shows just its content, without a
 * tab strip of one.
 */
export function RegistryTabs<P extends object>({
  tabs,
  role,
  value,
  onChange,
  label,
  props,
}: {
  tabs: readonly TabDef<P>[];
  role: Role;
  value: string | undefined;
  onChange: (value: string) => void;
  /** The tab list's accessible name, e.g. "Vendor sections". */
  label: string;
  props: P;
}) {
  const visible = visibleTabs(tabs, role);
  const active = visible.find((t) => t.value === value) ?? visible[0];
  if (!active) return null;
  const panel = (t: TabDef<P>) => {
    const Component = t.component as ComponentType<P>;
    return (
      <Suspense fallback={<Skeleton h={240} radius="md" aria-label={`Loading ${t.label}`} />}>
        <Component {...props} />
      </Suspense>
    );
  };
  if (visible.length === 1) return panel(active);
  return (
    <Tabs value={active.value} onChange={(t) => t && onChange(t)} keepMounted={false}>
      <Tabs.List className="tabs-scroll" mb="lg" aria-label={label}>
        {visible.map((t) => (
          <Tabs.Tab key={t.value} value={t.value}>
            {t.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {visible.map((t) => (
        <Tabs.Panel key={t.value} value={t.value}>
          {panel(t)}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
