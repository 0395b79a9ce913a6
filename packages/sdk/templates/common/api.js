// The backend's one endpoint: who is asking about which conversation, as the dashboard signed it.
import { ContextTokenError, verifyContextToken } from '@bevatel/dashboard-app-sdk/server';

function sendJson(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * GET /api/session with `Authorization: Bearer <data.token>`. Never trust the unsigned context:
 * everything your backend does for the agent starts from these verified claims.
 */
export function handleApi(config, req, res) {
  if (req.method !== 'GET') return sendJson(res, 405, { error: 'method_not_allowed' });
  if (!config.secret)
    return sendJson(res, 500, { error: 'no_secret', message: 'BEVATEL_APP_SECRET is not set' });
  const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
  let claims;
  try {
    claims = verifyContextToken(token, config.secret, {
      audience: config.appOrigin,
      issuer: config.dashboardOrigins, // `iss` is the origin of the dashboard's PUBLIC_URL
    });
  } catch (error) {
    if (error instanceof ContextTokenError) return sendJson(res, 401, { error: error.code });
    throw error;
  }
  // Look up your own data here, by claims.account_id / claims.contact_id / claims.conversation_id.
  return sendJson(res, 200, {
    agent_id: Number(claims.sub),
    role: claims.role,
    account_id: claims.account_id,
    conversation_id: claims.conversation_id,
    contact_id: claims.contact_id,
    expires_at: claims.exp,
  });
}
