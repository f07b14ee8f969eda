// The yardstick of issue 19's CLI comparison: read an NDJSON file line by line, JSON.parse and JSON.stringify each
// line and write it. Used by bench/cli-realistic.sh and `npm run bench:r`.
//   node bench/cli-bare-pass.mjs in.ndjson out.ndjson
import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
const out = createWriteStream(process.argv[3]);
let buf = "";
for await (const line of createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity })) {
  if (line === "") continue;
  let s;
  try { s = JSON.stringify(JSON.parse(line)); } catch { continue; }
  buf += `${s}\n`;
  if (buf.length > 1 << 20) { if (!out.write(buf)) await new Promise((r) => out.once("drain", r)); buf = ""; }
}
out.end(buf);
