import { CELL_ID_PATTERN, findCell, formatCells, isCellId } from "../../src/domain/cells";
import { FORMAT_2019, FORMAT_2021, formatForYear } from "../../src/domain/formats";
import type { FormatDecl } from "../../src/domain/formatModel";

const countIn = (format: FormatDecl, table: string) => formatCells(format).filter((cell) => cell.table === table).length;

describe("format declarations", () => {
  it.each([
    [FORMAT_2021, 10, 175, 15],
    [FORMAT_2019, 22, 161, 15],
  ])("format %# has the official number of data cells per table", (format, t2, t3, t4) => {
    expect([countIn(format, "t2"), countIn(format, "t3"), countIn(format, "t4")]).toEqual([t2, t3, t4]);
  });

  it.each([FORMAT_2021, FORMAT_2019])("cell ids are unique and follow the documented pattern", (format) => {
    const ids = formatCells(format).map((cell) => cell.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(CELL_ID_PATTERN);
  });

  it("uses the documented ids for the cells the add-in and tests name", () => {
    expect(findCell(FORMAT_2021, "t3.1.natural")?.rowLabel).toBe("一、本年新收政府信息公开申请数量");
    expect(findCell(FORMAT_2021, "t3.3-3-1.commercial")?.title).toBe("（三）不予公开 · 1.属于国家秘密 · 法人或其他组织 · 商业企业");
    expect(findCell(FORMAT_2021, "t3.1.natural")?.title).toBe("一、本年新收政府信息公开申请数量 · 自然人");
    expect(findCell(FORMAT_2021, "t4.review.total")?.title).toBe("行政复议 · 总计");
    expect(findCell(FORMAT_2021, "t4.suit-after-review.upheld")?.title).toBe("行政诉讼 · 复议后起诉 · 结果维持");
    expect(findCell(FORMAT_2021, "t2.fees.amount")).toMatchObject({ valueType: "amount", unit: "万元" });
    expect(findCell(FORMAT_2019, "t2.licensing.change")?.valueType).toBe("signedCount");
    expect(findCell(FORMAT_2019, "t2.procurement.amount")).toMatchObject({ valueType: "amount", unit: null });
    expect(findCell(FORMAT_2019, "t3.3-6.total")?.rowLabel).toBe("（六）其他处理");
    expect(findCell(FORMAT_2021, "t3.3-6.total")).toBeUndefined();
  });

  it("keeps the official labels character for character", () => {
    const labels2021 = new Set(formatCells(FORMAT_2021).flatMap((cell) => [...cell.rowPath, ...cell.columnPath].map((node) => node.label)));
    for (const label of [
      "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
      "3.危及“三安全一稳定”",
      "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
      "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
      "5.要求行政机关确认或重新出具已获取信息",
      "本年收费金额（单位：万元）",
      "行政规范性文件",
      "未经复议直接起诉",
      "社会公益组织",
    ]) {
      expect(labels2021).toContain(label);
    }
    expect(FORMAT_2021.tables[1]!.grids[0]!.corner).toBe("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
  });

  it("tells cell ids from other tags", () => {
    expect(isCellId("t3.3-3-1.natural")).toBe(true);
    expect(isCellId("t4.review.total")).toBe(true);
    expect(isCellId("gov-report:title")).toBe(false);
    expect(isCellId("T3.1.natural")).toBe(false);
  });

  it("chooses the format by report year", () => {
    expect(formatForYear(2019).id).toBe("2019");
    expect(formatForYear(2020).id).toBe("2019");
    expect(formatForYear(2021).id).toBe("2021");
    expect(formatForYear(2026).id).toBe("2021");
  });

  it("declares one rule instance per column, row or group", () => {
    const count = (format: FormatDecl, id: string) => format.rules.filter((rule) => rule.id === id).length;
    expect([count(FORMAT_2021, "T3-A"), count(FORMAT_2021, "T3-B"), count(FORMAT_2021, "T3-C"), count(FORMAT_2021, "T4-A")]).toEqual([
      7, 7, 25, 3,
    ]);
    expect([count(FORMAT_2019, "T3-C"), count(FORMAT_2019, "T2-B")]).toEqual([23, 4]);
  });
});
