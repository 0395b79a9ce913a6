/**
 * The HTML page around a rendered guide page: language and direction, a navigation bar, and
 * one external stylesheet (no inline script or style, so a strict CSP holds).
 */
import markdownIt from 'markdown-it';

export type DocsLanguage = 'en' | 'ar';

export interface DocsLink {
  href: string;
  label: string;
  current?: boolean;
}

export interface DocsPageInput {
  lang: DocsLanguage;
  title: string;
  /** HTML produced by the Markdown renderer (already escaped). */
  body: string;
  nav: DocsLink[];
  /** The same page in the other language, when there is one. */
  alternate: (DocsLink & { lang: DocsLanguage }) | null;
  stylesheet: string;
}

const { escapeHtml } = markdownIt().utils;

export const SITE_NAME: Record<DocsLanguage, string> = {
  en: 'Bevatel Dashboard Apps',
  ar: 'تطبيقات لوحة التحكم في بيفاتيل',
};

const NAV_LABEL: Record<DocsLanguage, string> = { en: 'Guide', ar: 'الدليل' };

export function docsPage(input: DocsPageInput): string {
  const dir = input.lang === 'ar' ? 'rtl' : 'ltr';
  const links = input.nav
    .map(
      (link) =>
        `<a href="${escapeHtml(link.href)}"${link.current ? ' aria-current="page"' : ''}>${escapeHtml(link.label)}</a>`,
    )
    .join('');
  const alternate = input.alternate
    ? `<a class="alternate" href="${escapeHtml(input.alternate.href)}" lang="${input.alternate.lang}" hreflang="${input.alternate.lang}">${escapeHtml(input.alternate.label)}</a>`
    : '';
  const title = input.title ? `${input.title} · ${SITE_NAME[input.lang]}` : SITE_NAME[input.lang];
  return `<!doctype html>
<html lang="${input.lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${escapeHtml(input.stylesheet)}">
</head>
<body>
<header><nav aria-label="${NAV_LABEL[input.lang]}"><span class="site">${escapeHtml(SITE_NAME[input.lang])}</span>${links}${alternate}</nav></header>
<main>
${input.body}
</main>
</body>
</html>
`;
}

/** Served at …/docs.css: light and dark, logical properties for RTL, code always LTR. */
export const DOCS_CSS = `:root {
  color-scheme: light dark;
  --fg: #1d2330; --muted: #5b6475; --bg: #ffffff; --panel: #f4f6f9; --line: #dde2ea;
  --accent: #1f5fbf;
  font: 16px/1.6 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root { --fg: #e5e9f0; --muted: #a3adbd; --bg: #151a22; --panel: #1e2530; --line: #2f3846; --accent: #7fb0ff; }
}
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: var(--bg); }
header { border-block-end: 1px solid var(--line); background: var(--panel); }
nav { max-width: 52rem; margin-inline: auto; padding: 0.75rem 1rem; display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; align-items: center; }
nav .site { font-weight: 600; margin-inline-end: auto; }
nav a { color: var(--accent); text-decoration: none; }
nav a[aria-current="page"] { color: var(--fg); font-weight: 600; }
nav a:hover, nav a:focus-visible { text-decoration: underline; }
main { max-width: 52rem; margin-inline: auto; padding: 1rem 1rem 4rem; overflow-wrap: anywhere; }
a { color: var(--accent); }
a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
h1, h2, h3, h4 { line-height: 1.3; margin-block: 1.8em 0.6em; }
h1 { margin-block-start: 0.6em; }
.header-anchor { margin-inline-start: 0.35em; color: var(--muted); text-decoration: none; opacity: 0.5; }
.header-anchor:hover, .header-anchor:focus-visible { opacity: 1; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
code { background: var(--panel); padding: 0.1em 0.3em; border-radius: 4px; unicode-bidi: isolate; direction: ltr; }
pre { direction: ltr; text-align: left; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 0.8rem 1rem; overflow-x: auto; }
pre code { background: none; padding: 0; }
table { border-collapse: collapse; display: block; overflow-x: auto; max-width: 100%; }
th, td { border: 1px solid var(--line); padding: 0.35rem 0.6rem; text-align: start; vertical-align: top; }
th { background: var(--panel); }
blockquote { margin-inline: 0; padding-inline-start: 1rem; border-inline-start: 4px solid var(--line); color: var(--muted); }
`;
