import type { AppPermission } from '@bevatel/protocol';
import { bodyKeys, type AppActionRule } from '../dashboard-apps';

/**
 * A dashboard app may change the custom attributes of the contact of the conversation it is
 * shown with (attributes:write), nothing else of the contact (see dashboard-apps/acting-app.ts).
 */
export const CONTACT_APP_ACTION: AppActionRule = {
  action: 'contact_attributes_set',
  needs: (body): AppPermission[] | null => {
    const keys = bodyKeys(body);
    return keys.length > 0 && keys.every((key) => key === 'custom_attributes')
      ? ['attributes:write']
      : null;
  },
  target: 'contact',
};
