let cached: string[] | null = null;

/** IANA time zones this browser knows, for a searchable select. */
export function timeZones(): string[] {
  if (cached) return cached;
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  if (!zones.includes('UTC')) zones = ['UTC', ...zones];
  cached = zones;
  return zones;
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export interface LocalClock {
  time: string;
  weekday: number;
  hhmm: string;
  offset: string;
}

/** What the clock says right now in `timeZone`: display time, ISO weekday, HH:MM and UTC offset. */
export function localClock(timeZone: string, now: Date = new Date()): LocalClock | null {
  try {
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'shortOffset',
    }).formatToParts(now);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
    const hhmm = `${get('hour')}:${get('minute')}`;
    const time = new Intl.DateTimeFormat(undefined, { timeZone, weekday: 'short', hour: 'numeric', minute: '2-digit' }).format(now);
    return { time, weekday, hhmm, offset: get('timeZoneName') };
  } catch {
    return null;
  }
}
