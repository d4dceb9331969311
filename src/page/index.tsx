/** The offline checker page's entry: one self-contained file (dist/checker.html) that needs no server and no network. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { markStarted } from "../shared/started";
import { FILE_ACTIONS } from "./actions";
import { CheckerApp } from "./components/CheckerApp";

markStarted();

createRoot(document.getElementById("container")!).render(
  <FluentProvider theme={webLightTheme}>
    <CheckerApp actions={FILE_ACTIONS} />
  </FluentProvider>,
);
