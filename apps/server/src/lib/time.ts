/** Database times are Unix milliseconds; the API speaks Unix seconds. */
export const nowMs = (): number => Date.now();

export function toSeconds(ms: number | null | undefined): number | null {
  return ms == null ? null : Math.floor(ms / 1000);
}

/** For fields the document types as integer: never null. */
export function toSecondsOrZero(ms: number | null | undefined): number {
  return ms == null ? 0 : Math.floor(ms / 1000);
}
