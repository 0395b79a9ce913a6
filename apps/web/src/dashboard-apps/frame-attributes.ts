import { isDashboardAppPermission } from '@bevatel/protocol';

/** Rule 5: what an app's iframe may do, and nothing more. */
export const APP_FRAME_SANDBOX =
  'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads';

export const APP_FRAME_REFERRER_POLICY = 'strict-origin-when-cross-origin';

/**
 * The iframe's `allow` attribute from the permissions the admin chose: known features only,
 * each delegated to the frame's own origin (the attribute's default).
 */
export function frameAllowAttribute(allow: readonly string[]): string | undefined {
  const features = [...new Set(allow.filter(isDashboardAppPermission))];
  return features.length > 0 ? features.join('; ') : undefined;
}
