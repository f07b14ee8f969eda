/**
 * How long fisherExactTest takes to refuse an r x c table past its work limit (its TSDoc: "roughly 15 s of
 * CPU at the limit"). A timed check, so it lives here and not in the unit tests:
 *   npx tsx bench/fisher-limit.ts
 * Prints wall and CPU seconds to the RangeError; exits 1 if the call does not throw a RangeError.
 */
import { fisherExactTest } from "../src/stats/index.js";

// A 3 x 10 table with n = 1,014: past the 2e8 work units.
const table = Array.from({ length: 3 }, (_, i) => Array.from({ length: 10 }, (_, j) => 30 + ((i * 7 + j * 3) % 9)));
const t0 = performance.now();
const c0 = process.cpuUsage();
let message = "";
try {
  fisherExactTest(table);
} catch (e) {
  if (e instanceof RangeError) message = e.message;
  else throw e;
}
const wall = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(c0);
if (message === "") {
  console.error("fisher-limit: the table was computed instead of refused; pick a larger one");
  process.exit(1);
}
console.log(`RangeError after ${wall.toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU: ${message}`);
