import type { SVGProps } from 'react';

/** A handful of line icons; directional ones flip in right-to-left layouts (class icon-flip). */
const PATHS = {
  chat: 'M4 5h16v11H8l-4 4z',
  contacts: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-7 8c0-3.9 3.1-6 7-6s7 2.1 7 6',
  settings:
    'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm7.4-3a7.4 7.4 0 0 0-.1-1.2l2-1.6-2-3.4-2.4 1a7 7 0 0 0-2-1.2L14.5 3h-4l-.4 2.6a7 7 0 0 0-2 1.2l-2.4-1-2 3.4 2 1.6a7.4 7.4 0 0 0 0 2.4l-2 1.6 2 3.4 2.4-1a7 7 0 0 0 2 1.2l.4 2.6h4l.4-2.6a7 7 0 0 0 2-1.2l2.4 1 2-3.4-2-1.6c.1-.4.1-.8.1-1.2z',
  search: 'M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zm4.6-1.9L20 20',
  send: 'M4 12l16-8-6 16-2.5-6.5z',
  lock: 'M6 11h12v9H6zm2 0V8a4 4 0 1 1 8 0v3',
  check: 'M5 12.5l4.5 4.5L19 7.5',
  clock: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zm0-13v4.5l3 2',
  tag: 'M3 12V4h8l9 9-8 8zM7.5 8.5h.01',
  chevronEnd: 'M9 6l6 6-6 6',
  back: 'M15 6l-6 6 6 6',
  moon: 'M20 14.5A8 8 0 0 1 9.5 4 8 8 0 1 0 20 14.5z',
  sun: 'M12 17a5 5 0 1 0 0-10 5 5 0 0 0 0 10zm0-15v2m0 16v2M4.9 4.9l1.4 1.4m11.4 11.4 1.4 1.4M2 12h2m16 0h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4',
  globe:
    'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3z',
  logout: 'M15 4h4v16h-4M10 8l-4 4 4 4M6 12h10',
  plus: 'M12 5v14M5 12h14',
  close: 'M6 6l12 12M18 6L6 18',
  edit: 'M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4',
  retry: 'M4 12a8 8 0 1 0 2.3-5.7M4 4v4h4',
  alert: 'M12 3l10 18H2zm0 7v4m0 3h.01',
  user: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-7 8c0-3.9 3.1-6 7-6s7 2.1 7 6',
  team: 'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zm-6 9c0-3.3 2.7-5 6-5s6 1.7 6 5m1-9a3 3 0 1 0-1-5.8M18 15c2 .5 3 2 3 5',
  inbox: 'M3 13l3-8h12l3 8v6H3zm0 0h5l1 3h6l1-3h5',
  puzzle:
    'M9 3h6v3a2 2 0 1 0 0 4v0h3v4h-3a2 2 0 1 0 0 4h3v3H9v-3a2 2 0 1 0-4 0v3H3v-6h3a2 2 0 1 0 0-4H3V6h6z',
  flag: 'M5 21V4h11l-2 4 2 4H5',
  trash: 'M5 7h14M9 7V4h6v3m-8 0 1 13h8l1-13',
  more: 'M4 12a2 2 0 1 0 4 0 2 2 0 1 0-4 0zm6 0a2 2 0 1 0 4 0 2 2 0 1 0-4 0zm6 0a2 2 0 1 0 4 0 2 2 0 1 0-4 0z',
  apps: 'M4 4h6v6H4zm10 0h6v6h-6zM4 14h6v6H4zm10 0h6v6h-6z',
  /** Six dots: a drag handle. */
  grip: 'M9 6h.01M15 6h.01M9 12h.01M15 12h.01M9 18h.01M15 18h.01',
  download: 'M12 4v11m-4.5-4.5L12 15l4.5-4.5M5 20h14',
  upload: 'M12 15V4M7.5 8.5 12 4l4.5 4.5M5 20h14',
  paperclip:
    'M20 11.5l-8.1 8.1a5 5 0 0 1-7.1-7.1L13 4.3a3.3 3.3 0 0 1 4.7 4.7l-8.2 8.2a1.7 1.7 0 0 1-2.4-2.4L14.6 7',
  file: 'M6 3h8l4 4v14H6zm8 0v4h4',
  bell: 'M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15zM10 20.5a2 2 0 0 0 4 0',
} as const;

export type IconName = keyof typeof PATHS;

const FLIPPED: ReadonlySet<IconName> = new Set(['chevronEnd', 'back', 'send', 'logout']);

export function Icon({
  name,
  size = 18,
  ...rest
}: { name: IconName; size?: number } & Omit<SVGProps<SVGSVGElement>, 'name'>) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={FLIPPED.has(name) ? 'icon icon-flip' : 'icon'}
      {...rest}
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
