/** Tells the page's engine guard (engineGuard.js) that the bundle runs, so it does not replace the page. */
export function markStarted(): void {
  (window as { __govReportStarted?: boolean }).__govReportStarted = true;
}
