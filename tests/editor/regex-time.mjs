// Reads {length, items: [{label, pattern, texts: [[prefix, pump, ending]]}]}
// on stdin; runs JavaScript's RegExp(pattern, "u") on each text (the pump
// repeated to about `length` characters) and prints, per item, the slowest
// search in milliseconds. A search that backtracks without end never
// returns: the caller's timeout is the verdict then.
import { readFileSync } from "node:fs";

const { length, items } = JSON.parse(readFileSync(0, "utf8"));
const results = items.map(({ label, pattern, texts }) => {
  const regex = new RegExp(pattern, "u");
  let slowest = 0;
  for (const [prefix, pump, ending] of texts) {
    const text = prefix + pump.repeat(Math.floor(length / pump.length)) + ending;
    const start = performance.now();
    regex.test(text);
    slowest = Math.max(slowest, performance.now() - start);
  }
  return { label, slowest };
});
process.stdout.write(JSON.stringify(results));
