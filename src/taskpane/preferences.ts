/** The agency name, remembered between sessions on this machine (never sent anywhere). */
const KEY = "gov-report:organization";

export function rememberedOrganization(): string {
  try {
    return window.localStorage.getItem(KEY) ?? "";
  } catch {
    return "";
  }
}

export function rememberOrganization(name: string): void {
  try {
    window.localStorage.setItem(KEY, name);
  } catch {
    // Storage can be off in locked-down Office installations: the pane still works, it just forgets.
  }
}

/** Reports are written in January for the year before. */
export function defaultReportYear(today = new Date()): number {
  return today.getFullYear() - 1;
}
