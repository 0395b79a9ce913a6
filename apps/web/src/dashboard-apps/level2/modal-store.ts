/**
 * The one app dialog of the dashboard (`ui.modal.open`): a modal is modal, so one at a time,
 * for the conversation it was opened in. A plain store: the host's methods change it outside
 * React, the conversation view shows it.
 */
import type { DashboardApp } from '@bevatel/protocol';
import type { ModalRequest } from './methods';

export interface OpenAppModal extends ModalRequest {
  app: DashboardApp;
  conversationKey: string;
}

type Listener = () => void;

let current: OpenAppModal | null = null;
const listeners = new Set<Listener>();

const emit = () => {
  for (const listener of listeners) listener();
};

export const appModal = {
  current: (): OpenAppModal | null => current,
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  open(modal: OpenAppModal): void {
    current = modal;
    emit();
  },
  /** Closes the dialog if it is this app's (any app's without an id); whether it did. */
  close(appId?: number): boolean {
    if (!current || (appId !== undefined && current.app.id !== appId)) return false;
    current = null;
    emit();
    return true;
  },
};
