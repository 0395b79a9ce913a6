/**
 * Timestamps taken inside the page, in ms since its navigation started (`performance.now()`):
 * when the first conversation row is in the DOM and visible, and when the three assignee counts
 * are. Each is also taken at the next animation frame, the frame that paints it. Source text,
 * not a function: tsx would wrap inner functions in a helper the page does not have.
 */
export const MARKS_SCRIPT = `(() => {
  const marks = (window.__benchMarks = {});
  const ROW = '[role="list"][aria-label="Conversation list"] [role="listitem"] a';
  const COUNTS = '[role="tablist"] .tab-count';
  const mark = (key) => {
    marks[key + 'Dom'] = performance.now();
    requestAnimationFrame(() => {
      marks[key] = performance.now();
    });
  };
  const observer = new MutationObserver(() => {
    if (marks.rowDom === undefined) {
      const row = document.querySelector(ROW);
      if (row && row.getBoundingClientRect().height > 0) mark('row');
    }
    if (marks.countsDom === undefined && document.querySelectorAll(COUNTS).length >= 3) {
      mark('counts');
    }
    if (marks.rowDom !== undefined && marks.countsDom !== undefined) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();`;

export interface Marks {
  row?: number;
  rowDom?: number;
  counts?: number;
  countsDom?: number;
}

declare global {
  interface Window {
    __benchMarks?: Marks;
  }
}
