// The customer's CRM summary from the app's own backend, asked with the dashboard's signed token.

/**
 * @typedef {{
 *   customer_since: number, tier: 'standard' | 'silver' | 'gold', lifetime_value_halalas: number,
 *   orders_count: number, tickets_this_year: number, currency: string,
 *   last_order: null | { number: string, placed_at: number, total_halalas: number, status: string }
 * }} CustomerSummary
 * @typedef {{ state: 'loading' } | { state: 'ready', summary: CustomerSummary }
 *   | { state: 'unsigned' } | { state: 'failed' }} SummaryState
 */

/**
 * Keeps one summary per contact: asked again when the contact changes, when Refresh is pressed,
 * or when a new token arrives after a refused one — not on every context (a new message brings a
 * context, not a new customer). Without the secret on the app's server (`<meta name="crm">`),
 * or without a token in the context, nothing is asked.
 * @param {(state: SummaryState) => void} onChange
 */
export function createSummaryLoader(onChange) {
  const configured = document.querySelector('meta[name="crm"]')?.getAttribute('content') === 'on';
  /** @type {string | null} */
  let contactKey = null;
  /** @type {string | null} */
  let tokenUsed = null;
  /** @type {SummaryState} */
  let current = { state: 'loading' };
  /** @type {AbortController | null} */
  let inFlight = null;

  /** @param {SummaryState} state */
  const set = (state) => {
    current = state;
    onChange(state);
  };

  /**
   * @param {{ contact: { id: number }, token?: string }} context
   * @param {boolean} [force]
   */
  function update(context, force = false) {
    const key = String(context.contact.id);
    const token = context.token ?? null;
    const retry = current.state === 'failed' && token !== tokenUsed;
    if (!force && key === contactKey && !retry) return;
    contactKey = key;
    tokenUsed = token;
    inFlight?.abort();
    if (!token || !configured) {
      set({ state: 'unsigned' });
      return;
    }
    const controller = new AbortController();
    inFlight = controller;
    set({ state: 'loading' });
    fetch('/api/summary', {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      signal: controller.signal,
    })
      .then(async (response) => {
        if (!response.ok) throw new Error(`summary: HTTP ${response.status}`);
        const body = /** @type {{ summary: CustomerSummary }} */ (await response.json());
        if (inFlight === controller) set({ state: 'ready', summary: body.summary });
      })
      .catch((error) => {
        if (controller.signal.aborted) return;
        console.warn(error);
        set({ state: 'failed' });
      });
  }

  return { update, current: () => current };
}
