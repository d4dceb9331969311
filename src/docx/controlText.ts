/**
 * Setting the text of tagged content controls in a .docx, as typing into them in Word does: the runs of the
 * control's first paragraph are replaced by one run (keeping the first run's properties), everything else stays
 * byte for byte. Used by `gov-report fill` to write computed totals, and by the tests to type a report.
 */
import { applySplices, child, descendants, escapeText, parseXml, type Splice, type XmlElement } from "../util/xml";

function tagOf(sdt: XmlElement): string | undefined {
  return child(child(sdt, "w:sdtPr") ?? sdt, "w:tag")?.attrs.get("w:val");
}

/** The document.xml with each named control's text set; controls not named are untouched. */
export function setControlTexts(xml: string, texts: ReadonlyMap<string, string>): string {
  const splices: Splice[] = [];
  for (const sdt of descendants(parseXml(xml), "w:sdt")) {
    const tag = tagOf(sdt);
    const text = tag === undefined ? undefined : texts.get(tag);
    const paragraph: XmlElement | undefined = descendants(child(sdt, "w:sdtContent") ?? sdt, "w:p").next().value ?? undefined;
    if (text === undefined || !paragraph) continue;
    const runs = paragraph.children.filter((element) => element.name === "w:r");
    const properties = runs[0] ? child(runs[0], "w:rPr") : undefined;
    const rPr = properties ? xml.slice(properties.start, properties.end) : "";
    const run = `<w:r>${rPr}<w:t xml:space="preserve">${escapeText(text)}</w:t></w:r>`;
    if (runs.length === 0) {
      splices.push({ from: paragraph.closeStart, to: paragraph.closeStart, text: run });
      continue;
    }
    runs.forEach((existing, index) => splices.push({ from: existing.start, to: existing.end, text: index === 0 ? run : "" }));
  }
  return applySplices(xml, splices);
}
