/** A worker thread of `gov-report check --jobs N`: checks the files it is given, one at a time. */
import { parentPort } from "node:worker_threads";
import { checkAndRender, type CheckRequest } from "./checkFiles";

parentPort?.on("message", (request: CheckRequest) => {
  void checkAndRender(request).then((report) => parentPort!.postMessage(report));
});
