// The generated schemas in real editor engines: VS Code's JSON language
// service (vscode-json-languageservice), mapped through catalog.json exactly
// as an editor maps files, and ajv's JSON Schema 2020-12 validator.
//
// SCHEMA_DIR: the schemas/ folder of a generated tree (default: the committed one).
// CASES: a JSON file of documents written by tests/test_editor.py, each with
// the paths jsonschema reports errors at (none for a valid document).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";

import * as ajvModule from "ajv/dist/2020.js";
import * as jsoncModule from "jsonc-parser";
import * as languageModule from "vscode-json-languageservice";
import * as textModule from "vscode-languageserver-textdocument";

// Some of these are CommonJS packages: their exports may sit on the default.
const exportsOf = (module) => (module.default && Object.keys(module).length <= 2 ? module.default : module);
const Ajv2020 = ajvModule.default.default ?? ajvModule.default;
const { findNodeAtOffset, getNodePath, parseTree } = exportsOf(jsoncModule);
const { getLanguageService } = exportsOf(languageModule);
const ERROR = 1; // DiagnosticSeverity.Error in the Language Server Protocol
const { TextDocument } = exportsOf(textModule);

const here = dirname(fileURLToPath(import.meta.url));
const schemaDir = resolve(process.env.SCHEMA_DIR ?? resolve(here, "../../generated/schemas"));
assert.ok(process.env.CASES, "CASES must name the documents file (tests/test_editor.py writes it)");
const cases = JSON.parse(readFileSync(process.env.CASES, "utf8"));
const catalog = JSON.parse(readFileSync(resolve(schemaDir, "catalog.json"), "utf8"));

const service = getLanguageService({
  schemaRequestService: async (uri) => readFileSync(fileURLToPath(uri), "utf8"),
  workspaceContext: { resolveRelativePath: (relative, base) => new URL(relative, base).href },
});
service.configure({
  validate: true,
  allowComments: false,
  schemas: catalog.schemas.map((entry) => ({
    uri: pathToFileURL(resolve(schemaDir, entry.url)).href,
    fileMatch: entry.fileMatch,
  })),
});

let counter = 0;
function open(fileName, text) {
  counter += 1;
  const document = TextDocument.create(`file:///work/${counter}/${fileName}`, "json", 1, text);
  return { document, json: service.parseJSONDocument(document) };
}

async function diagnostics(fileName, text) {
  const { document, json } = open(fileName, text);
  const found = await service.doValidation(document, json, { schemaValidation: "error" });
  // Deprecated members are flagged as warnings; errors are the constraint failures.
  return { document, found: found.filter((d) => d.severity === ERROR) };
}

function pathAt(text, offset) {
  const node = findNodeAtOffset(parseTree(text), offset, false);
  return node ? getNodePath(node) : [];
}

const same = (a, b) => a.length === b.length && a.every((step, i) => step === b[i]);
// A diagnostic is in the right place when it is on the value the error is
// about, or on the key of a member of that object (an unknown member).
const placed = (at, expected) => same(at, expected) || (at.length === expected.length + 1 && same(at.slice(0, -1), expected));

test("catalog entries name existing schemas and match their document names", () => {
  assert.ok(catalog.schemas.length > 0);
  for (const entry of catalog.schemas) {
    readFileSync(resolve(schemaDir, entry.url), "utf8");
    assert.ok(entry.name && entry.description !== undefined && entry.fileMatch.length > 0, entry.name);
  }
});

test("every schema compiles in ajv (JSON Schema 2020-12, strict mode)", () => {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true, unicodeRegExp: true });
  ajv.addVocabulary(["markdownDescription", "defaultSnippets", "deprecationMessage"]);
  for (const entry of catalog.schemas) {
    const schema = JSON.parse(readFileSync(resolve(schemaDir, entry.url), "utf8"));
    assert.doesNotThrow(() => ajv.compile(schema), entry.url);
  }
});

test("ajv agrees with jsonschema on every corpus document", () => {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true, unicodeRegExp: true });
  ajv.addVocabulary(["markdownDescription", "defaultSnippets", "deprecationMessage"]);
  const compiled = new Map();
  const disagreements = [];
  for (const item of cases.documents) {
    if (!compiled.has(item.schema)) {
      compiled.set(item.schema, ajv.compile(JSON.parse(readFileSync(resolve(schemaDir, item.schema), "utf8"))));
    }
    const valid = compiled.get(item.schema)(JSON.parse(item.text));
    if (valid !== (item.errors.length === 0)) disagreements.push(`${item.schema} ${item.label}`);
  }
  assert.deepEqual(disagreements, []);
});

test("VS Code's JSON service: no diagnostics on valid documents, each error in the right place", async () => {
  const problems = [];
  for (const item of cases.documents) {
    const { document, found } = await diagnostics(item.fileName, item.text);
    const at = found.map((d) => pathAt(item.text, document.offsetAt(d.range.start)));
    if (item.integralFloat) {
      // VS Code reads 2.0 as not an integer (from the text), as botocore does;
      // JSON Schema, jsonschema, ajv and our strict validators accept it.
      if (!found.some((d) => /Expected "integer"/.test(d.message))) problems.push(`${item.fileName} ${item.label}: 2.0 not flagged`);
      continue;
    }
    if (item.errors.length === 0) {
      if (found.length) problems.push(`${item.fileName} ${item.label}: unexpected ${found.map((d) => d.message)}`);
      continue;
    }
    for (const expected of item.errors) {
      if (!at.some((path) => placed(path, expected))) {
        problems.push(`${item.fileName} ${item.label}: nothing at ${JSON.stringify(expected)}; got ${JSON.stringify(at)} ${found.map((d) => d.message)}`);
      }
    }
    for (const path of at) {
      if (!item.errors.some((expected) => placed(path, expected))) {
        problems.push(`${item.fileName} ${item.label}: stray diagnostic at ${JSON.stringify(path)}`);
      }
    }
  }
  assert.deepEqual(problems.slice(0, 20), []);
});

test("the input skeleton inserted by the snippet has only placeholder-value diagnostics", async () => {
  // The CLI's skeleton holds placeholders ("" for strings, 0, the epoch): its
  // structure (members, nesting, types) must be right; a placeholder may be
  // shorter than a minimum length or miss a pattern, as with the CLI.
  const problems = [];
  for (const item of cases.skeletons) {
    const { found } = await diagnostics(item.fileName, item.text);
    for (const d of found) {
      if (!/shorter than the minimum length|does not match the pattern|below the minimum|Value is not accepted|Incorrect type. Expected "string"/.test(d.message)) {
        problems.push(`${item.fileName}: ${d.message}`);
      }
      if (/Incorrect type/.test(d.message) && !item.nullBlobs) problems.push(`${item.fileName}: ${d.message}`);
    }
  }
  assert.deepEqual(problems, []);
});

test("completion offers every top-level member (but deprecated ones) with its description, and the skeleton on an empty document", async () => {
  const problems = [];
  for (const item of cases.completions) {
    const inObject = open(item.fileName, "{}");
    const members = await service.doComplete(inObject.document, inObject.document.positionAt(1), inObject.json);
    for (const name of item.members) {
      const offered = members.items.find((c) => c.label === name);
      if (!offered) problems.push(`${item.fileName}: ${name} not offered`);
      else if (!offered.documentation) problems.push(`${item.fileName}: ${name} has no documentation`);
    }
    // Members marked deprecated are left out of completion by the editor.
    for (const name of item.deprecated) {
      if (members.items.some((c) => c.label === name)) problems.push(`${item.fileName}: deprecated ${name} offered`);
    }
    const empty = open(item.fileName, "");
    const snippets = await service.doComplete(empty.document, empty.document.positionAt(0), empty.json);
    const snippet = snippets.items.find((c) => c.label === item.snippetLabel);
    if (!snippet) {
      problems.push(`${item.fileName}: no skeleton snippet on an empty document`);
      continue;
    }
    const text = snippet.insertText ?? snippet.textEdit?.newText ?? "";
    for (const name of item.members) {
      if (item.skeletonMembers.includes(name) && !text.includes(`"${name}"`)) {
        problems.push(`${item.fileName}: snippet lacks ${name}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});
