"""The schemas in real editor engines (tests/editor, run with node): VS Code's
JSON language service and ajv, on the same corpus the strict validators are
checked with, the CLI's skeletons and completion requests."""

import json
import os
import shutil
import subprocess

from jsonschema import Draft202012Validator

from generator.pipeline.service import load

from .support.paths import GENERATED, ROOT
from .support.schemadata import DocumentFactory
from .support.strictcheck import corpus

EDITOR = ROOT / "tests" / "editor"
ECR = load("ecr", "2015-09-21")


def _errors(checker, document):
    return sorted({json.dumps(list(error.absolute_path)) for error in checker.iter_errors(document)})


def _cases():
    documents, skeletons, completions = [], [], []
    for operation in ECR.operations:
        name = operation.cli_name
        url = f"ecr/{name}.input.schema.json"
        schema = json.loads((GENERATED / "schemas" / url).read_text())
        checker = Draft202012Validator(schema)
        for case in corpus(schema, seeds=1):
            documents.append(
                {
                    "fileName": f"request.{name}.json",
                    "schema": url,
                    "label": case.label,
                    "text": json.dumps(case.document, indent=2),
                    "errors": [json.loads(path) for path in _errors(checker, case.document)],
                    "integralFloat": case.label.endswith("integral float"),
                }
            )
        output_url = f"ecr/{name}.output.schema.json"
        output_schema = json.loads((GENERATED / "schemas" / output_url).read_text())
        output_checker = Draft202012Validator(output_schema)
        for full in (False, True):
            document = DocumentFactory(output_schema).document(full)
            documents.append(
                {
                    "fileName": f"response.{name}.output.json",
                    "schema": output_url,
                    "label": f"output {'full' if full else 'minimal'}",
                    "text": json.dumps(document, indent=2),
                    "errors": [json.loads(path) for path in _errors(output_checker, document)],
                }
            )
        skeleton_text = (GENERATED / "skeletons" / "ecr" / f"{name}.input.json").read_text()
        skeleton = json.loads(skeleton_text)
        skeletons.append(
            {"fileName": f"skeleton.{name}.json", "text": skeleton_text, "nullBlobs": "null" in skeleton_text}
        )
        root = ECR.shape(operation.input) if operation.input else None
        completions.append(
            {
                "fileName": f"new.{name}.json",
                "members": [member.name for member in root.members if not member.deprecated] if root else [],
                "deprecated": [member.name for member in root.members if member.deprecated] if root else [],
                "skeletonMembers": list(skeleton),
                "snippetLabel": f"{name} input skeleton",
            }
        )
    return {"documents": documents, "skeletons": skeletons, "completions": completions}


def test_editor_engines_accept_and_place_diagnostics(tmp_path):
    node = shutil.which("node")
    assert node, "node 20 is needed for the editor tests"
    assert (
        EDITOR / "node_modules" / "vscode-json-languageservice"
    ).is_dir(), "run `npm ci --prefix tests/editor` (scripts/test does)"
    cases = tmp_path / "cases.json"
    data = _cases()
    cases.write_text(json.dumps(data))
    assert sum(1 for item in data["documents"] if item["errors"]) > 1000
    env = {**os.environ, "CASES": str(cases), "SCHEMA_DIR": str(GENERATED / "schemas")}
    result = subprocess.run(
        [node, "--test", "--test-reporter=spec", str(EDITOR / "editor.test.mjs")],
        cwd=EDITOR,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    assert "# pass 6" in result.stdout or "pass 6" in result.stdout, result.stdout[-2000:]
