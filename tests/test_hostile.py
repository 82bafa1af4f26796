"""Hostile models: the output stays valid, escaped and inside the output folder."""

import copy
import json

import black
import pytest

from generator import cli
from generator.pipeline.writer import read_tree
from generator.python.black_format import BLACK_MODE

from .support.hostile import LONG_SHAPE, NASTY_ENUM, NASTY_MEMBER_NAMES, SERVICE, hostile_model, write_model


@pytest.fixture(scope="module")
def hostile_tree(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    data_path = write_model(root / "models", hostile_model())
    out = root / "work" / "out"
    code = cli.main(["--service", SERVICE, "--data-path", str(data_path), "--out", str(out), "-q"])
    return code, root, out


def test_a_hostile_model_generates(hostile_tree):
    code, root, out = hostile_tree
    assert code == 0
    # Everything written is inside the output folder.
    assert sorted(p.name for p in (root / "work").iterdir()) == ["out"]
    assert all(".." not in path.split("/") for path in read_tree(out))


def test_the_hostile_modules_are_as_black_writes_them(hostile_tree):
    """Most modules skip black (the generator writes black's layout itself),
    also with names too long for a line."""
    _, _, out = hostile_tree
    modules = sorted(out.rglob("*.py"))
    assert any(LONG_SHAPE in path.read_text(encoding="utf-8") for path in modules)
    for path in modules:
        text = path.read_text(encoding="utf-8")
        assert black.format_str(text, mode=BLACK_MODE) == text, path


def test_hostile_names_and_values_survive_in_the_skeletons(hostile_tree):
    _, _, out = hostile_tree
    skeleton = json.loads((out / f"skeletons/{SERVICE}/do-thing.input.json").read_text())
    assert set(NASTY_MEMBER_NAMES) <= set(skeleton)
    assert skeleton["Choice"] == NASTY_ENUM[0]
    assert skeleton["Tree"] == {"children": [{}], "self": {}}
    assert skeleton["Ping"] == {"pong": {"ping": {}, "map": {"KeyName": {}}}}
    output = json.loads((out / f"skeletons/{SERVICE}/do-thing.output.json").read_text(encoding="utf-8"))
    assert output["Grüße"] == "Grüße"


@pytest.mark.parametrize("bad_name", ["../../Evil", "Do/Thing", "Do.Thing", "", "Dö"])
def test_an_operation_name_that_is_no_identifier_is_rejected(tmp_path, bad_name, capsys):
    model = hostile_model()
    model["operations"][bad_name] = copy.deepcopy(model["operations"]["DoThing"])
    data_path = write_model(tmp_path / "models", model)
    out = tmp_path / "out"
    assert cli.main(["--service", SERVICE, "--data-path", str(data_path), "--out", str(out)]) == 2
    assert f"operation name {bad_name!r}" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize(
    "breakage, message",
    [
        (lambda m: m.pop("shapes"), "'shapes' is missing"),
        (lambda m: m.pop("metadata"), "'metadata' is missing"),
        (
            lambda m: m["shapes"]["Text"].update(type="quaternion"),
            "shape 'Text' has unsupported type 'quaternion'",
        ),
        (lambda m: m["shapes"]["Children"].pop("member"), "shape 'Children': member 'member' has no shape"),
        (lambda m: m["operations"]["DoThing"]["input"].update(shape="Gone"), "unknown shape 'Gone'"),
    ],
)
def test_a_model_missing_required_parts_is_one_clear_error(tmp_path, breakage, message, capsys):
    model = hostile_model()
    breakage(model)
    data_path = write_model(tmp_path / "models", model)
    out = tmp_path / "out"
    assert cli.main(["--service", SERVICE, "--data-path", str(data_path), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.splitlines()) == 1
    assert not out.exists()


def test_shapes_nested_beyond_reason_are_an_error_not_a_crash(tmp_path, capsys):
    model = hostile_model()
    depth = 3000
    for level in range(depth):
        model["shapes"][f"Level{level}"] = {
            "type": "structure",
            "members": {"next": {"shape": f"Level{level + 1}"}} if level + 1 < depth else {},
        }
    model["shapes"]["Request"]["members"]["Deep"] = {"shape": "Level0"}
    data_path = write_model(tmp_path / "models", model)
    out = tmp_path / "out"
    assert cli.main(["--service", SERVICE, "--data-path", str(data_path), "--out", str(out)]) == 2
    assert "nest too deeply" in capsys.readouterr().err
    assert not out.exists()


def test_hostile_text_is_inert_in_the_reference_page(hostile_tree):
    from docutils import nodes

    from generator.pages.check import check_rst

    _, _, out = hostile_tree
    data = (out / f"docs/{SERVICE}/do-thing.rst").read_bytes()
    check_rst("do-thing.rst", data)  # parses without errors
    from docutils.core import publish_doctree

    document = publish_doctree(
        data.decode("utf-8"),
        settings_overrides={"report_level": 5, "warning_stream": False, "line_length_limit": 100_000_000},
    )
    assert not list(document.findall(nodes.raw))  # the model's ``.. raw::`` stays text
    text = document.astext()
    assert "{{ config }}" in text and "{% if x %}" in text and "$(rm -rf /)" in text


def test_the_hostile_parser_imports_and_parses(hostile_tree, monkeypatch):
    import importlib

    _, root, out = hostile_tree
    monkeypatch.syspath_prepend(str(out.parent))
    module = importlib.import_module(f"out.{SERVICE}.do_thing")
    params = module.parse_args(["--class", "x", "--choice", NASTY_ENUM[0], "--a/b", "{{ x }}"])
    assert params == {"class": "x", "Choice": NASTY_ENUM[0], "a/b": "{{ x }}"}
    assert module.validate({"class": '"""'}) == []
