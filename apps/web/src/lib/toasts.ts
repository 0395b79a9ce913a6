/**
 * Short messages shown over the dashboard, in one store: a dashboard app's `ui.notify` (with the
 * app as its source) and the dashboard's own confirmations (an app saved, a conversation
 * resolved — with an action such as Undo while it shows).
 */
export type ToastKind = 'info' | 'success' | 'warning' | 'error';

export interface Toast {
  id: number;
  /** Who says it, shown with the message (an app's name); none for the dashboard's own. */
  source?: string;
  message: string;
  kind: ToastKind;
  /** One button beside the message (e.g. Undo); pressing it runs it and dismisses the toast. */
  action?: { label: string; run: () => void };
}

/** How long a toast stays; errors stay until dismissed. */
export const TOAST_MS = 6_000;
/** At most this many at once: the oldest goes first. */
const MAX_VISIBLE = 4;

type Listener = () => void;

let toasts: readonly Toast[] = [];
let seq = 0;
const listeners = new Set<Listener>();
const timers = new Map<number, ReturnType<typeof setTimeout>>();

const emit = () => {
  for (const listener of listeners) listener();
};

export function dismissToast(id: number): void {
  const timer = timers.get(id);
  if (timer) clearTimeout(timer);
  timers.delete(id);
  if (!toasts.some((toast) => toast.id === id)) return;
  toasts = toasts.filter((toast) => toast.id !== id);
  emit();
}

export function showToast(toast: Omit<Toast, 'id'>): number {
  seq += 1;
  const id = seq;
  toasts = [...toasts, { ...toast, id }].slice(-MAX_VISIBLE);
  if (toast.kind !== 'error')
    timers.set(
      id,
      setTimeout(() => dismissToast(id), TOAST_MS),
    );
  emit();
  return id;
}

export function subscribeToasts(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const currentToasts = (): readonly Toast[] => toasts;
