"""The generated parser tree itself: stdlib-only imports, the command entry
point, and byte output."""

import ast
import base64
import json
import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.pipeline.service import load

from .support.paths import GENERATED, ROOT

ECR = load("ecr", "2015-09-21")


def test_every_ecr_operation_has_a_parser_module():
    modules = sorted(p.stem for p in (GENERATED / "ecr").glob("*.py") if not p.stem.startswith("_"))
    assert modules == sorted(op.py_name for op in ECR.operations)
    assert len(modules) == 58


def _lazy_yaml_imports(tree: ast.AST) -> set[ast.AST]:
    """The imports inside ``_load_yaml``: the one optional library, ruamel.yaml, imported
    only for ``--cli-input-yaml`` (docs/v2.rst)."""
    return {
        node
        for function in ast.walk(tree)
        if isinstance(function, ast.FunctionDef) and function.name == "_load_yaml"
        for node in ast.walk(function)
        if isinstance(node, ast.ImportFrom) and node.module.split(".")[0] == "ruamel"
    }


def test_generated_python_imports_only_the_standard_library_and_itself():
    files = sorted((GENERATED).rglob("*.py"))
    assert len(files) > 60
    for path in files:
        tree = ast.parse(path.read_text(), str(path))
        lazy = _lazy_yaml_imports(tree)
        assert not lazy or path.name == "_convert.py", path
        for node in ast.walk(tree):
            if node in lazy:
                continue
            if isinstance(node, ast.ImportFrom):
                assert node.level > 0 or node.module.split(".")[0] in sys.stdlib_module_names, (
                    path,
                    node.module,
                )
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    assert alias.name.split(".")[0] in sys.stdlib_module_names, (path, alias.name)
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in ("eval", "exec"), path


def _run(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generated.ecr", *argv], cwd=ROOT, capture_output=True, text=True
    )


def test_command_prints_parameters_with_bytes_as_base64(tmp_path):
    blob = tmp_path / "part"
    blob.write_bytes(b"\x00\xffpart")
    done = _run(
        "upload-layer-part",
        "--repository-name",
        "repo",
        "--upload-id",
        "u",
        "--part-first-byte",
        "0",
        "--part-last-byte",
        "5",
        "--layer-part-blob",
        f"fileb://{blob}",
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
        "print(sorted(sys.modules), file=sys.stderr)"
    )
    # -S: nothing from site-packages start-up hooks, only what the parser loads.
    done = subprocess.run([sys.executable, "-S", "-c", probe], cwd=ROOT, capture_output=True, text=True)
    loaded = set(ast.literal_eval(done.stderr.strip().splitlines()[-1]))
    assert "generated.ecr.complete_layer_upload" in loaded
    assert "generated.ecr.describe_images" not in loaded
    assert "generated.ecr._shorthand" not in loaded  # no shorthand value given
    assert "argparse" not in loaded and "json" not in loaded  # a bare skeleton request parses nothing
    tops = {name.split(".")[0] for name in loaded}
    assert not tops & {"botocore", "awscli", "jinja2", "generator", "black"}


def test_a_plain_full_parse_loads_neither_argparse_nor_json():
    argv = [
        "complete-layer-upload",
        "--repository-name",
        "r1",
        "--upload-id",
        "u",
        "--layer-digests",
        "sha256:a",
    ]
    probe = (
        f"import sys, runpy; sys.argv = ['x', *{argv!r}]\n"
        "try:\n    runpy.run_module('generated.ecr', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(sys.modules), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-S", "-c", probe], cwd=ROOT, capture_output=True, text=True)
    assert json.loads(done.stdout)["layerDigests"] == ["sha256:a"]
    loaded = set(ast.literal_eval(done.stderr.strip().splitlines()[-1]))
    assert not loaded & {"argparse", "json", "re", "generated.ecr._argparser"}
    assert "typing" not in loaded  # the runtime's annotations name typing's names only as strings


_JSON_VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        st.text(),
        # Lone surrogates (argv bytes that are no UTF-8), astral, control and quote characters.
        st.lists(
            st.sampled_from(
                ["\ud800", "\udcff", "\U0001f600", "\x7f", "\x00", "\x1f", '"', "\\", "\u2028", "a"]
            )
        ).map("".join),
        st.binary(max_size=5),
    ),
    lambda inner: st.lists(inner, max_size=3)
    | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    | st.dictionaries(st.one_of(st.integers(), st.floats(), st.booleans(), st.none()), inner, max_size=2),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(_JSON_VALUES)
def test_parameters_print_as_json_prints_them(value):
    from generated.ecr._jsonout import dumps

    def as_base64(item):
        if isinstance(item, (bytes, bytearray)):
            return base64.b64encode(item).decode("ascii")
        raise TypeError(type(item).__name__)

    assert dumps(value) == json.dumps(value, indent=4, default=as_base64)


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
