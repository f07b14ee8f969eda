import { describe, expect, it } from "vitest";
import { adverseEventHierarchyTable, summaryTable, type DisplayTable } from "../cohort/index.js";
import { reportToDocx, tableToDocx, type DocxBlock, type DocxOptions } from "./index.js";
import { unzipText } from "./_unzip.js";
import { solidPng } from "./png.js";

/** Paragraph texts of each table cell, row by row, from document.xml (w:t runs joined, w:br as \n). */
function tables(xml: string): { rows: { text: string; span: number; sup: string[] }[][] }[] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) => ({
    rows: [...t[1]!.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>|<w:tr [^>]*>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...(r[1] ?? r[2]!).matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => {
        const body = c[1]!;
        const runs = [...body.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1]!);
        const text = runs
          .filter((x) => !/w:vertAlign w:val="superscript"/.test(x))
          .map((x) => (/<w:br\/>/.test(x) ? "\n" : "") + [...x.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
          .join("");
        const sup = runs.filter((x) => /w:vertAlign w:val="superscript"/.test(x)).map((x) => /<w:t[^>]*>([^<]*)<\/w:t>/.exec(x)?.[1] ?? "");
        const span = Number(/<w:gridSpan w:val="(\d+)"/.exec(body)?.[1] ?? 1);
        return { text: decode(text), span, sup };
      }),
    ),
  }));
}
const decode = (s: string): string => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
const paragraphs = (xml: string): string[] =>
  [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((p) => decode([...(p[1] ?? p[2]!).matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("")));

const rows = [
  { g: "UC", age: 30, male: true, extent: "E1" },
  { g: "UC", age: 41, male: true, extent: "E2" },
  { g: "UC", age: 52, male: false, extent: "E3" },
  { g: "UC", age: 63, male: null, extent: "E3" },
  { g: "CD", age: 22, male: true, extent: "E1" },
  { g: "CD", age: 25, male: false, extent: "E1" },
  { g: "CD", age: 37, male: true, extent: "E2" },
];

describe("reportToDocx / tableToDocx", () => {
  it("matches the @examples (a zip archive)", async () => {
    const bytes = await reportToDocx([{ kind: "heading", text: "Results" }, { kind: "table", table: { columns: ["Characteristic", "p-value"], rows: [{ cells: ["Age", { text: "<0.001", sup: "a" }] }], footnotes: ["a Wilcoxon rank sum test"] } }]);
    expect([bytes[0], bytes[1]]).toEqual([80, 75]);
    expect((await tableToDocx({ columns: ["x", "y"], rows: [{ cells: ["1", "2"] }], footnotes: [] })).length).toBeGreaterThan(1000);
  });

  it("writes a Table 1 as a real Word table: caption, merged spanner, header, cell texts, markers, notes", async () => {
    const t = summaryTable(rows, { by: "g", groups: ["UC", "CD"], byLabel: "Diagnosis", caption: "Table 1 Baseline", variables: [{ key: "age", label: "Age", type: "continuous" }, { key: "male", label: "Male", type: "dichotomous" }, { key: "extent", label: "Extent", type: "categorical" }] });
    const xml = unzipText(await tableToDocx(t.table)).get("word/document.xml")!;
    const [tbl] = tables(xml);
    expect(tbl).toBeDefined();
    // spanner row: an empty cell over "Characteristic", "Diagnosis" merged over UC and CD, an empty cell over p
    expect(tbl!.rows[0]!.map((c) => [c.text, c.span])).toEqual([["", 1], ["Diagnosis", 2], ["", 1]]);
    expect(tbl!.rows[1]!.map((c) => c.text)).toEqual(["Characteristic", "UC\nN = 4", "CD\nN = 3", "p-value"]);
    // body: every DisplayTable cell, with footnote letters as superscripts
    const body = tbl!.rows.slice(2);
    expect(body.map((r) => r.map((c) => c.text))).toEqual(t.table.rows.map((r) => r.cells.map((c) => (typeof c === "string" ? c : c.text))));
    expect(body[0]!.at(-1)!.sup).toEqual([t.rows[0]!.letter]);
    // header rows repeat on each page
    expect((xml.match(/<w:tblHeader\/>/g) ?? []).length).toBe(2);
    const ps = paragraphs(xml);
    expect(ps).toContain("Table 1 Baseline");
    for (const note of t.table.footnotes) expect(ps).toContain(note);
  });

  it("writes the adverse-event hierarchy with one merged spanner per column group", async () => {
    const ae = adverseEventHierarchyTable(
      [{ patientId: "a", group: "X", exposureYears: 1 }, { patientId: "b", group: "Y", exposureYears: 2 }],
      [{ patientId: "a", systemOrganClass: "Infections", preferredTerm: "Herpes zoster", serious: true, ledToDiscontinuation: false }],
      { rates: true },
    );
    const xml = unzipText(await tableToDocx(ae.table, { landscape: true })).get("word/document.xml")!;
    const [tbl] = tables(xml);
    expect(tbl!.rows[0]!.map((c) => [c.text, c.span])).toEqual([["", 1], ["Overall (N = 2; 3.0 PY)", 3], ["X (N = 1; 1.0 PY)", 3], ["Y (N = 1; 2.0 PY)", 3]]);
    expect(tbl!.rows.at(-1)!.map((c) => c.text).slice(0, 3)).toEqual(["Herpes zoster", "1 (50.0%)", "1"]);
    expect(xml).toMatch(/w:orient="landscape"/);
  });

  it("embeds figures as SVG with a PNG fallback, in order with headings and paragraphs", async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="150"><rect width="300" height="150" fill="#fff"/><text x="10" y="20">Hi</text></svg>';
    const blocks: DocxBlock[] = [{ kind: "heading", text: "Figures", level: 2 }, { kind: "paragraph", text: "One line\nanother" }, { kind: "figure", svg, caption: "Figure 1 Test" }];
    const files = unzipText(await reportToDocx(blocks, { title: "T" }));
    expect([...files.keys()].some((k) => /^word\/media\/.*\.svg$/.test(k))).toBe(true);
    expect([...files.keys()].some((k) => /^word\/media\/.*\.png$/.test(k))).toBe(true);
    const xml = files.get("word/document.xml")!;
    expect(xml).toMatch(/asvg:svgBlip/);
    expect(paragraphs(xml).filter((p) => p !== "")).toEqual(["T", "Figures", "One line", "another", "Figure 1 Test"]);
    // 300 x 150 px at 9525 EMU per px
    expect(xml).toContain('cx="2857500" cy="1428750"');
  });

  it("a fallback PNG is a valid PNG of the asked size", () => {
    const png = solidPng(3, 2);
    expect([...png.slice(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const view = new DataView(png.buffer);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([3, 2]);
  });

  it("rejects bad input, naming the block and field", async () => {
    await expect(reportToDocx([{ kind: "chart" } as unknown as DocxBlock])).rejects.toThrow(/reportToDocx: blocks\[0\]\.kind must be "heading", "paragraph", "table" or "figure"/);
    await expect(reportToDocx([{ kind: "table", table: { columns: ["a", "b"], rows: [{ cells: ["1"] }], footnotes: [] } }])).rejects.toThrow(/blocks\[0\]\.table\.rows\[0\]\.cells must hold 2 cells/);
    const bad: DisplayTable = { columns: ["a", "b"], spanners: [{ label: "S", start: 1, span: 2 }], rows: [], footnotes: [] };
    await expect(tableToDocx(bad)).rejects.toThrow(/blocks\[0\]\.table\.spanners\[0\] must cover columns inside the table/);
    await expect(reportToDocx([{ kind: "figure", svg: "<div/>" }])).rejects.toThrow(/blocks\[0\]\.svg must be an SVG string/);
    await expect(reportToDocx([], { fontSize: 10 } as DocxOptions)).rejects.toThrow(/options\.fontSize is not an option/);
    await expect(reportToDocx([{ kind: "heading", text: "x", level: 4 as 1 }])).rejects.toThrow(/blocks\[0\]\.level must be 1, 2 or 3/);
  });
});
