/** SECRET_KEY_BASE of test servers, so factories can seal what those servers will open. */
export const TEST_SECRET_KEY_BASE = 'test-secret-key-base-'.repeat(4);
