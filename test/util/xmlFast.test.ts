/**
 * The fast path of the XML reader (src/util/xmlFast.ts) against saxes: wherever the fast path accepts a text,
 * saxes accepts it too and tells the same events, offsets and all; what it refuses goes to saxes. Over the
 * project's documents, hand-made edge cases, and thousands of mutated documents.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { FORMAT_2019, FORMAT_2021 } from "../../src/domain/formats";
import { templateDocx } from "../../src/docx/template";
import { parseXml, scanXmlWith, XmlError, type XmlEvents, type XmlLimits, DEFAULT_XML_LIMITS } from "../../src/util/xml";
import { fillControls } from "../support/controlTyping";
import { EXAMPLES } from "../helpers/fixtures";
import { randomValues } from "../helpers/reports";

type Event = [string, ...unknown[]];

/** Every event, consecutive texts joined (a comment between two texts may split them differently). */
class Recorder implements XmlEvents {
  readonly events: Event[] = [];
  open(name: string, attrs: readonly string[], start: number, openEnd: number): void {
    this.events.push(["open", name, [...attrs], start, openEnd]);
  }
  close(name: string, closeStart: number, end: number): void {
    this.events.push(["close", name, closeStart, end]);
  }
  text(text: string): void {
    const last = this.events[this.events.length - 1];
    if (last?.[0] === "text") last[1] += text;
    else this.events.push(["text", text]);
  }
}

function saxesEvents(input: string, limits?: XmlLimits): Event[] | XmlError {
  const recorder = new Recorder();
  try {
    scanXmlWith("saxes", input, recorder, limits);
    return recorder.events;
  } catch (error) {
    if (error instanceof XmlError) return error;
    throw error;
  }
}

function fastEvents(input: string, limits?: XmlLimits): Event[] | null {
  const recorder = new Recorder();
  return scanXmlWith("fast", input, recorder, limits) ? recorder.events : null;
}

/** The fast path's verdict: "fast" where it took the text (and agreed with saxes), "saxes" where it left it. */
function compare(input: string, limits?: XmlLimits): "fast" | "saxes" {
  const fast = fastEvents(input, limits);
  if (fast === null) return "saxes";
  const reference = saxesEvents(input, limits);
  if (reference instanceof XmlError)
    throw new Error(`fast path accepted what saxes refuses (${reference.detail}): ${JSON.stringify(input.slice(0, 300))}`);
  expect(fast).toEqual(reference);
  return "fast";
}

function partsOf(bytes: Uint8Array): string[] {
  return Object.entries(unzipSync(bytes))
    .filter(([name]) => /\.(xml|rels)$/.test(name))
    .map(([, data]) => strFromU8(data));
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const doc = (body: string, declarations = W) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${declarations}><w:body>${body}</w:body></w:document>`;

describe("the fast XML path", () => {
  it("takes every part of the templates, filled, and of the WPS-made example, with saxes's events", () => {
    const documents = [
      fillControls(templateDocx(FORMAT_2021, { organization: "某市某局", year: 2024 }), randomValues("2021", 3)),
      fillControls(templateDocx(FORMAT_2019, { organization: "某县某局", year: 2020 }), randomValues("2019", 4)),
      readFileSync(join(EXAMPLES, "2021-template-wps-no-controls.docx")),
    ];
    const parts = documents.flatMap(partsOf);
    expect(parts.length).toBeGreaterThan(20);
    expect(parts.map((part) => compare(part))).toEqual(parts.map(() => "fast"));
  });

  it.each([
    ["entities and character references", doc("<w:p><w:r><w:t>&lt;a&gt; &amp; &quot;b&apos; &#20013;&#x6587; &#x1F600;</w:t></w:r></w:p>")],
    ["attributes in single quotes, spaces around =, tabs and LF inside values", doc("<w:p w:a = 'x\ty\nz' w:b=\"&#10;\"/>")],
    ["a comment inside text", doc("<w:p><w:r><w:t>12<!-- note -->34</w:t></w:r></w:p>")],
    [
      "a default namespace, written without prefixes",
      `<document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><body><p/></body></document>`,
    ],
    [
      "another prefix for WordprocessingML",
      `<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body><x:tbl/></x:body></x:document>`,
    ],
    ["a namespace declared below the root", doc('<w:p><a:b xmlns:a="urn:a" a:c="1"><a:d/></a:b></w:p>')],
    ["an unknown namespace", `<k:root xmlns:k="urn:k"><k:x k:y="1"/></k:root>`],
    ["xml:space", doc('<w:t xml:space="preserve"> a </w:t>')],
    ["a byte-order mark", `\ufeff${doc("<w:p/>")}`],
    ["CR LF after the declaration, as Word writes it", doc("<w:p/>").replace("?>\n", "?>\r\n")],
    ["no declaration, whitespace and comments around the root", ` <!-- a --> <root/> <!-- b -->\n`],
    ["spaces before > in end tags", doc("<w:p></w:p   >")],
  ])("takes %s, as saxes reads it", (_name, input) => {
    expect(compare(input)).toBe("fast");
  });

  it.each([
    ["a DTD", `<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>`],
    ["CDATA", doc("<w:t><![CDATA[1<2]]></w:t>")],
    ["a processing instruction", doc('<?mso-application progid="Word.Document"?><w:p/>')],
    ["CR line ends inside the root", doc("<w:p>\r\n</w:p>")],
    ["CR in an attribute value", doc('<w:p w:a="\r"/>')],
    ["CR inside a tag", doc('<w:p\r\nw:a="1"/>')],
    ["a name outside ASCII", doc("<w:p><数据/></w:p>")],
    ["an undefined entity", doc("<w:t>&nbsp;</w:t>")],
    ["a bare ampersand", doc("<w:t>a & b</w:t>")],
    ["&#0;", doc("<w:t>&#0;</w:t>")],
    ["a reference past U+10FFFF", doc("<w:t>&#x110000;</w:t>")],
    ["a control character", doc("<w:t>\u0001</w:t>")],
    ["a lone surrogate", doc("<w:t>\ud800</w:t>")],
    ["]]> in text", doc("<w:t>]]></w:t>")],
    ["< in an attribute value", doc('<w:p w:a="<"/>')],
    ["an attribute twice", doc('<w:p w:a="1" w:a="2"/>')],
    [
      "an attribute twice through two prefixes for one namespace",
      doc('<w:p w:a="1" v:a="2"/>', `${W} xmlns:v="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`),
    ],
    ["attributes not apart", doc('<w:p w:a="1"w:b="2"/>')],
    ["an attribute without a value", doc("<w:p w:a/>")],
    ["an unbound prefix", doc("<q:p/>")],
    ["an unbound attribute prefix", doc('<w:p q:a="1"/>')],
    ["xmlns:p=''", doc('<w:p xmlns:q=""/>')],
    ["the xmlns prefix bound", doc('<w:p xmlns:xmlns="urn:x"/>')],
    ["an element with the xmlns prefix", doc("<xmlns:p/>")],
    ["mismatched end tag", doc("<w:p></w:r>")],
    ["an unclosed element", doc("<w:p>").replace("</w:body></w:document>", "")],
    ["two roots", "<a/><b/>"],
    ["text after the root", "<a/>x"],
    ["text before the root", "x<a/>"],
    ["-- in a comment", doc("<!-- a -- b --><w:p/>")],
    ["a comment ending in ---", doc("<!-- a ---><w:p/>")],
    ["an XML 1.1 declaration", `<?xml version="1.1"?><a/>`],
    ["a declaration not at the start", ` <?xml version="1.0"?><a/>`],
    ["a colon twice in a name", doc("<w:p:q/>")],
    ["an empty document", ""],
    ["an unquoted attribute", doc("<w:p w:a=1/>")],
    ["a non-breaking space as a separator", doc('<w:p\u00a0w:a="1"/>')],
  ])("leaves %s to saxes", (_name, input) => {
    expect(compare(input)).toBe("saxes");
  });

  it("leaves a document past the depth or element limits to saxes, which refuses it with its message", () => {
    const limits = { ...DEFAULT_XML_LIMITS, maxDepth: 5, maxElements: 1000 };
    const deep = "<a>".repeat(6) + "</a>".repeat(6);
    expect(compare(deep, limits)).toBe("saxes");
    expect(() => parseXml(deep, limits)).toThrow("XML 嵌套超过 5 层");
    const many = `<a>${"<b/>".repeat(1000)}</a>`;
    expect(compare(many, limits)).toBe("saxes");
    expect(() => parseXml(many, limits)).toThrow("XML 元素超过 1000 个");
    expect(compare(`<a>${"<b/>".repeat(998)}</a>`, limits)).toBe("fast");
  });

  it("agrees with saxes over 4,000 mutated documents: what it takes saxes takes, with the same events", () => {
    const seed = doc(
      '<w:p w:rsidR="00AB"><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">一、总体情况 &amp; 12</w:t></w:r></w:p>' +
        '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:tr></w:tbl><!-- c --><w:sdt><w:sdtPr><w:tag w:val="t2.a"/></w:sdtPr></w:sdt>',
    );
    const pieces = [
      "<",
      ">",
      "/",
      "&",
      ";",
      '"',
      "'",
      "=",
      ":",
      " ",
      "!",
      "-",
      "?",
      "[",
      "]",
      "x",
      "\t",
      "\n",
      "\r",
      "#",
      "数",
      "\u0000",
      "w:",
      "&#",
      "<!--",
      "]]>",
    ];
    let state = 20241;
    const random = (n: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % n;
    };
    const verdicts = { fast: 0, saxes: 0 };
    for (let i = 0; i < 4000; i++) {
      let text = seed;
      for (let edits = 1 + random(3); edits > 0; edits--) {
        const at = random(text.length);
        const kind = random(3);
        if (kind === 0) text = text.slice(0, at) + text.slice(at + 1 + random(3));
        else if (kind === 1) text = text.slice(0, at) + pieces[random(pieces.length)]! + text.slice(at);
        else {
          const from = random(text.length);
          text = text.slice(0, at) + text.slice(from, from + random(12)) + text.slice(at);
        }
      }
      verdicts[compare(text)]++;
    }
    // Both ways are taken many times: the comparison is not vacuous.
    expect(verdicts.fast).toBeGreaterThan(300);
    expect(verdicts.saxes).toBeGreaterThan(500);
  });
});
