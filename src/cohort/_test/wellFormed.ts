/**
 * A small XML well-formedness checker for the SVG tests (no dependency): one root element, balanced and
 * properly nested tags, quoted and unique attributes, no raw `<` or stray `&` in text or attribute values.
 * Returns the element names and the text content, so tests can look for labels.
 */
export interface XmlCheck {
  readonly ok: boolean;
  readonly error?: string;
  readonly root?: string;
  readonly elements: string[];
  /** Text content with entities decoded, in document order. */
  readonly texts: string[];
}

const NAME = /^[A-Za-z_:][A-Za-z0-9_.:-]*/;
const ENTITY = /^&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/;

function decode(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/g, (_, e: string) =>
    e === "amp" ? "&" : e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : e === "apos" ? "'" : String.fromCodePoint(e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );
}

function checkAmp(s: string): string | null {
  for (let i = s.indexOf("&"); i >= 0; i = s.indexOf("&", i + 1)) if (!ENTITY.test(s.slice(i))) return `stray & at "${s.slice(i, i + 12)}"`;
  return null;
}

export function checkXml(doc: string): XmlCheck {
  const elements: string[] = [];
  const texts: string[] = [];
  const stack: string[] = [];
  let root: string | undefined;
  let i = 0;
  const fail = (error: string): XmlCheck => ({ ok: false, error: `${error} (offset ${i})`, elements, texts });
  if (doc.startsWith("<?xml")) {
    const e = doc.indexOf("?>");
    if (e < 0) return fail("unterminated prolog");
    i = e + 2;
  }
  while (i < doc.length) {
    if (doc.startsWith("<!--", i)) {
      const e = doc.indexOf("-->", i + 4);
      if (e < 0) return fail("unterminated comment");
      i = e + 3;
      continue;
    }
    if (doc.startsWith("<![CDATA[", i)) {
      if (stack.length === 0) return fail("CDATA outside the root");
      const e = doc.indexOf("]]>", i);
      if (e < 0) return fail("unterminated CDATA");
      texts.push(doc.slice(i + 9, e));
      i = e + 3;
      continue;
    }
    if (doc[i] === "<") {
      const closing = doc[i + 1] === "/";
      let j = i + (closing ? 2 : 1);
      const m = NAME.exec(doc.slice(j));
      if (m === null) return fail("bad tag name");
      const name = m[0];
      j += name.length;
      if (closing) {
        const rest = /^\s*>/.exec(doc.slice(j));
        if (rest === null) return fail(`bad closing tag </${name}`);
        if (stack.pop() !== name) return fail(`mismatched </${name}>`);
        i = j + rest[0].length;
        continue;
      }
      if (stack.length === 0 && root !== undefined) return fail("second root element");
      const seen = new Set<string>();
      for (;;) {
        const ws = /^\s*/.exec(doc.slice(j))![0];
        j += ws.length;
        if (doc.startsWith("/>", j)) {
          j += 2;
          elements.push(name);
          root ??= name;
          break;
        }
        if (doc[j] === ">") {
          j += 1;
          elements.push(name);
          root ??= name;
          stack.push(name);
          break;
        }
        if (ws.length === 0) return fail(`attributes of <${name}> must be separated by whitespace`);
        const a = NAME.exec(doc.slice(j));
        if (a === null) return fail(`bad attribute in <${name}>`);
        if (seen.has(a[0])) return fail(`duplicate attribute ${a[0]} in <${name}>`);
        seen.add(a[0]);
        j += a[0].length;
        const eq = /^\s*=\s*(["'])/.exec(doc.slice(j));
        if (eq === null) return fail(`unquoted attribute ${a[0]} in <${name}>`);
        j += eq[0].length;
        const end = doc.indexOf(eq[1]!, j);
        if (end < 0) return fail("unterminated attribute value");
        const v = doc.slice(j, end);
        if (v.includes("<")) return fail(`raw < in attribute ${a[0]}`);
        const amp = checkAmp(v);
        if (amp !== null) return fail(amp);
        j = end + 1;
      }
      i = j;
      continue;
    }
    const next = doc.indexOf("<", i);
    const chunk = doc.slice(i, next < 0 ? doc.length : next);
    if (stack.length === 0 && chunk.trim() !== "") return fail("text outside the root");
    const amp = checkAmp(chunk);
    if (amp !== null) return fail(amp);
    if (chunk.includes(">") && chunk.includes("]]>")) return fail("]]> in text");
    if (chunk.trim() !== "") texts.push(decode(chunk));
    i = next < 0 ? doc.length : next;
  }
  if (stack.length > 0) return fail(`unclosed <${stack[stack.length - 1]}>`);
  if (root === undefined) return fail("no root element");
  return { ok: true, root, elements, texts };
}
