/**
 * The ribbon's 一键检查 button (ExecuteFunction): the same check-and-mark as the pane, then a short result in a
 * dialog. There is no shared runtime, so nothing is kept in memory: the document holds the marks.
 */
import { checkAndMark } from "../word/adapter";
import { officeHost } from "../word/officeHost";
import { markStarted } from "../shared/started";

markStarted();

/**
 * How long to wait for the user to close the result dialog before closing it and telling Office the command is
 * done. Closing it with Esc sends no event on desktop (office-js #5200), so this bounds how long the ribbon button
 * stays blocked.
 */
export const DIALOG_WAIT_MS = 60 * 1000;

export interface ResultSummary {
  status: "checked" | "tracking" | "error";
  errors?: number;
  warnings?: number;
  marked?: number;
  message?: string;
}

export async function summarise(run: () => ReturnType<typeof checkAndMark>): Promise<ResultSummary> {
  try {
    const outcome = await run();
    if (outcome.status === "trackChanges") return { status: "tracking", errors: outcome.result.errors, warnings: outcome.result.warnings };
    return { status: "checked", errors: outcome.result.errors, warnings: outcome.result.warnings, marked: outcome.marked };
  } catch (error) {
    return { status: "error", message: (error as Error).message };
  }
}

export function resultUrl(base: string, summary: ResultSummary): string {
  const params = new URLSearchParams(Object.entries(summary).map(([key, value]) => [key, String(value)]));
  return `${base}?${params.toString()}`;
}

export function showResult(summary: ResultSummary): Promise<void> {
  const url = resultUrl(new URL("result.html", window.location.href).href, summary);
  return new Promise((resolve) => {
    let dialog: Office.Dialog | null = null;
    const done = setTimeout(() => {
      try {
        dialog?.close();
      } catch {
        // already closed by the user (Esc): nothing to close
      }
      resolve();
    }, DIALOG_WAIT_MS);
    Office.context.ui.displayDialogAsync(url, { height: 32, width: 28, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        clearTimeout(done);
        resolve();
        return;
      }
      dialog = result.value;
      const opened = dialog;
      const close = () => {
        clearTimeout(done);
        opened.close();
        resolve();
      };
      opened.addEventHandler(Office.EventType.DialogMessageReceived, close);
      opened.addEventHandler(Office.EventType.DialogEventReceived, () => {
        clearTimeout(done);
        resolve();
      });
    });
  });
}

export async function runCheck(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const summary = await summarise(() => checkAndMark(officeHost));
    await showResult(summary);
  } finally {
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  void Office.onReady(() => Office.actions.associate("runCheck", runCheck));
}
