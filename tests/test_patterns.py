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
        java = _JAVA_SYNTAX.search(item["original"])
        if reference is None and result["originalWithoutU"] is not None and "\\p" not in item["original"] and not java:
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
_NOT_JAVASCRIPT = re.compile(r"\(\?[a-z]+\)|\\p\{|" + r"\\[Azx]|&&\[|\\0[0-7]|[*+?}]\+|[$)]\{|\)\+|\}\{")
# Java-only syntax: \A, \z, \x{..}, class intersection, octal escapes,
# possessive quantifiers, quantified assertions and quantifiers.
_JAVA_SYNTAX = re.compile(r"\\[Azx]|&&\[|\\0[0-7]|[*+?}]\+|\$\{|\(\?[=!][^()]*\)[*+?{]|\}\{|\\p\{(?!L\}|N\}|Z\}|M\}|S\}|P\}|C\}|Ll|Lu|Nd)")


def test_service_patterns_mean_the_same_in_python_and_javascript():
    translated, uncompared, python_vs_js, original_vs_ours = _differential(_model_patterns(SERVICES))
    assert translated >= 60
    assert python_vs_js == []
    assert original_vs_ours == []
    # Java's syntax (dynamodb's \p{Print}+): Java is the oracle, below.
    assert [p for p in uncompared if not _NOT_JAVASCRIPT.search(p)] == []


def test_every_botocore_pattern_translates_faithfully_or_is_left_out():
    """All the patterns of every model botocore ships (about 4,300)."""
    patterns = _model_patterns(Loader().list_available_services("service-2"))
    translated, uncompared, python_vs_js, original_vs_ours = _differential(patterns)
    assert translated > 3900
    assert python_vs_js == []
    assert original_vs_ours == []
    assert [p for p in uncompared if not _NOT_JAVASCRIPT.search(p)] == []
    # Java-only syntax is compared against Java (test_java_syntax_means_what_java_means).
    assert len([p for p in uncompared if not _JAVA_SYNTAX.search(p)]) < 50


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
        ("\\p{IsHangul}", "Python's Unicode database has no such property"),
        ("\\p{Foo}", "not an ECMA-262 Unicode property"),
        ("([a-z])++", "a possessive quantifier on a group"),
        ("(?x)a b", "inline flags"),
        ("(?<name>a)", "named groups"),
        ("(?<=a+)b", "Python's re cannot run it"),
        ("[a", "an unclosed character class"),
    ],
)
def test_untranslatable_patterns_are_left_out_with_a_reason(source, reason):
    translation = translate(source)
    assert translation.pattern is None
    assert reason in translation.reason


# Back-references with the texts that tell JavaScript's reading from Python's
# where they differ (a reference to a group that took no part matches empty).
_REFERENCES = {
    "^(a)\\1$": ["aa", "a", ""],
    "^(a)?\\1b$": ["b", "aab", "ab"],
    "^(?:(a)|b\\1)+$": ["ab", "aba", "a", "b"],
    "^(?:(a)|(b))\\2$": ["a", "bb", "b"],
    "^(?=(a))\\1a$": ["aa", "a"],
    "^(?!(a))\\1b$": ["b", "ab"],
    "^(a)(?:b\\1)*$": ["a", "aba", "ab", "abab"],
    "^(?:(a)b\\1)+$": ["aba", "abaaba", "ab"],
}


def test_back_references_are_left_out_exactly_where_javascript_reads_them_otherwise():
    """A pattern whose back-reference may find its group without a text is
    left out; every other one means the same to Python and JavaScript."""
    items = [
        {"pattern": translate(source).pattern, "original": source, "samples": texts}
        for source, texts in _REFERENCES.items()
    ]
    for item, result in zip(items, _node(items)):
        python = [re.search(item["pattern"], text) is not None for text in item["samples"]]
        left_out = "back-reference" in guard(item["original"]).reason
        assert left_out == (python != result["translated"]), item["original"]
    assert sum("back-reference" in guard(source).reason for source in _REFERENCES) == 4


def test_left_out_patterns_are_reported_and_absent_from_schemas(tmp_path):
    """Kinesis's stream ARNs (a backtracking search could be slow on them)
    are in the report, checked by automaton, and the schemas of their shapes
    have no pattern; workspaces-thin-client's ``\\p{IsAlphabetic}`` classes
    (Java's Alphabetic property, spelled out) are carried."""
    from generator.cli import main

    name = "kinesis"
    out = tmp_path / "out"
    assert main(["--service", name, "--out", str(out), "--quiet"]) == 0
    report = json.loads((out / "schemas" / f"{name}.pattern-report.json").read_text())
    left_out = {item["shape"]: item for item in report["leftOut"]}
    assert "StreamARN" in left_out and report["counts"]["unchecked"] == 0
    assert {item["strict"] for item in left_out.values()} == {"automaton"}
    for shape in left_out:
        for path in (out / "schemas" / name).glob("*.schema.json"):
            definition = json.loads(path.read_text()).get("$defs", {}).get(shape)
            if definition is not None:
                assert "pattern" not in definition
    # Everything not in the report made it into the schemas.
    sources = {item["pattern"] for item in left_out.values()}
    assert all(guard(p).pattern is not None for p in _model_patterns([name]) if p not in sources)
    service = load("workspaces-thin-client")
    for shape in ("DeviceName", "EnvironmentName"):
        assert guard(service.shape(shape).constraints.pattern).pattern is not None


def _java(items):
    """Java's verdicts (``find``) on each item's samples, None where Java
    cannot compile the pattern."""
    java = shutil.which("java")
    assert java, "java is needed for the Java-syntax tests"

    def encode(text):
        return " ".join(f"{ord(char):x}" for char in text)

    lines = []
    for pattern, samples in items:
        lines.append("P" + encode(pattern))
        lines += ["S" + encode(sample) for sample in samples]
    source = ROOT / "tests" / "support" / "java" / "RegexFind.java"
    result = subprocess.run(
        [java, str(source)], input="\n".join(lines) + "\n", capture_output=True, text=True, check=True, timeout=300
    )
    return [None if line == "E" else [flag == "1" for flag in line] for line in result.stdout.split("\n")[: len(items)]]


# Where Java's base semantics and ECMA-262's differ (line terminators for
# ``.`` and ``$``, Unicode white space, letters for ``\b``), the translation
# keeps ECMA-262's: the Java comparison draws its samples from ASCII without
# line breaks.
_JAVA_ALPHABET = [chr(cp) for cp in range(0x80) if chr(cp) not in "\n\r"]


def test_java_syntax_means_what_java_means():
    """Every botocore pattern in Java-only syntax (\\A, \\z, \\p{Print},
    possessive quantifiers, class intersection, ...) that is translated gives
    Java's own verdict on samples drawn from it and mutated."""
    rng = random.Random(16)
    items, sources = [], []
    for source in _model_patterns(Loader().list_available_services("service-2")):
        pattern = translate(source).pattern
        if pattern is None or not _JAVA_SYNTAX.search(source):
            continue
        drawn = [RegexSampler(rng).sample(pattern, stretch) for stretch in (1, 3, 8) for _ in range(4)]
        samples = set()
        for text in drawn:
            samples.add(text)
            for _ in range(4):
                at = rng.randrange(len(text) + 1)
                samples.add(text[:at] + rng.choice(_JAVA_ALPHABET) + text[at + 1 :])
        samples |= {"", "a", "A0", " ", "\x00", "\x7f", "|"}
        kept = sorted(text for text in samples if all(char in _JAVA_ALPHABET for char in text))
        items.append((source, kept))
        sources.append(pattern)
    assert len(items) >= 25
    verdicts = _java(items)
    wrong = []
    for (source, samples), pattern, java in zip(items, sources, verdicts):
        assert java is not None, source
        ours = [re.search(pattern, text) is not None for text in samples]
        wrong += [(source, text, flag) for text, flag, mine in zip(samples, java, ours) if flag != mine]
    assert wrong == []


def test_alphabetic_is_javas_on_every_code_point():
    """``\\p{IsAlphabetic}`` (Python's unicodedata has no Alphabetic property):
    the generator's set against Java's own on every code point. Java 17 reads
    Unicode 13, Python 3.11 (and the set) Unicode 14: they may differ only
    where Java's Unicode has no character yet. And the set is the regex
    library's Alphabetic wherever Python's Unicode has a character, so that
    the library's Unicode is Python's."""
    import unicodedata

    import regex

    from generator.patterns.charsets import alphabetic, contains

    points = [cp for cp in range(0x110000) if not 0xD800 <= cp <= 0xDFFF]
    samples = [chr(cp) for cp in points]
    alphabetic_java, unassigned_java = _java([("\\p{IsAlphabetic}", samples), ("\\p{Cn}", samples)])
    ours = alphabetic()
    differ = [at for at, cp in enumerate(points) if alphabetic_java[at] != contains(ours, cp)]
    assert len(differ) < 1000
    assert [points[at] for at in differ if not unassigned_java[at]] == []
    library = regex.compile(r"\p{Alphabetic}")
    assigned = [cp for cp in points if unicodedata.category(chr(cp)) != "Cn"]
    assert [cp for cp in assigned if (library.match(chr(cp)) is not None) != contains(ours, cp)] == []
    # The set is what the translation writes for \p{IsAlphabetic}.
    pattern = translate("^\\p{IsAlphabetic}+$").pattern
    assert pattern is not None and re.search(pattern, "Ab\u0345\u2160") and not re.search(pattern, "a1")
