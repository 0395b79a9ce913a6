/**
 * The `<script>` an administrator pastes into the site, Chatwoot's shape with our names: it
 * loads the launcher (`/packs/js/sdk.js`, a few KB) asynchronously and starts it with the
 * widget's key. The chat itself loads in a frame from our origin when the visitor opens it.
 */
export const LAUNCHER_PATH = '/packs/js/sdk.js';

export function widgetScript(publicUrl: string, websiteToken: string): string {
  const base = JSON.stringify(publicUrl.replace(/\/$/, ''));
  const token = JSON.stringify(websiteToken);
  return `<script>
  (function (d, t) {
    var BASE_URL = ${base};
    var g = d.createElement(t), s = d.getElementsByTagName(t)[0];
    g.src = BASE_URL + "${LAUNCHER_PATH}";
    g.defer = true;
    g.async = true;
    s.parentNode.insertBefore(g, s);
    g.onload = function () {
      window.bevatelSDK.run({ websiteToken: ${token}, baseUrl: BASE_URL });
    };
  })(document, "script");
</script>`;
}
