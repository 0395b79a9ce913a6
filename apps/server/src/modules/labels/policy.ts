/**
 * Label titles travel in URLs and filters, so they are slugs: letters, digits, `-` and `_`.
 * Input may use capitals; titles are stored lowercase (as Chatwoot does).
 */
export const LABEL_TITLE_PATTERN = '^[A-Za-z0-9_-]+$';
export const LABEL_COLOR_PATTERN = '^#[0-9A-Fa-f]{6}$';

export const normalizeTitle = (title: string): string => title.toLowerCase();
export const normalizeColor = (color: string): string => color.toLowerCase();

/** Chatwoot's default label color. */
export const DEFAULT_LABEL_COLOR = '#1f93ff';
