/**
 * The shop's page: a few products, the signed-in customer, and the widget snippet exactly as
 * the inbox settings show it. The customer's identity reaches the widget through
 * `$bevatel.setUser` with an identifier_hash this server computed: the secret never reaches the
 * browser.
 */
import { createHmac } from 'node:crypto';

export interface ShopCustomer {
  identifier: string;
  name: string;
  email: string;
}

export interface ShopPageOptions {
  dashboardUrl: string;
  websiteToken: string;
  hmacToken: string;
  customer: ShopCustomer | null;
  locale: 'en' | 'ar';
  /** For tests: sign the identity with something else (a forged hash). */
  forgeHash?: boolean;
}

const WORDS = {
  en: {
    title: 'Bevatel Demo Shop',
    signedIn: 'Signed in as',
    guest: 'Browsing as a guest',
    products: 'Products',
    help: 'Questions about an order? Open the chat at the bottom of the page.',
    other: 'العربية',
    items: ['Desk lamp', 'Coffee grinder', 'Wool scarf'],
  },
  ar: {
    title: 'متجر بيفاتل التجريبي',
    signedIn: 'مسجّل الدخول باسم',
    guest: 'تتصفح كزائر',
    products: 'المنتجات',
    help: 'لديك سؤال عن طلب؟ افتح المحادثة أسفل الصفحة.',
    other: 'English',
    items: ['مصباح مكتب', 'مطحنة قهوة', 'وشاح صوف'],
  },
} as const;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function identifierHash(identifier: string, secret: string): string {
  return createHmac('sha256', secret).update(identifier).digest('hex');
}

export function shopPage(options: ShopPageOptions): string {
  const words = WORDS[options.locale];
  const { customer } = options;
  const base = JSON.stringify(options.dashboardUrl.replace(/\/$/, ''));
  const user = customer
    ? JSON.stringify({
        identifier: customer.identifier,
        name: customer.name,
        email: customer.email,
        identifier_hash: options.forgeHash
          ? identifierHash(customer.identifier, 'not-the-secret')
          : identifierHash(customer.identifier, options.hmacToken),
      }).replace(/</g, '\\u003c')
    : 'null';
  const other = options.locale === 'ar' ? 'en' : 'ar';
  return `<!doctype html>
<html lang="${options.locale}" dir="${options.locale === 'ar' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${words.title}</title>
<style>
body{margin:0;font:16px/1.5 system-ui,"Noto Sans Arabic",sans-serif;color:#1d2939;background:#f9fafb}
header{display:flex;justify-content:space-between;align-items:center;gap:12px;padding:16px 24px;background:#fff;border-bottom:1px solid #e4e7ec;flex-wrap:wrap}
header h1{margin:0;font-size:20px}
main{max-width:880px;margin:0 auto;padding:24px}
ul{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:16px}
li{background:#fff;border:1px solid #e4e7ec;border-radius:12px;padding:24px 16px;text-align:center}
</style>
</head>
<body>
<header>
  <h1>${words.title}</h1>
  <p id="customer">${customer ? `${words.signedIn} <strong>${escape(customer.name)}</strong>` : words.guest}</p>
  <a href="?lang=${other}${customer ? '' : '&guest=1'}">${words.other}</a>
</header>
<main>
  <h2>${words.products}</h2>
  <ul>${words.items.map((item) => `<li>${item}</li>`).join('')}</ul>
  <p>${words.help}</p>
</main>
<script>
  window.bevatelSettings = { locale: ${JSON.stringify(options.locale)} };
  window.addEventListener("bevatel:ready", function () {
    var user = ${user};
    if (user) window.$bevatel.setUser(user.identifier, user);
  });
</script>
<script>
  (function (d, t) {
    var BASE_URL = ${base};
    var g = d.createElement(t), s = d.getElementsByTagName(t)[0];
    g.src = BASE_URL + "/packs/js/sdk.js";
    g.defer = true;
    g.async = true;
    s.parentNode.insertBefore(g, s);
    g.onload = function () {
      window.bevatelSDK.run({ websiteToken: ${JSON.stringify(options.websiteToken)}, baseUrl: BASE_URL });
    };
  })(document, "script");
</script>
</body>
</html>`;
}
