"""Pattern automata: the strict validators' check of the patterns a
backtracking engine could be slow on (generator/patterns/automaton.py, walked
by generator/python/runtime/_automaton.py).

The oracle is Python's ``re`` on the same translated pattern: exhaustively
on short texts for each construct the compiler handles, and on texts drawn
from every automaton-checked botocore pattern (a sample here; all of them,
and every other pattern, in ``scripts/pattern-attacks``). Linear time is
shown by counting the matcher's steps, not by a clock.
"""

import itertools
import random
import re
import sys

import pytest
from botocore.loaders import Loader

from generator.cli import main
from generator.model.names import python_identifier
from generator.patterns import automaton as compiler
from generator.patterns.automaton import Lazy, TooLarge, compile_lazy, compile_search
from generator.patterns.guard import automatic, guard
from generator.patterns.translate import translate
from generator.pipeline.service import load
from generator.python.runtime import _automaton as runtime
from generator.python.runtime import _derivatives

from .support.documents import full_document
from .support.redos import attack_verdicts, attacks, breaking_text, pattern_texts
from .support.strictcheck import strict_module


def _both(pattern: str):
    built = compile_search(pattern)
    return built, runtime.Automaton(built.table())


@pytest.mark.parametrize(
    ("source", "alphabet"),
    [
        ("[a-z0-9]{3}-[a-z0-9]{2}", "a1-"),
        ("^(?=.{2,4}$)a+b", "ab\n"),  # an anchored lookahead: a length check
        ("(?=.{0,3}$)ab", "ab"),  # unanchored: the match starts near the end
        ("(?=.{2,4}$)a+b?", "ab\n"),  # ... and not too near
        ("(?=.{1,3}$)\\bab", "ab "),  # a lookbehind: no window, the whole text
        ("(?!.*\\.\\.)[a-z.]+", "a."),  # a negative lookahead: a complement
        ("^(?=.*\\d)(?=.*[a-z])[a-z0-9]+$", "a1-"),  # two lookaheads: an intersection
        ("\\bab\\b", "ab -"),  # \b: both neighbours
        ("(?m)^a$", "a\n\r"),  # multiline anchors
        ("\\Aa+\\z", "a\n"),  # Java's anchors
        ("^(a|ab)*c$", "abc"),
        ("^(?:\\/|(?!\\/))[a-z]+", "/a"),  # a possessive ? spelled out
        ("[0-9]{2}+x", "0x"),
        ("^$|^a", "a\n"),
        ("", "a"),
        ("(?!)", "a"),
        ("x(?=y)", "xy"),
        ("(?<=a)b", "ab"),  # a lookbehind of one character
        ("(?<!a)b", "ab"),
        ("^(?:(?!ab).){0,3}$", "ab"),  # a lookahead inside a bounded repeat: expanded
        ("^(?:[^/][!-~]+/){1,3}[a-z]{1,2}$", "a/"),  # counts that overlap
        ("x.{1,3}/y[a-z]{1,3}", "xy/a"),  # ... merged; a trailing repeat absorbed
        ("[a-z]{2,3}(?:ab|a){2,3}", "ab-"),
        # Back-references to groups of finitely many texts: a choice made once.
        ("^(?!.*?(.)\\1{2})[ab]*$", "ab\n"),  # no three equal characters in a row
        ("^(-?)a(\\1b)?$", "-ab"),
        ("^((:?)x)?y(\\2z)?$", "xyz:"),  # a reference to a group that took no part fails
        ("(a|bb)c\\1", "abc"),
        ("(a)|\\1b", "ab"),
    ],
)
def test_automata_agree_with_re_on_every_short_text(source, alphabet):
    pattern = translate(source).pattern
    assert pattern is not None
    built, table = _both(pattern)
    # The same search written as its expression, its automaton built as the text goes.
    lazy = compile_lazy(pattern)
    lazy_table = runtime.Automaton(lazy.table())
    compiled = re.compile(pattern)
    for size in range(7):
        for letters in itertools.product(alphabet, repeat=size):
            text = "".join(letters)
            expected = compiled.search(text) is not None
            assert built.run(text) == expected, (source, text)
            assert table.search(text) == expected, (source, text)
            assert lazy.run(text) == expected, (source, text)
            assert lazy_table.search(text) == expected, (source, text)


def test_the_lazy_search_starts_afresh_past_its_state_cap(monkeypatch):
    monkeypatch.setattr(_derivatives, "MAX_LAZY_STATES", 3)
    pattern = translate("^(?:[^/][!-~]+/){1,3}[a-z]{1,2}$").pattern
    lazy, compiled = runtime.Automaton(compile_lazy(pattern).table()), re.compile(pattern)
    for size in range(9):
        for letters in itertools.product("a/", repeat=size):
            text = "".join(letters)
            assert lazy.search(text) == (compiled.search(text) is not None), text
            assert len(lazy.lazy.keys) <= 4


@pytest.mark.parametrize(
    "source",
    [
        "^([\\+-]?\\d{4}(?!\\d{2}\\b))((-?)((0[1-9]|1[0-2])(\\3([12]\\d|0[1-9]|3[01]))?|W([0-4]\\d|5[0-2])(-?[1-7])?"
        "|(00[1-9]|0[1-9]\\d|[12]\\d{2}|3([0-5]\\d|6[1-6])))([T\\s]((([01]\\d|2[0-3])((:?)[0-5]\\d)?|24\\:?00)"
        "([\\.,]\\d+(?!:))?)?(\\17[0-5]\\d([\\.,]\\d+)?)?([zZ]|([\\+-])([01]\\d|2[0-3]):?([0-5]\\d)?)?)?)?$",
    ],
)
def test_iso_dates_with_back_references_agree_with_re(source):
    # iotwireless ISODateTimeString: the separators chosen once (- or none, : or none).
    pattern = translate(source).pattern
    table, compiled = runtime.Automaton(compile_search(pattern).table()), re.compile(pattern)
    dates = ["2020", "2020-01", "202001", "2020-01-31", "20200131", "2020-0131", "202001-31", "2020-W05-3"]
    times = ["", "T10", "T1030", "T10:30", "T10:30:00", "T10:3000", "T1030:00", "T103000", "T24:00", "T10:30:00.5Z"]
    zones = ["", "Z", "+01", "-01:30", "+0130"]
    for date, time, zone in itertools.product(dates, times, zones):
        text = date + time + zone
        assert table.search(text) == (compiled.search(text) is not None), text


def test_astral_characters_and_lone_surrogates_are_one_code_point_each():
    pattern = translate("^[\\u{1F600}-\\u{1F64F}]{2}$|^\\uD800$").pattern
    _, table = _both(pattern)
    assert table.search("\U0001f600\U0001f64f")
    assert not table.search("\U0001f600")
    assert table.search("\ud800")
    assert not table.search("\ud800\udc00")


def test_the_table_reads_back_the_same_automaton():
    built = compile_search(translate("^ab*$").pattern)
    table = built.table()
    assert table.count(";") + 1 == len(built)
    matcher = runtime.Automaton(table)
    assert not matcher.search("")
    # The rows share the classes that some state tells apart: below a, a, b, above b.
    assert (matcher.classes.starts, matcher.final) == ([0, 0x61, 0x62, 0x63], [False, True])
    assert matcher.rows == [[-1, 1, -1, -1], [-1, -1, 1, -1]]
    assert [matcher.classes[char] for char in "\x00`abc\U0010ffff"] == [0, 0, 1, 2, 3, 3]


def test_the_classes_of_characters_met_stay_bounded():
    """A text of many distinct characters: each is classed by bisection the
    first time, and what is known is forgotten past a bound, with the same
    verdicts (the table and the lazy search share the classes)."""
    pattern = translate("^[\\u0100-\\uffff]*x$").pattern
    compiled = re.compile(pattern)
    text = "".join(map(chr, range(0x100, 0x100 + 3 * runtime._KNOWN_CHARACTERS)))
    for table in (compile_search(pattern).table(), compile_lazy(pattern).table()):
        matcher = runtime.Automaton(table)
        for candidate in (text + "x", text + "y", text + "\x00x", "x"):
            assert matcher.search(candidate) == (compiled.search(candidate) is not None)
            classes = matcher.lazy.classes if matcher.lazy else matcher.classes
            assert 0 < len(classes) <= runtime._KNOWN_CHARACTERS


def test_a_state_that_accepts_everything_ends_the_walk():
    matcher = runtime.Automaton(compile_search(translate("ab").pattern).table())
    assert matcher.search("ab" + "\x00" * 10)
    assert matcher.accepts >= 0


def test_minimisation_merges_equivalent_states():
    # (a|b)*c and [ab]*c are one automaton; a lookahead that always holds adds nothing.
    tables = {
        compile_search(translate(source).pattern).table()
        for source in ("^(a|b)*c", "^[ab]*c", "^(?=[\\s\\S]*)[ab]*c")
    }
    assert len(tables) == 1


def test_a_pattern_past_the_state_cap_is_written_as_its_expression(monkeypatch):
    monkeypatch.setattr(compiler, "MAX_STATES", 50)
    pattern = translate("^[a-z]{0,30}-[a-z]{0,30}x$").pattern
    built = compile_search(pattern)
    assert isinstance(built, Lazy) and built.table().startswith(compiler.LAZY)
    matcher = runtime.Automaton(built.table())
    assert matcher.search("a" * 30 + "-" + "b" * 30 + "x") and not matcher.search("a-" + "b" * 31 + "x")


def test_patterns_without_an_automaton_are_reported():
    with pytest.raises(TooLarge, match="back-reference to a group inside a repeat"):
        compile_search(translate("(a|b)*\\1").pattern)
    with pytest.raises(TooLarge, match="a lookahead inside an unbounded repeat"):
        compile_search(translate("^(?:(?!ab).)*$").pattern)


class _Lines:
    """The lines the matcher's ``search`` runs, counted (``sys.settrace``)."""

    def __init__(self, search=runtime.Automaton.search):
        self.count = 0
        self.search = search

    def __enter__(self):
        code = self.search.__code__

        def trace(frame, event, arg):
            if frame.f_code is not code:
                return None
            if event == "line":
                self.count += 1
            return trace

        sys.settrace(trace)
        return self

    def __exit__(self, *exc):
        sys.settrace(None)


def _botocore_patterns() -> list[str]:
    loader = Loader()
    found: set[str] = set()
    for service in loader.list_available_services("service-2"):
        model = loader.load_service_model(service, "service-2")
        found.update(shape["pattern"] for shape in model["shapes"].values() if "pattern" in shape)
    return sorted(found)


@pytest.fixture(scope="module")
def sampled():
    """The automaton-checked patterns among every fourth botocore pattern
    (all of them: scripts/pattern-attacks)."""
    chosen = [
        source
        for source in _botocore_patterns()[::4]
        if translate(source).pattern and guard(source).pattern is None and automatic(source).table is not None
    ]
    assert len(chosen) > 40
    return chosen


def test_linear_steps_on_each_attack(sampled):
    """On its own attacks, each automaton runs a fixed number of lines per
    character (the loop's body: no inner loop, no backtracking), whatever the
    pattern; 10,000 characters here, 100,000 timed in scripts/pattern-attacks."""
    for source in sampled:
        matcher = runtime.Automaton(automatic(source).table)
        matcher.search("")  # reads the table
        for prefix, pump, ending in attacks(translate(source).pattern, thorough=False)[:3]:
            text = prefix + pump * (10_000 // max(len(pump), 1)) + ending
            with _Lines() as lines:
                matcher.search(text)
            assert lines.count <= _LINES_PER_CHARACTER * len(text) + 8, source


# The loop, the lookup (class, then target), the end test.
_LINES_PER_CHARACTER = 3

# Patterns whose automaton passes the state cap (counts that overlap): written
# as their expression, searched lazily (qconnect CaseArn, resiliencehub
# IamRoleArn, servicediscovery ServiceName).
_LAZY = (
    "arn:[a-z-]*?:cases:[a-z0-9-]*?:[0-9]{12}:domain/.{1,500}/case/[A-Za-z0-9\\-._/:#=+-]{1,500}",
    "^arn:(aws|aws-cn|aws-iso|aws-iso-[a-z]{1}|aws-us-gov):iam::[0-9]{12}:role/(([^/][!-~]+/){1,511})?"
    "[A-Za-z0-9_+=,.@-]{1,64}$",
    "((?=^.{1,127}$)^([a-zA-Z0-9_][a-zA-Z0-9-_]{0,61}[a-zA-Z0-9_]|[a-zA-Z0-9])(\\.([a-zA-Z0-9_][a-zA-Z0-9-_]{0,61}"
    "[a-zA-Z0-9_]|[a-zA-Z0-9]))*$)|(^\\.$)",
)


@pytest.mark.parametrize("source", _LAZY)
def test_the_lazy_search_steps_once_per_character_through_known_states(source):
    """A lazy search derives each state once (a walk of the expression) and
    then steps like a table: on its attacks, a second run is a fixed number
    of lines per character, and the first reaches a number of states that
    the text's length does not raise, below the cache's bound (so it never
    starts afresh). The IAM role path's attack, which fails, counts
    ``([^/][!-~]+/){1,511}`` through every round: some 3,000 states, as
    any deterministic automaton needs (each count leaves a different rest)."""
    assert automatic(source).table.startswith(compiler.LAZY)
    for prefix, pump, ending in attacks(translate(source).pattern, thorough=False)[:4]:
        longer = runtime.Automaton(automatic(source).table)
        longer.search(prefix + pump * (100_000 // max(len(pump), 1)) + ending)
        matcher = runtime.Automaton(automatic(source).table)
        text = prefix + pump * (10_000 // max(len(pump), 1)) + ending
        matcher.search(text)
        assert len(matcher.lazy.keys) == len(longer.lazy.keys) < _derivatives.MAX_LAZY_STATES // 2, source
        with _Lines(_derivatives.LazySearch.search) as lines:
            matcher.search(text)
        # The loop, the lookup, the unknown test, the step, the end test.
        assert lines.count <= 5 * len(text) + 8, source


def test_automata_agree_with_re_on_drawn_texts_and_attacks(sampled):
    """The validators' verdict equals re's on the translated pattern, on texts
    drawn from it, mutated, and its attacks (short enough for re to finish;
    a search that takes longer than its budget is no evidence either way)."""
    rng = random.Random(16)
    items = []
    for source in sampled:
        pattern = translate(source).pattern
        items.append(
            {"label": source, "pattern": pattern, "texts": pattern_texts(pattern, rng, attack_length=200)}
        )
    verdicts = attack_verdicts(items, budget=0.5)
    compared = wrong = 0
    for item in items:
        matcher = runtime.Automaton(automatic(item["label"]).table)
        for text, expected in zip(item["texts"], verdicts[item["label"]]):
            if expected is None:
                continue
            compared += 1
            if matcher.search(text) != expected:
                wrong += 1
                pytest.fail(f"{item['label']!r} on {text[:60]!r}: re says {expected}")
    assert compared > 20 * len(items) and wrong == 0


# Services whose patterns are mostly ARNs, and ECR (the README's figures).
# resiliencehub: three patterns searched lazily (IamRoleArn, S3Url) or past the old cap (IamRoleName).
SERVICES = ("kinesis", "iam", "sns", "lambda", "stepfunctions", "ecr", "resiliencehub")  # stepfunctions: aws states


def _string_paths(service, shape_name, document, path=()):
    """(path, shape name) of every string value in the document."""
    shape = service.shape(shape_name)
    if shape.type == "structure" and isinstance(document, dict) and not shape.document:
        for member in shape.members:
            if member.name in document:
                yield from _string_paths(service, member.target, document[member.name], path + (member.name,))
    elif shape.type == "list" and isinstance(document, list):
        for index, item in enumerate(document):
            yield from _string_paths(service, shape.member.target, item, path + (index,))
    elif shape.type == "map" and isinstance(document, dict):
        for key, item in document.items():
            yield from _string_paths(service, shape.value.target, item, path + (key,))
    elif shape.type == "string":
        yield path, shape_name


def _replace(document, path, value):
    if not path:
        return value
    copy = dict(document) if isinstance(document, dict) else list(document)
    copy[path[0]] = _replace(document[path[0]], path[1:], value)
    return copy


def _shown(path):
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text


@pytest.mark.parametrize("name", SERVICES)
def test_strict_validation_rejects_a_value_that_breaks_any_pattern(name, tmp_path):
    """For every operation and every string of a full request whose shape has
    a pattern (carried by the schema or not): a value that breaks it gets
    its pattern error from ``validate(strict=True)``."""
    tree = tmp_path / "out"
    assert main(["--service", name, "--out", str(tree), "--quiet"]) == 0
    service = load(name)
    checked = by_automaton = 0
    for operation in service.operations:
        module = strict_module(tree, python_identifier(name), operation.py_name)
        document = full_document(service, operation.input)
        for path, shape_name in _string_paths(service, operation.input, document) if operation.input else ():
            source = service.shape(shape_name).constraints.pattern
            if source is None or translate(source).pattern is None:
                continue
            broken = breaking_text(translate(source).pattern)
            if broken is None:
                continue  # the pattern matches every text: nothing breaks it
            errors = module.validate(_replace(document, path, broken))
            wanted = f"Invalid pattern for parameter {_shown(path)}, value: {broken!r}"
            assert any(line.startswith(wanted) for line in errors), (operation.name, path, source, errors)
            checked += 1
            by_automaton += guard(source).pattern is None
    assert checked > 0
    if name == "kinesis":  # its stream ARNs: arn:aws.*:kinesis:.*:\d{12}:stream/\S+
        assert by_automaton > 0
