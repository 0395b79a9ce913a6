/** The launcher's own styles, inside its shadow root so the site's CSS never reaches them. */
export function launcherCss(color: string, position: 'left' | 'right'): string {
  const side = position === 'left' ? 'left' : 'right';
  return `
:host{all:initial}
.bubble{position:fixed;${side}:20px;bottom:20px;width:60px;height:60px;border-radius:50%;border:0;
background:${color};color:#fff;cursor:pointer;box-shadow:0 4px 16px rgba(0,0,0,.25);z-index:2147483646;
display:flex;align-items:center;justify-content:center}
.bubble svg{width:28px;height:28px}
.bubble:focus-visible{outline:3px solid #111;outline-offset:3px}
.badge{position:absolute;top:-4px;${side === 'right' ? 'left' : 'right'}:-4px;min-width:22px;height:22px;
padding:0 5px;border-radius:11px;background:#d92d20;color:#fff;font:700 12px/22px system-ui,sans-serif;
box-sizing:border-box;text-align:center}
.badge[hidden]{display:none}
.panel{position:fixed;${side}:20px;bottom:92px;width:380px;height:min(640px,calc(100vh - 112px));
border-radius:16px;overflow:hidden;box-shadow:0 8px 32px rgba(0,0,0,.25);z-index:2147483647;background:#fff}
.panel[hidden]{display:none}
.panel iframe{width:100%;height:100%;border:0;display:block}
@media (max-width:520px){.panel{inset:0;width:auto;height:auto;border-radius:0}
:host([data-open]) .bubble{display:none}}
`;
}
