import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WEB_DIST = fileURLToPath(new URL('../../apps/web/dist/', import.meta.url));
export const WIDGET_DIST = fileURLToPath(new URL('../../apps/widget/dist/', import.meta.url));
export const SDK_DIR = fileURLToPath(new URL('../../packages/sdk/', import.meta.url));
export const DOCS_DIR = fileURLToPath(new URL('../../docs/dashboard-apps/', import.meta.url));
