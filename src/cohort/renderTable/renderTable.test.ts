import { describe, expect, it } from "vitest";
import { csvField, escapeHtml, escapeMarkdown, tableToCsv, tableToHtml, tableToMarkdown, type DisplayTable } from "./index.js";

describe("renderTable", () => {
  it("matches the @examples", () => {
    expect(
      tableToMarkdown({ columns: ["Characteristic", "p"], rows: [{ cells: ["Age | years", { text: "<0.001", sup: "a" }] }], footnotes: ["a Wilcoxon rank sum test"] }),
    ).toBe("| Characteristic | p |\n|:--|:-:|\n| Age \\| years | <0.001<sup>a</sup> |\n\na Wilcoxon rank sum test\n");
    expect(tableToHtml({ columns: ["x", "p"], rows: [{ cells: ["a<b", { text: "<0.001", sup: "a" }] }], footnotes: [] })).toBe(
      '<table>\n<thead>\n<tr><th style="text-align:left">x</th><th style="text-align:center">p</th></tr>\n</thead>\n<tbody>\n<tr><td style="text-align:left">a&lt;b</td><td style="text-align:center">&lt;0.001<sup>a</sup></td></tr>\n</tbody>\n</table>\n',
    );
    expect(tableToCsv({ columns: ["Characteristic", "p"], rows: [{ cells: ['Age, "years"', { text: "<0.001", sup: "a" }] }], footnotes: [] })).toBe(
      'Characteristic,p,p note\r\n"Age, ""years""",<0.001,a\r\n',
    );
    expect(tableToCsv({ columns: ["Characteristic", "p"], rows: [{ cells: ["Age", { text: "<0.001", sup: "a" }] }], footnotes: [] }, { markers: "space" })).toBe(
      "Characteristic,p\r\nAge,<0.001 a\r\n",
    );
  });

  const hostile: DisplayTable = {
    caption: "T <1> & 'q'",
    columns: ["Name", "Value"],
    rows: [
      { cells: ["<script>alert(1)</script>", 'say "hi", then\nleave'] },
      { cells: ["*bold* _it_ [link](x) `code` #h", "a|b\\c"], indent: 1 },
    ],
    footnotes: ["note <b>"],
  };

  it("escapes HTML everywhere", () => {
    const html = tableToHtml(hostile);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("say &quot;hi&quot;, then<br>leave");
    expect(html).toContain("<caption>T &lt;1&gt; &amp; &#39;q&#39;</caption>");
    expect(html).toContain("note &lt;b&gt;");
    expect(html).toContain("padding-left:1.5em");
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
  });

  it("escapes Markdown syntax and keeps one line per row", () => {
    const md = tableToMarkdown(hostile);
    expect(md).toContain("&lt;script>alert(1)&lt;/script>");
    expect(md).toContain("\\*bold\\* \\_it\\_ \\[link\\](x) \\`code\\` \\#h");
    expect(md).toContain("a\\|b\\\\c");
    expect(md).toContain("then<br>leave");
    expect(md.split("\n").filter((l) => l.startsWith("|"))).toHaveLength(4);
    expect(escapeMarkdown("a < b")).toBe("a < b");
  });

  it("writes RFC 4180 CSV: CRLF, quoting, doubled quotes, constant field count", () => {
    const csv = tableToCsv(hostile, { footnotes: true });
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv).toContain('"say ""hi"", then\nleave"');
    const records = ["Name,Value", '<script>alert(1)</script>,"say ""hi"", then\nleave"', "*bold* _it_ [link](x) `code` #h,a|b\\c", "note <b>,"];
    expect(csv).toBe(records.map((r) => r + "\r\n").join(""));
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a\rb")).toBe('"a\rb"');
    expect(tableToCsv({ columns: ["p"], rows: [{ cells: [{ text: "0.1", sup: "c" }] }], footnotes: [] }, { markers: "none" })).toBe("p\r\n0.1\r\n");
  });

  it("rejects ragged tables", () => {
    expect(() => tableToMarkdown({ columns: ["a", "b"], rows: [{ cells: ["1"] }], footnotes: [] })).toThrow(/rows\[0\]\.cells must hold 2 cells/);
    expect(() => tableToHtml(null as unknown as DisplayTable)).toThrow(TypeError);
    expect(() => tableToCsv(hostile, { markers: "x" as "none" })).toThrow(TypeError);
  });

  it("does not mutate its input", () => {
    const before = structuredClone(hostile);
    tableToMarkdown(hostile);
    tableToHtml(hostile);
    tableToCsv(hostile, { footnotes: true });
    expect(hostile).toEqual(before);
  });
});

describe("escape helpers", () => {
  it("match the @examples", () => {
    expect(escapeMarkdown("a|b *c* <script>")).toBe("a\\|b \\*c\\* &lt;script>");
    expect(escapeHtml(`<a href="x">&</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
    expect(csvField('say "hi", then')).toBe('"say ""hi"", then"');
  });
});
