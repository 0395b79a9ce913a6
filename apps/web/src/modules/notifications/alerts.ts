/**
 * What a new notification does beyond the bell, each only when the agent turned it on (their
 * profile's ui_settings): a short sound, and a browser notification while the tab is hidden.
 * Permission is asked only from the panel's visible control, never here.
 */
import { plainMentions, type Notification } from '@bevatel/protocol';
import type { AlertPreferences } from './queries';

let audio: AudioContext | null = null;

/** Two short tones; nothing to download, and silent where the browser has no Web Audio. */
export function playChime(): void {
  try {
    audio ??= new AudioContext();
    const start = audio.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.12, 1320],
    ] as const) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.15, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.18);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.2);
    }
  } catch {
    // No sound, no harm: the bell still counts it.
  }
}

export const browserNotificationsSupported = (): boolean =>
  typeof window !== 'undefined' && 'Notification' in window;

export function alertFor(
  notification: Notification,
  preferences: AlertPreferences,
  title: string,
  open: () => void,
): void {
  if (preferences.sound) playChime();
  if (
    !preferences.browser ||
    !browserNotificationsSupported() ||
    window.Notification.permission !== 'granted' ||
    document.visibilityState === 'visible'
  ) {
    return;
  }
  const body = plainMentions(notification.secondary_actor?.content ?? '');
  const shown = new window.Notification(title, { body, tag: `notification-${notification.id}` });
  shown.onclick = () => {
    window.focus();
    open();
    shown.close();
  };
}
