/**
 * Renders the developer guide's Markdown (docs/dashboard-apps) to HTML with markdown-it: raw
 * HTML in the source is escaped, never passed through (`html: false`), and markdown-it's own
 * link check refuses javascript:, vbscript:, file: and data: URLs. Headings get GitHub's ids,
 * so the guide's `#anchors` work the same here and on a code host; links between the guide's
 * .md files become links to the pages this server renders.
 */
import { posix } from 'node:path';
import { slug } from 'github-slugger';
import markdownIt, { type MarkdownIt } from 'markdown-it';
import anchor from 'markdown-it-anchor';

export interface RenderedMarkdown {
  /** Text of the first level-1 heading, or '' when there is none. */
  title: string;
  html: string;
}

export interface RenderOptions {
  /** Path of the file inside the docs folder, e.g. "en/README.md": relative links resolve from it. */
  file: string;
  /** The served URL of another .md file of the folder, or null when it is not served. */
  pageUrl(file: string): string | null;
}

/** Where a render's options travel: markdown-it hands its `env` object to every rule. */
const OPTIONS = 'bevatelDocsOptions';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** The served URL for a relative link to a .md file (keeping its #fragment), else the link. */
function rewriteHref(href: string, options: RenderOptions): string {
  if (!href || href.startsWith('#') || href.startsWith('/') || SCHEME.test(href)) return href;
  const hash = href.indexOf('#');
  const path = hash === -1 ? href : href.slice(0, hash);
  const fragment = hash === -1 ? '' : href.slice(hash);
  const target = posix.normalize(posix.join(posix.dirname(options.file), path));
  if (target.startsWith('..') || !target.endsWith('.md')) return href;
  const url = options.pageUrl(target);
  return url === null ? href : `${url}${fragment}`;
}

function createRenderer(): MarkdownIt {
  const md = markdownIt({ html: false, linkify: false, typographer: false });
  // GitHub's heading ids (repeats numbered "-1", "-2"), and a "#" link after each heading.
  md.use(anchor, {
    slugify: (text) => slug(text),
    permalink: anchor.permalink.ariaHidden({ placement: 'after', symbol: '#' }),
  });
  const defaultLinkOpen = md.renderer.rules.link_open;
  md.renderer.rules.link_open = (tokens, index, options, env, self) => {
    const token = tokens[index];
    if (token) {
      const href = token.attrGet('href');
      const renderOptions = (env as Record<string, RenderOptions | undefined> | undefined)?.[
        OPTIONS
      ];
      if (href !== null && renderOptions) {
        token.attrSet('href', rewriteHref(String(href), renderOptions));
      }
    }
    return defaultLinkOpen
      ? defaultLinkOpen(tokens, index, options, env, self)
      : self.renderToken(tokens, index, options);
  };
  return md;
}

const renderer = createRenderer();

export function renderMarkdown(source: string, options: RenderOptions): RenderedMarkdown {
  const env = { [OPTIONS]: options };
  const tokens = renderer.parse(source, env);
  const heading = tokens.findIndex((t) => t.type === 'heading_open' && t.tag === 'h1');
  // The heading's source text, without inline code marks (the permalink is not in it).
  const title = heading === -1 ? '' : (tokens[heading + 1]?.content ?? '').replace(/`/g, '');
  return { title, html: renderer.renderer.render(tokens, renderer.options, env) };
}
