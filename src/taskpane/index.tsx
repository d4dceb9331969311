/** The task pane's entry: wait for office.js (not forever: an intranet may block its CDN), then show the pane. */
import { FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import { Suspense, lazy } from "react";
import { createRoot } from "react-dom/client";
import { officeHost } from "../word/officeHost";
import { createActions } from "./actions";
import { App } from "./components/App";
import type { OfficeProblem } from "./components/OfficeMissing";
import { markStarted } from "../shared/started";

markStarted();

/** How long office.js may take before the pane says it cannot load. */
const OFFICE_TIMEOUT_MS = 8000;

// Shown only when Word cannot run the pane: loaded then, off the start-up path.
const OfficeMissing = lazy(() =>
  import(/* webpackChunkName: "office-missing" */ "./components/OfficeMissing").then((module) => ({ default: module.OfficeMissing })),
);

const root = createRoot(document.getElementById("container")!);
const show = (content: React.ReactNode) => root.render(<FluentProvider theme={webLightTheme}>{content}</FluentProvider>);

show(<Spinner label="正在连接 Word…" style={{ marginTop: 48 }} />);

function officeReady(): Promise<Office.HostType | null | "timeout"> {
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), OFFICE_TIMEOUT_MS));
  if (typeof Office === "undefined") return timeout;
  return Promise.race([Office.onReady().then((info) => info.host), timeout]);
}

void officeReady().then((host) => {
  let problem: OfficeProblem | null = null;
  if (host === "timeout") problem = "no-office";
  else if (host !== Office.HostType.Word) problem = "not-word";
  else if (!Office.context.requirements.isSetSupported("WordApi", "1.3")) problem = "old-word";
  show(
    problem ? (
      <Suspense fallback={<Spinner />}>
        <OfficeMissing problem={problem} />
      </Suspense>
    ) : (
      <App actions={createActions(officeHost)} />
    ),
  );
});
