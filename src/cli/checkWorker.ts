/** A worker thread of `gov-report check --jobs N`: checks the files it is given, one at a time. */
import { parentPort } from "node:worker_threads";
import { checkOneFile, type CheckRequest } from "./checkFiles";

parentPort?.on("message", (request: CheckRequest) => {
  void checkOneFile(request).then((report) => parentPort!.postMessage(report));
});
