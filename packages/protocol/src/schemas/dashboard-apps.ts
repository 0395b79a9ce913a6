/**
 * Response schemas of the dashboard apps' own endpoints beyond the app itself: its manifest,
 * the settings page's URL check, the level-2 request proxy and Chatwoot's integrations list.
 */
import { Type, type TUnsafe } from 'typebox';
import { MANIFEST_SCHEMA, type DashboardAppManifest } from '../manifest';
import { Bool, Document, Int, Nullable, NullableInt, NullableStr, OneOf, Str } from './build';
import { DashboardAppSchema } from './entities';

/** The manifest's own schema (manifest.ts), so the export and the installer agree. */
export const DashboardAppManifestSchema: TUnsafe<DashboardAppManifest> =
  Type.Unsafe<DashboardAppManifest>(MANIFEST_SCHEMA);

export const UrlCheckResultSchema = Type.Object({
  url: Str(),
  /** What to warn about; null: it answered and may be framed. */
  problem: Nullable(OneOf(['unreachable', 'refuses_framing', 'not_checked'] as const)),
  /** Why it was not checked, or how reaching it failed. */
  reason: NullableStr(),
  status: NullableInt(),
  refused_by: Nullable(Type.Object({ header: Str(), value: Str() })),
  dashboard_origin: Str(),
  message: Str(),
});

export const AppRequestResultSchema = Type.Object({
  status: Int(),
  headers: Type.Record(Type.String(), Type.String()),
  body: Str(),
});

export const IntegrationAppSchema = Type.Object({
  id: Str(),
  name: Str(),
  description: Str(),
  hook_type: OneOf(['account', 'inbox'] as const),
  enabled: Bool(),
  allow_multiple_hooks: Bool(),
  action: Str(),
  hooks: Type.Array(Document()),
  /** Additive: the dashboard apps the caller sees. */
  dashboard_apps: Type.Array(DashboardAppSchema),
});

export const IntegrationAppListSchema = Type.Object({ payload: Type.Array(IntegrationAppSchema) });
