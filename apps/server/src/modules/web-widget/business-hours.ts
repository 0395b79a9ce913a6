/**
 * Business hours in Chatwoot's shape (one entry per day of week, 0 = Sunday, in the inbox's
 * time zone). Outside them the widget shows the away message.
 */
export interface WorkingHours {
  day_of_week: number;
  closed_all_day: boolean;
  open_all_day: boolean;
  open_hour: number | null;
  open_minutes: number | null;
  close_hour: number | null;
  close_minutes: number | null;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Day of week and minutes since midnight at `now` in `timeZone`. */
function localTime(now: Date, timeZone: string): { day: number; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '0';
  return {
    day: WEEKDAYS.indexOf(part('weekday')),
    minutes: Number(part('hour')) * 60 + Number(part('minute')),
  };
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Whether the team is in at `now`; a day without an entry is closed. */
export function isOpenAt(hours: readonly WorkingHours[], timeZone: string, now: Date): boolean {
  const { day, minutes } = localTime(now, timeZone);
  const today = hours.find((entry) => entry.day_of_week === day);
  if (!today || today.closed_all_day) return false;
  if (today.open_all_day) return true;
  const open = (today.open_hour ?? 0) * 60 + (today.open_minutes ?? 0);
  const close = (today.close_hour ?? 0) * 60 + (today.close_minutes ?? 0);
  return minutes >= open && minutes < close;
}
