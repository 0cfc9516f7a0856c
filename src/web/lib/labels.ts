import type { MantineColor } from '@mantine/core';

export const VENDOR_STATUS_LABELS: Record<string, string> = {
  prospect: 'Prospect',
  pilot: 'Pilot',
  active: 'Active',
  exiting: 'Exiting',
  former: 'Former',
};
export const VENDOR_STATUS_COLORS: Record<string, MantineColor> = {
  prospect: 'gray',
  pilot: 'violet',
  active: 'teal',
  exiting: 'orange',
  former: 'dark',
};

/** Tier 1 is the most critical: its failure stops the business. */
export const TIER_LABELS: Record<number, string> = {
  1: 'Tier 1 · critical',
  2: 'Tier 2 · important',
  3: 'Tier 3 · standard',
  4: 'Tier 4 · low',
};
export const TIER_COLORS: Record<number, MantineColor> = { 1: 'red', 2: 'orange', 3: 'blue', 4: 'gray' };

export const ENGAGEMENT_STATUS_LABELS: Record<string, string> = {
  planned: 'Planned',
  active: 'Active',
  ending: 'Ending',
  ended: 'Ended',
};
export const ENGAGEMENT_STATUS_COLORS: Record<string, MantineColor> = {
  planned: 'gray',
  active: 'teal',
  ending: 'orange',
  ended: 'dark',
};

export const CRITICALITY_LABELS: Record<string, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};
export const CRITICALITY_COLORS: Record<string, MantineColor> = {
  low: 'gray',
  medium: 'blue',
  high: 'orange',
  critical: 'red',
};

export const WEEKDAYS: { value: number; short: string; long: string }[] = [
  { value: 1, short: 'Mon', long: 'Monday' },
  { value: 2, short: 'Tue', long: 'Tuesday' },
  { value: 3, short: 'Wed', long: 'Wednesday' },
  { value: 4, short: 'Thu', long: 'Thursday' },
  { value: 5, short: 'Fri', long: 'Friday' },
  { value: 6, short: 'Sat', long: 'Saturday' },
  { value: 7, short: 'Sun', long: 'Sunday' },
];

/** Options for a Select from a value → label record, in the order of `values`. */
export function options<T extends string | number>(values: readonly T[], labels: Record<T, string>) {
  return values.map((v) => ({ value: String(v), label: labels[v] }));
}
