import type { DashboardApp, DashboardAppFrame } from '@bevatel/protocol';
import type { DashboardAppRow } from '../../db/schema';
import { parseJsonArray } from '../../lib/json';
import { toSecondsOrZero } from '../../lib/time';

export function framesOf(row: Pick<DashboardAppRow, 'content'>): DashboardAppFrame[] {
  return parseJsonArray(row.content).flatMap((item) =>
    typeof item === 'object' &&
    item !== null &&
    !Array.isArray(item) &&
    typeof item.url === 'string'
      ? [{ type: 'frame' as const, url: item.url }]
      : [],
  );
}

export function permissionsOf(row: Pick<DashboardAppRow, 'allow'>): string[] {
  return parseJsonArray(row.allow).filter((item): item is string => typeof item === 'string');
}

/** The one JSON shape of a dashboard app; the secret itself never leaves the server this way. */
export function presentDashboardApp(row: DashboardAppRow): DashboardApp {
  return {
    id: row.id,
    title: row.title,
    content: framesOf(row),
    allow: permissionsOf(row),
    has_secret: row.secret_ciphertext !== null,
    created_at: toSecondsOrZero(row.created_at),
    updated_at: toSecondsOrZero(row.updated_at),
    user_id: row.user_id,
  };
}
