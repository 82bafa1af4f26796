"""The generated parser tree itself: stdlib-only imports, the command entry
point, and byte output."""

import ast
import base64
import json
import subprocess
import sys

from generator.generate import load

from .conftest import GENERATED, ROOT

ECR = load("ecr", "2015-09-21")


def test_every_ecr_operation_has_a_parser_module():
    modules = sorted(p.stem for p in (GENERATED / "ecr").glob("*.py") if not p.stem.startswith("_"))
    assert modules == sorted(op.py_name for op in ECR.operations)
    assert len(modules) == 58


def test_generated_python_imports_only_the_standard_library_and_itself():
    files = sorted((GENERATED).rglob("*.py"))
    assert len(files) > 60
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.ImportFrom):
                assert node.level > 0 or node.module.split(".")[0] in sys.stdlib_module_names, (path, node.module)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    assert alias.name.split(".")[0] in sys.stdlib_module_names, (path, alias.name)
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in ("eval", "exec"), path


def _run(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generated.ecr", *argv], cwd=ROOT, capture_output=True, text=True)


def test_command_prints_parameters_with_bytes_as_base64(tmp_path):
    blob = tmp_path / "part"
    blob.write_bytes(b"\x00\xffpart")
    done = _run(
        "upload-layer-part", "--repository-name", "repo", "--upload-id", "u", "--part-first-byte", "0",
        "--part-last-byte", "5", "--layer-part-blob", f"fileb://{blob}",
    )
    assert done.returncode == 0, done.stderr
    params = json.loads(done.stdout)
    assert base64.b64decode(params["layerPartBlob"]) == b"\x00\xffpart"
    assert params["partLastByte"] == 5


def test_command_loads_only_the_modules_one_operation_needs():
    probe = (
        "import sys, runpy; sys.argv = ['x', 'complete-layer-upload', '--generate-cli-skeleton'];\n"
        "try:\n    runpy.run_module('generated.ecr', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "import json; print(json.dumps(sorted(sys.modules)), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True)
    loaded = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert "generated.ecr.complete_layer_upload" in loaded
    assert "generated.ecr.describe_images" not in loaded
    assert "generated.ecr._shorthand" not in loaded  # no shorthand value given
    tops = {name.split(".")[0] for name in loaded}
    assert not tops & {"botocore", "awscli", "jinja2", "generator", "black"}


def test_unknown_operation_and_usage_errors_exit_2_without_traceback():
    for argv in (["no-such-operation"], [], ["describe-images", "--repository-name"]):
        done = _run(*argv)
        assert done.returncode == 2
        assert "Traceback" not in done.stderr and "error:" in done.stderr


def test_help_prints_a_usage_line():
    done = _run("complete-layer-upload", "--help")
    assert done.returncode == 0
    assert done.stdout.startswith("usage: python -m generated.ecr complete-layer-upload")
    assert "--layer-digests" in done.stdout
