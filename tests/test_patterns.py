"""Pattern translation: Python's re and JavaScript's RegExp (u flag) give the
same verdict on the emitted pattern, and the verdict of the model's own
pattern where JavaScript can run it; what cannot be carried over is left out
with a reason."""

import json
import random
import re
import shutil
import subprocess

import pytest
from botocore.loaders import Loader

from generator.patterns.guard import guard
from generator.patterns.translate import translate
from generator.pipeline.service import load

from .support.paths import ROOT
from .support.schemadata import RegexSampler

SERVICES = ("ecr", "dynamodb", "kms", "rds-data", "verifiedpermissions", "sts")
# Strings on which engines that differ would disagree: line terminators (``$``
# and ``.``), non-ASCII digits, letters and spaces (``\d``, ``\w``, ``\s``),
# astral characters (code points against UTF-16 units).
TRICKY = (
    "",
    "\n",
    "a\n",
    "\u2028",
    "\u0663",
    "\u00e9",
    "\u00a0",
    " ",
    "\U0001f600",
    "_",
    "-",
    "A",
    "Z9",
    "\t",
)


def _node(items):
    node = shutil.which("node")
    assert node, "node is needed for the pattern tests (see scripts/test)"
    result = subprocess.run(
        [node, str(ROOT / "tests" / "editor" / "regex-check.mjs")],
        input=json.dumps(items),
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(result.stdout)


def _samples(pattern, rng):
    sampler = RegexSampler(rng)
    drawn = [sampler.sample(pattern, stretch) for stretch in (1, 3, 8) for _ in range(3)]
    return sorted(set(drawn + [text + extra for text in drawn[:2] for extra in TRICKY] + list(TRICKY)))


def _model_patterns(services):
    loader = Loader()
    patterns = set()
    for service in services:
        model = loader.load_service_model(service, "service-2")
        patterns.update(shape["pattern"] for shape in model["shapes"].values() if "pattern" in shape)
    return sorted(patterns)


def _differential(patterns):
    rng = random.Random(7)
    items, checked = [], []
    for source in patterns:
        # What the schemas carry: rewritten where it could backtrack slowly.
        translation = guard(source)
        if translation.pattern is None:
            continue
        samples = _samples(translation.pattern, rng)
        items.append({"pattern": translation.pattern, "original": source, "samples": samples})
        checked.append(translation)
    results = _node(items)
    python_vs_js, original_vs_ours, compared = [], [], []
    for item, result in zip(items, results):
        ours = [re.search(item["pattern"], sample) is not None for sample in item["samples"]]
        if result["translated"] != ours:
            python_vs_js.append(item["original"])
        reference = result["original"]
        samples = item["samples"]
        if reference is None and result["originalWithoutU"] is not None and "\\p" not in item["original"]:
            # Web-compatible syntax (``\_``, ``[\w-.]``): JavaScript runs it
            # without the u flag, in UTF-16 units, so compare on the BMP.
            keep = [i for i, sample in enumerate(samples) if all(ord(c) < 0x10000 for c in sample)]
            reference = [result["originalWithoutU"][i] for i in keep]
            ours = [ours[i] for i in keep]
        if reference is not None:
            compared.append(item["original"])
            if reference != ours:
                original_vs_ours.append(item["original"])
    uncompared = sorted({item["original"] for item in items} - set(compared))
    return len(items), uncompared, python_vs_js, original_vs_ours


# JavaScript cannot run these originals at all (Java inline flags), or only
# without the u flag, where ``\p{L}`` is the letter p.
_NOT_JAVASCRIPT = re.compile(r"\(\?[a-z]+\)|\\p\{")


def test_service_patterns_mean_the_same_in_python_and_javascript():
    translated, uncompared, python_vs_js, original_vs_ours = _differential(_model_patterns(SERVICES))
    assert translated >= 60
    assert python_vs_js == []
    assert original_vs_ours == []
    assert uncompared == []


def test_every_botocore_pattern_translates_faithfully_or_is_left_out():
    """All the patterns of every model botocore ships (about 4,300)."""
    patterns = _model_patterns(Loader().list_available_services("service-2"))
    translated, uncompared, python_vs_js, original_vs_ours = _differential(patterns)
    assert translated > 3900
    assert python_vs_js == []
    assert original_vs_ours == []
    assert [p for p in uncompared if not _NOT_JAVASCRIPT.search(p)] == []
    assert len(uncompared) < 50


@pytest.mark.parametrize(
    ("source", "matches", "rejects"),
    [
        # ``$`` is the end of input: Python's also matches before a final newline.
        ("^[a-z]+$", ["abc"], ["abc\n", "ab1"]),
        # ``\d`` and ``\w`` are ASCII in JavaScript, Unicode-wide in Python.
        ("^\\d+$", ["0123"], ["\u0663", "1\u0663"]),
        ("^\\w+$", ["a_Z9"], ["\u00e9"]),
        # ``\s`` is JavaScript's list, which has U+FEFF and not U+001C.
        ("^\\s$", ["\ufeff", "\u00a0", "\t"], ["\x1c"]),
        # ``.`` stops at every JavaScript line terminator.
        ("^.$", ["x", "\U0001f600"], ["\u2028", "\r", "\n"]),
        # A surrogate pair range is the astral code points.
        ("^[\\u0020-\\uD7FF\\uD800\\uDC00-\\uDBFF\\uDFFF]+$", ["a\U0001f600", "\U0010fffd"], ["\ue000"]),
        # Unicode categories.
        ("^[\\p{L}\\p{N}]+$", ["\u00e9\u0663x"], ["-", " "]),
        ("^\\P{L}$", ["1"], ["a"]),
        # Web-compatible identity escapes and a class escape as a range end.
        ("^ecr\\-pull\\_cache\\:[\\w-.]+$", ["ecr-pull_cache:a-b.c"], ["ecr-pull_cache:a/b"]),
        # Inline flags, applied to the rest of their group.
        ("^(?i)(true|false)$", ["TRUE", "False"], ["yes"]),
        ("(?s)^.{1,3}$", ["a\nb"], ["abcd"]),
        ("(?i)^k$", ["K", "\u212a"], ["x"]),
        # ``\b`` with ASCII word characters: "é" is not one (Python's \b says it is).
        ("\\bcat\\b", ["a cat", "\u00e9cat\u00e9"], ["concat"]),
        # ``\u`` takes four digits: ``\u10000`` is U+1000 then "0".
        ("^[\\u10000-\\u10FFFF]$", ["\u1000", "A", "F"], ["\U00010000"]),
    ],
)
def test_translation_keeps_the_ecma_meaning(source, matches, rejects):
    pattern = translate(source).pattern
    assert pattern is not None
    for text in matches:
        assert re.search(pattern, text), (source, text)
    for text in rejects:
        assert not re.search(pattern, text), (source, text)


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("\\p{Print}+", "not an ECMA-262 Unicode property"),
        ("\\p{XDigit}{8}", "not an ECMA-262 Unicode property"),
        ("\\A[a-z]+\\z", "\\A is not an ECMA-262 escape"),
        ("[0-9A-Z]{2}+", "nothing to repeat"),
        ("(?x)a b", "inline flags"),
        ("(?<name>a)", "named groups"),
        ("([a-z]+)${1,4}", "a quantifier on an assertion"),
        ("(?<=a+)b", "Python's re cannot run it"),
        ("[a", "an unclosed character class"),
    ],
)
def test_untranslatable_patterns_are_left_out_with_a_reason(source, reason):
    translation = translate(source)
    assert translation.pattern is None
    assert reason in translation.reason


def test_left_out_patterns_are_reported_and_absent_from_schemas(tmp_path):
    """dynamodb's ``\\p{Print}+`` (Java's POSIX class) is in the report, and
    the schema of its shape has no pattern."""
    from generator.cli import main

    out = tmp_path / "out"
    assert main(["--service", "dynamodb", "--out", str(out), "--quiet"]) == 0
    report = json.loads((out / "schemas" / "dynamodb.pattern-report.json").read_text())
    left_out = {item["pattern"]: item for item in report["leftOut"]}
    assert "\\p{Print}+" in left_out
    shape = left_out["\\p{Print}+"]["shape"]
    service = load("dynamodb")
    for path in (out / "schemas" / "dynamodb").glob("*.schema.json"):
        definition = json.loads(path.read_text()).get("$defs", {}).get(shape)
        if definition is not None:
            assert "pattern" not in definition
    # Everything not in the report made it into the schemas.
    assert all(translate(p).pattern is not None for p in _model_patterns(["dynamodb"]) if p not in left_out)
    assert service.shape(shape).constraints.pattern == "\\p{Print}+"
