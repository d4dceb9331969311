/** For tests only (it uses jest's expect): the streamed reading held to the tree's. */
import type { ReadOptions, ReportReading } from "../../src/domain/reading";
import { loadDocx, readDocx } from "../../src/docx/reader";
import { streamDocxReport } from "../../src/docx/streamReader";
import { withoutSources } from "../helpers/docx";

/**
 * The streamed reading of a .docx (src/docx/streamReader.ts) beside the tree's; a test fails where the stream
 * reads the document and differs. Returns which way the check read it.
 */
export function expectStreamAgrees(bytes: Uint8Array, options: ReadOptions = {}): "stream" | "tree" {
  const tree = (() => {
    try {
      return readDocx(loadDocx(bytes), options).reading;
    } catch (error) {
      return (error as Error).message;
    }
  })();
  let stream: ReportReading | null | string;
  try {
    stream = streamDocxReport(bytes, options);
  } catch (error) {
    stream = (error as Error).message;
  }
  if (stream === null) return "tree";
  expect(withoutSources(stream)).toEqual(withoutSources(tree));
  return "stream";
}
