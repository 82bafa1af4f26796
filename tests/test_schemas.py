"""Schema files, catalog and strict modules: valid 2020-12 schemas, the
model's documentation and constraints in them, deterministic output."""

import ast
import fnmatch
import json
import os
import re
import subprocess
import sys

import pytest
from jsonschema import Draft202012Validator

from generator.errors import VerificationError
from generator.pipeline.service import load
from generator.pipeline.verify import verify

from .support.paths import GENERATED, ROOT

ECR = load("ecr", "2015-09-21")
SCHEMAS = GENERATED / "schemas"
UPLOAD = "0f8e2d1c-1234-4abc-9def-0123456789ab"


def _schema(cli_name, direction="input", service="ecr", root=SCHEMAS):
    return json.loads((root / service / f"{cli_name}.{direction}.schema.json").read_text())


def test_every_ecr_operation_has_both_schemas_and_each_passes_the_metaschema():
    names = sorted(p.name for p in (SCHEMAS / "ecr").iterdir())
    assert names == sorted(
        f"{op.cli_name}.{d}.schema.json" for op in ECR.operations for d in ("input", "output")
    )
    for path in (SCHEMAS / "ecr").iterdir():
        schema = json.loads(path.read_text())
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        Draft202012Validator.check_schema(schema)


def test_verification_rejects_a_schema_that_breaks_the_metaschema():
    with pytest.raises(VerificationError, match="x.schema.json"):
        verify({"schemas/x.schema.json": b'{"type": "text"}'})
    verify({"schemas/x.schema.json": b'{"type": "string"}'})
    # $defs entries are checked one by one (and once each): a bad one still fails,
    # also after the same entry passed in another schema, and so does a bad $defs.
    good = b'{"$defs": {"A": {"type": "string"}}, "$ref": "#/$defs/A"}'
    verify({"schemas/a.schema.json": good, "schemas/b.schema.json": good})
    for bad in (b'{"$defs": {"A": {"type": "string"}, "B": {"minLength": -1}}}', b'{"$defs": []}'):
        with pytest.raises(VerificationError, match="y.schema.json"):
            verify({"schemas/y.schema.json": bad})
    # Free text is blanked before the check, and only where the metaschema
    # asks for nothing but a string: a bad schema under a member named like a
    # free-text keyword, a title that is no string, a bad pattern still fail.
    for bad in (
        b'{"$defs": {"A": {"properties": {"description": {"type": "text"}}}}}',
        b'{"$defs": {"A": {"properties": {"defaultSnippets": {"minLength": -1}}}}}',
        b'{"$defs": {"A": {"title": 5}}}',
        b'{"title": ["x"], "$defs": {}}',
        b'{"$defs": {"A": {"type": "string", "pattern": "(", "description": "x"}}}',
        b'{"$defs": {"A": {"properties": {"a": {"type": "string"}}, "required": ["a", "a"]}}}',
        b'{"$defs": {"A": {"properties": {"a": {"$ref": 5}}}}}',
        b'{"$defs": {"A": {"$defs": {"x": {"minimum": "1"}}}}}',
    ):
        with pytest.raises(VerificationError, match="z.schema.json"):
            verify({"schemas/z.schema.json": bad})
    verify({"schemas/z.schema.json": b'{"$defs": {"A": {"title": "t", "description": "any text"}}}'})
    verify({"schemas/z.schema.json": b'{"$defs": {"A": {"properties": {"a": {}, "b": {}}, "required": ["b"]}}}'})


def _properties(schema):
    for definition in schema.get("$defs", {}).values():
        yield from definition.get("properties", {}).items()


def test_every_property_has_plain_text_and_markdown_descriptions():
    count = 0
    for path in (SCHEMAS / "ecr").iterdir():
        for name, prop in _properties(json.loads(path.read_text())):
            count += 1
            assert prop["description"].strip(), (path.name, name)
            assert not re.search(r"</?(p|code|a|b|i|ul|li|note|important)\b", prop["description"]), (
                path.name,
                name,
            )
            assert prop["markdownDescription"].strip(), (path.name, name)
    assert count > 500
    # HTML becomes Markdown: <code> to backticks, links kept.
    prop = _schema("put-replication-configuration")["$defs"]["PutReplicationConfigurationRequest"]
    assert "`" in _schema("complete-layer-upload")["markdownDescription"]
    assert "](https://docs.aws.amazon.com/" in _schema("put-replication-configuration")["markdownDescription"]
    assert prop["properties"]["replicationConfiguration"]["description"]


def test_deprecated_members_are_marked():
    schema = _schema("get-authorization-token")
    prop = schema["$defs"]["GetAuthorizationTokenRequest"]["properties"]["registryIds"]
    assert prop["deprecated"] is True
    assert prop["deprecationMessage"]


@pytest.mark.parametrize("operation", ECR.operations, ids=lambda op: op.cli_name)
def test_snippet_body_is_the_cli_input_skeleton(operation):
    schema = _schema(operation.cli_name)
    (snippet,) = schema["defaultSnippets"]
    skeleton = json.loads((GENERATED / "skeletons" / "ecr" / f"{operation.cli_name}.input.json").read_text())
    assert snippet["body"] == skeleton
    assert "defaultSnippets" not in _schema(operation.cli_name, "output")


@pytest.mark.parametrize(
    ("operation", "document", "valid"),
    [
        # Constraints botocore does not check: pattern, maximum length.
        (
            "complete-layer-upload",
            {"repositoryName": "ab", "uploadId": UPLOAD, "layerDigests": ["sha256:ab"]},
            True,
        ),
        (
            "complete-layer-upload",
            {
                "registryId": "12345",
                "repositoryName": "ab",
                "uploadId": UPLOAD,
                "layerDigests": ["sha256:ab"],
            },
            False,
        ),
        (
            "complete-layer-upload",
            {"repositoryName": "a" * 257, "uploadId": UPLOAD, "layerDigests": ["sha256:ab"]},
            False,
        ),
        ("complete-layer-upload", {"repositoryName": "ab", "uploadId": UPLOAD, "layerDigests": []}, False),
        (
            "complete-layer-upload",
            {"repositoryName": "ab", "uploadId": UPLOAD, "layerDigests": ["sha256:ab"], "extra": 1},
            False,
        ),
        # Integer against number, range.
        ("list-images", {"repositoryName": "ab", "maxResults": 1000}, True),
        ("list-images", {"repositoryName": "ab", "maxResults": 1001}, False),
        ("list-images", {"repositoryName": "ab", "maxResults": 1.5}, False),
        # Enums.
        ("list-images", {"repositoryName": "ab", "filter": {"tagStatus": "TAGGED"}}, True),
        ("list-images", {"repositoryName": "ab", "filter": {"tagStatus": "tagged"}}, False),
        # Maps: key length (TagKey) is a key constraint.
        (
            "create-repository-creation-template",
            {"prefix": "ab", "appliedFor": ["REPLICATION"], "resourceTags": [{"Key": "k", "Value": "v"}]},
            True,
        ),
        # Timestamps on input: ISO 8601 text or epoch seconds.
        ("get-lifecycle-policy-preview", {"repositoryName": "ab"}, True),
    ],
)
def test_ecr_constraints(operation, document, valid):
    assert Draft202012Validator(_schema(operation)).is_valid(document) is valid


@pytest.fixture(scope="module")
def other_schemas(tmp_path_factory):
    from generator.cli import main

    out = tmp_path_factory.mktemp("other")
    for service, operations in (
        ("dynamodb", ("PutItem", "ListBackups", "DescribeTable")),
        ("rds-data", ("ExecuteStatement",)),
    ):
        argv = ["--service", service, "--out", str(out / service), "--quiet"]
        argv += [arg for name in operations for arg in ("--operation", name)]
        assert main(argv) == 0
    return out


RDS_STATEMENT = {
    "resourceArn": "arn:aws:rds:us-east-1:1:cluster:c",
    "secretArn": "arn:aws:secretsmanager:s",
    "sql": "x",
}


@pytest.mark.parametrize(
    ("operation", "direction", "document", "valid"),
    [
        # Recursive shapes: AttributeValue holds maps and lists of itself.
        (
            "put-item",
            "input",
            {"TableName": "abc", "Item": {"a": {"M": {"b": {"L": [{"S": "x"}, {"N": "1"}]}}}}},
            True,
        ),
        ("put-item", "input", {"TableName": "abc", "Item": {"a": {"M": {"b": {"L": [{"S": 1}]}}}}}, False),
        # A recursive tagged union: exactly one member.
        (
            "execute-statement",
            "input",
            {
                **RDS_STATEMENT,
                "parameters": [
                    {"value": {"arrayValue": {"arrayValues": [{"longValues": [1]}, {"stringValues": ["a"]}]}}}
                ],
            },
            True,
        ),
        (
            "execute-statement",
            "input",
            {
                **RDS_STATEMENT,
                "parameters": [
                    {"value": {"arrayValue": {"arrayValues": [{"longValues": [1], "stringValues": ["a"]}]}}}
                ],
            },
            False,
        ),
        ("execute-statement", "input", {**RDS_STATEMENT, "parameters": [{"value": {}}]}, False),
        # Blobs are text, and their byte limits are not string lengths.
        ("put-item", "input", {"TableName": "abc", "Item": {"a": {"B": "aGVsbG8="}}}, True),
        ("put-item", "input", {"TableName": "abc", "Item": {"a": {"B": 5}}}, False),
        # Timestamps on input: ISO 8601 text or a number; not free text.
        ("list-backups", "input", {"TimeRangeLowerBound": "2020-01-01T00:00:00Z"}, True),
        ("list-backups", "input", {"TimeRangeLowerBound": 1577836800}, True),
        ("list-backups", "input", {"TimeRangeLowerBound": "yesterday"}, False),
        ("list-backups", "input", {"TimeRangeLowerBound": "2020-01-01T00:00:00Z\n"}, False),
        # On output, what the CLI prints: epoch numbers for this JSON protocol, or text.
        ("describe-table", "output", {"Table": {"CreationDateTime": 1577836800.5}}, True),
        ("describe-table", "output", {"Table": {"CreationDateTime": "2020-01-01T00:00:00+00:00"}}, True),
    ],
)
def test_other_services_shapes(other_schemas, operation, direction, document, valid):
    service = "rds-data" if operation == "execute-statement" else "dynamodb"
    schema = _schema(operation, direction, service, other_schemas / service / "schemas")
    assert Draft202012Validator(schema).is_valid(document) is valid


def test_catalog_maps_each_document_name_to_exactly_its_schema():
    catalog = json.loads((SCHEMAS / "catalog.json").read_text())
    assert catalog["$schema"] == "https://json.schemastore.org/schema-catalog.json"
    entries = catalog["schemas"]
    assert sorted(entry["url"] for entry in entries) == sorted(
        f"ecr/{p.name}" for p in (SCHEMAS / "ecr").iterdir()
    )
    for operation in ECR.operations:
        for direction, name in (
            ("input", f"my.{operation.cli_name}.json"),
            ("output", f"my.{operation.cli_name}.output.json"),
        ):
            matched = [e["url"] for e in entries if any(fnmatch.fnmatchcase(name, g) for g in e["fileMatch"])]
            assert matched == [f"ecr/{operation.cli_name}.{direction}.schema.json"], name
    for entry in entries:
        assert set(entry) == {"name", "description", "url", "fileMatch"}


def test_strict_modules_import_only_the_standard_library():
    for path in (GENERATED / "ecr" / "_strict").glob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                assert [alias.name for alias in node.names] == ["re"], path.name
            elif isinstance(node, ast.ImportFrom):
                assert node.level == 1 and node.module == "_shapes", path.name
            assert not (isinstance(node, ast.Name) and node.id in ("eval", "exec")), path.name


def test_output_is_the_same_under_different_hash_seeds(tmp_path):
    trees = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-m", "generator", "--out", str(out), "--quiet"],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=300,
        )
        trees.append({p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()})
    assert trees[0] == trees[1]
    committed = {
        p.relative_to(GENERATED): p.read_bytes()
        for p in GENERATED.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert {k: v for k, v in trees[0].items() if k.parts[0] in ("schemas",) or "_strict" in k.parts} == {
        k: v for k, v in committed.items() if k.parts[0] in ("schemas",) or "_strict" in k.parts
    }
