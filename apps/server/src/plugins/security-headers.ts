/**
 * Security headers on every answer (@fastify/helmet): no framing of the dashboard by any site
 * (frame-ancestors 'none' and X-Frame-Options DENY), nosniff, a strict referrer policy, and a
 * Content Security Policy. API answers get a CSP that allows nothing; the dashboard's page gets
 * one that allows its own scripts and frames only the origins of the dashboard apps registered
 * in the signed-in person's accounts.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/** The dashboard page's policy, given the origins it may frame. */
export function dashboardPolicy(frameOrigins: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // React sets style attributes; no script can be injected through CSS here.
    "style-src 'self' 'unsafe-inline'",
    // Avatars and contact pictures live on other hosts.
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    // The app origins too: a no-cors probe beside each frame tells an app that cannot be
    // reached from one that loaded (a frame's load event fires for the browser's error page).
    `connect-src ${["'self'", ...frameOrigins].join(' ')}`,
    `frame-src ${frameOrigins.length > 0 ? frameOrigins.join(' ') : "'none'"}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const securityHeadersPlugin = fp(
  async (app: FastifyInstance) => {
    const https = app.config.publicUrl.startsWith('https:');
    await app.register(helmet, {
      // Set per answer below: the page's policy depends on who asks.
      contentSecurityPolicy: false,
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      // Apps open in new tabs with noopener; OAuth pop-ups of apps keep working.
      crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
      crossOriginEmbedderPolicy: false,
      // Only over https does HSTS mean anything (and on http://localhost it would be a trap).
      strictTransportSecurity: https ? { maxAge: 15_552_000, includeSubDomains: false } : false,
    });
    app.addHook('onSend', async (_request, reply, payload) => {
      if (!reply.hasHeader('content-security-policy')) {
        reply.header('content-security-policy', API_POLICY);
      }
      return payload;
    });
  },
  { name: 'security-headers' },
);
