import { describe, expect, it } from "vitest";
import { checkXml } from "./wellFormed.js";

describe("checkXml (test helper)", () => {
  it("accepts well-formed XML and decodes text", () => {
    const r = checkXml('<?xml version="1.0"?><svg a="1" b=\'x &amp; y\'><!-- c --><text>&lt;0.001 &#945;</text><g/></svg>\n');
    expect(r.ok).toBe(true);
    expect(r.root).toBe("svg");
    expect(r.elements).toEqual(["svg", "text", "g"]);
    expect(r.texts).toEqual(["<0.001 α"]);
  });
  it.each([
    ["<svg><g></svg>", /mismatched/],
    ["<svg><g>", /unclosed/],
    ["<svg a=1></svg>", /unquoted/],
    ['<svg a="1" a="2"></svg>', /duplicate/],
    ["<svg>a & b</svg>", /stray &/],
    ['<svg a="<"></svg>', /raw </],
    ["<svg></svg><svg></svg>", /second root/],
    ['<svg a="1"b="2"></svg>', /whitespace/],
    ["text", /text outside/],
  ])("rejects %s", (doc, err) => {
    const r = checkXml(doc);
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(err);
  });
});
