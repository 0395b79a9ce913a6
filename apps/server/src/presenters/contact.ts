import type {
  AvailabilityStatus,
  Contact,
  ContactAdditionalAttributes,
  Inbox,
  JsonObject,
  JsonValue,
  SocialProfiles,
} from '@bevatel/protocol';
import type { ContactRow } from '../db/schema';
import { parseJsonObject } from '../lib/json';
import { toSecondsOrZero } from '../lib/time';

const SOCIAL_NETWORKS = ['github', 'twitter', 'facebook', 'linkedin'] as const;

const stringOrNull = (value: JsonValue | undefined): string | null =>
  typeof value === 'string' ? value : null;

const objectOr = (value: JsonValue | undefined): JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};

/**
 * The documented additional_attributes: description, company_name and the four social
 * profiles are always present (null when unknown); any other stored keys are kept.
 */
export function presentContactAttributes(text: string): ContactAdditionalAttributes {
  const stored = parseJsonObject(text);
  const storedProfiles = objectOr(stored.social_profiles);
  const social_profiles: SocialProfiles = {
    ...storedProfiles,
    github: null,
    twitter: null,
    facebook: null,
    linkedin: null,
  };
  for (const network of SOCIAL_NETWORKS) {
    social_profiles[network] = stringOrNull(storedProfiles[network]);
  }
  return {
    ...stored,
    description: stringOrNull(stored.description),
    company_name: stringOrNull(stored.company_name),
    social_profiles,
  };
}

/**
 * The one contact shape: REST, realtime events, conversation `meta.sender` and the dashboard
 * apps' appContext all use it. Contacts have no presence of their own, hence `offline`.
 */
export function presentContact(
  row: ContactRow,
  availability: AvailabilityStatus = 'offline',
): Contact {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone_number: row.phone_number,
    identifier: row.identifier,
    thumbnail: row.thumbnail ?? '',
    availability_status: availability,
    additional_attributes: presentContactAttributes(row.additional_attributes),
    custom_attributes: parseJsonObject(row.custom_attributes),
    // The document types it as an integer: a contact never active counts from its creation.
    last_activity_at: toSecondsOrZero(row.last_activity_at ?? row.created_at),
    created_at: toSecondsOrZero(row.created_at),
  };
}

/** A contact's presence in one inbox (Chatwoot's contact_inbox). */
export interface ContactInboxView {
  source_id: string;
  hmac_verified: boolean;
  inbox: Inbox;
}

export function presentContactInbox(
  row: { source_id: string; hmac_verified: number },
  inbox: Inbox,
): ContactInboxView {
  return { source_id: row.source_id, hmac_verified: row.hmac_verified === 1, inbox };
}
