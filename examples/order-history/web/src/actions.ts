/**
 * The app's three actions on the conversation (Dashboard Apps level 2), and what the agent is
 * told about each outcome. Every refusal is explained: the permission an administrator has to
 * grant, a label the account lacks, a conversation the agent may not change.
 */
import {
  ConflictError,
  ForbiddenError,
  InvalidParamsError,
  PermissionDeniedError,
  RequestTimeoutError,
} from '@bevatel/dashboard-app-sdk';
import type { DashboardAppClient } from '@bevatel/dashboard-app-sdk';
import type { ApiOrder } from '../../shared/orders-api';
import type { ActionPermission, ActionStrings, Locale } from './i18n';
import { orderNote, orderStatusReply } from './order-texts';

/** The label "Add label" adds; the account must have it (Settings › Labels). */
export const REFUND_LABEL = 'refund-requested';

export type ActionName = 'reply' | 'note' | 'label';

export const ACTION_PERMISSIONS: Record<ActionName, ActionPermission> = {
  reply: 'composer:write',
  note: 'notes:write',
  label: 'labels:write',
};

export interface ActionOutcome {
  kind: 'done' | 'refused';
  text: string;
}

async function perform(
  app: DashboardAppClient,
  action: ActionName,
  order: ApiOrder | null,
  locale: Locale,
  t: ActionStrings,
): Promise<string> {
  if (action === 'label') {
    await app.labels.add(REFUND_LABEL);
    return t.labelAdded(REFUND_LABEL);
  }
  if (!order) throw new Error(`${action} needs an order`);
  if (action === 'reply') {
    // At the agent's caret, into the reply (never sent: the agent reviews and sends it).
    const { placed } = await app.composer.insert(orderStatusReply(order, locale));
    return t.inserted[placed];
  }
  await app.notes.create(orderNote(order, locale));
  return t.noteAdded;
}

function explain(error: unknown, action: ActionName, t: ActionStrings): string {
  if (error instanceof PermissionDeniedError) return t.needsPermission(ACTION_PERMISSIONS[action]);
  // The dashboard checks that the label exists before it asks the server.
  if (error instanceof InvalidParamsError && action === 'label') return t.noSuchLabel(REFUND_LABEL);
  if (error instanceof ForbiddenError) return t.forbidden;
  if (error instanceof ConflictError) return t.conflict;
  if (error instanceof RequestTimeoutError) return t.timeout;
  return t.failed;
}

export async function runAction(
  app: DashboardAppClient,
  action: ActionName,
  order: ApiOrder | null,
  locale: Locale,
  t: ActionStrings,
): Promise<ActionOutcome> {
  try {
    return { kind: 'done', text: await perform(app, action, order, locale, t) };
  } catch (error) {
    return { kind: 'refused', text: explain(error, action, t) };
  }
}
