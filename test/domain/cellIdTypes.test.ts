import { findCell } from "../../src/domain/cells";
import { FORMATS, type CellId } from "../../src/domain/formats";

describe("the CellId type, derived from the declarations", () => {
  it("accepts the ids of declared cells", () => {
    const ids: CellId[] = [
      "t3.3-3-1.commercial",
      "t4.review.total",
      "t2.fees.amount",
      "t2.licensing.change",
      "t3.3-6.natural",
      "t3.3-6-2.total",
      "t2.regulations.in-force",
      "t2.procurement.amount",
    ];
    for (const id of ids) expect(FORMATS.some((format) => findCell(format, id) !== undefined)).toBe(true);
  });

  it("rejects mistyped ids at compile time (ts-jest type-checks this file: an unused @ts-expect-error fails it)", () => {
    // @ts-expect-error no row 3-3-9
    const row: CellId = "t3.3-3-9.natural";
    // @ts-expect-error no column "totl"
    const column: CellId = "t4.review.totl";
    // @ts-expect-error 行政事业性收费 has no 处理决定数量 in either format
    const cross: CellId = "t2.fees.decisions";
    for (const id of [row, column, cross]) expect(FORMATS.every((format) => findCell(format, id) === undefined)).toBe(true);
  });
});
