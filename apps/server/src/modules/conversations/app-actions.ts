/**
 * Which conversation routes a dashboard app may use through the host, and with which
 * permission (see dashboard-apps/acting-app.ts). Routes not listed refuse app writes.
 */
import type { AppPermission } from '@bevatel/protocol';
import { bodyKeys, type AppActionRule } from '../dashboard-apps';

const always =
  (...permissions: AppPermission[]) =>
  (): AppPermission[] =>
    permissions;

/** PATCH: attributes need attributes:write, priority conversation:write; muting is not for apps. */
function updateNeeds(body: unknown): AppPermission[] | null {
  const needs = new Set<AppPermission>();
  for (const key of bodyKeys(body)) {
    if (key === 'custom_attributes' || key === 'additional_attributes')
      needs.add('attributes:write');
    else if (key === 'priority') needs.add('conversation:write');
    else return null;
  }
  return [...needs];
}

export const APP_ACTIONS = {
  labels: { action: 'labels_changed', needs: always('labels:write'), target: 'conversation' },
  update: { action: 'conversation_updated', needs: updateNeeds, target: 'conversation' },
  customAttributes: {
    action: 'conversation_attributes_set',
    needs: always('attributes:write'),
    target: 'conversation',
  },
  status: { action: 'status_changed', needs: always('conversation:write'), target: 'conversation' },
  priority: {
    action: 'priority_changed',
    needs: always('conversation:write'),
    target: 'conversation',
  },
  assign: { action: 'assigned', needs: always('conversation:write'), target: 'conversation' },
} satisfies Record<string, AppActionRule>;
