// Reads [{pattern, original, samples}] on stdin; prints, for each, whether
// JavaScript's RegExp with the u flag accepts the translated pattern and what
// it (and the original, with and without u, where JavaScript accepts it)
// says about each sample.
import { readFileSync } from "node:fs";

const items = JSON.parse(readFileSync(0, "utf8"));
const test = (source, flags, samples) => {
  try {
    const regex = new RegExp(source, flags);
    return samples.map((sample) => regex.test(sample));
  } catch (error) {
    return null;
  }
};
const results = items.map(({ pattern, original, samples }) => ({
  translated: test(pattern, "u", samples),
  original: test(original, "u", samples),
  originalWithoutU: test(original, "", samples),
}));
process.stdout.write(JSON.stringify(results));
