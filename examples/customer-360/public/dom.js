// The one way this app builds DOM: strings become text nodes, never markup, so whatever a
// customer typed (a name like "<img onerror=…>") is shown as typed and never runs.

/**
 * @typedef {object} Props
 * @property {string} [className]
 * @property {string} [testid]
 * @property {Record<string, string>} [attrs] constant attribute names only; see safeUrl for hrefs
 */

/** @typedef {Node | string | null | undefined | false} Child */

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Props} [props]
 * @param {Child[]} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, props = {}, children = []) {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  if (props.testid) element.dataset.testid = props.testid;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

/**
 * Returns the URL when it is an absolute http(s) URL, else null: keeps `javascript:` and other
 * schemes out of href and src attributes.
 * @param {unknown} value
 * @returns {string | null}
 */
export function safeHttpUrl(value) {
  if (typeof value !== 'string' || value.length > 2048) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
