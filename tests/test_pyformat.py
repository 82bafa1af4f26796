"""generator/pyformat.py writes data as the pinned black would: black leaves
its output unchanged, and the output means the value it was given."""

import ast
import keyword

import black
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.python.black_format import BLACK_MODE
from generator.python.layout import LINE_LENGTH, Call, assignment, string

from .support.paths import GENERATED

# Text that exercises quote choice, escapes, wide and combining characters.
_TEXT = st.text(alphabet=st.sampled_from(list("ab \"'\\\n\t\x00\x7f") + ["é", "漢", "\u0301", "\U0001f600"]),
                max_size=30) | st.text(alphabet="abcdefghij-_", min_size=20, max_size=120)
_SCALARS = st.none() | st.booleans() | st.integers(-(10**20), 10**20) | _TEXT | st.floats(
    allow_nan=False, allow_infinity=False
)
_NAMES = st.from_regex(r"[a-z][a-z_]{0,14}", fullmatch=True).filter(lambda name: not keyword.iskeyword(name))


def _containers(children):
    return (
        st.lists(children, max_size=6).map(tuple)
        | st.lists(children, max_size=6)
        | st.dictionaries(_TEXT, children, max_size=5)
        | st.builds(Call, st.just("Operation"), st.lists(st.tuples(_NAMES, children), max_size=6).map(tuple))
    )


_VALUES = st.recursive(_SCALARS, _containers, max_leaves=40)


def _plain(value):
    """The value with every Call replaced by a dict of its arguments."""
    if isinstance(value, Call):
        return {key: _plain(item) for key, item in value.arguments}
    if isinstance(value, (tuple, list)):
        return type(value)(_plain(item) for item in value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _evaluated(node):
    if isinstance(node, ast.Call):
        return {keyword.arg: _evaluated(keyword.value) for keyword in node.keywords}
    if isinstance(node, (ast.Tuple, ast.List)):
        items = [_evaluated(element) for element in node.elts]
        return tuple(items) if isinstance(node, ast.Tuple) else items
    if isinstance(node, ast.Dict):
        return {_evaluated(key): _evaluated(item) for key, item in zip(node.keys, node.values)}
    return ast.literal_eval(node)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(target=_NAMES.map(str.upper), value=_VALUES)
def test_black_leaves_an_assignment_unchanged_and_it_means_the_value(target, value):
    text = assignment(target, value)
    assert black.format_str(text, mode=BLACK_MODE) == text
    statement = ast.parse(text).body[0]
    assert _evaluated(statement.value) == _plain(value)


def test_the_line_length_is_blacks():
    assert BLACK_MODE.line_length == LINE_LENGTH


def test_quotes_follow_blacks_preference():
    for text in ["plain", "it's", 'say "hi"', "it's \"both\" ''", "\"'\"", "back\\slash", "\x00\n"]:
        literal = string(text)
        assert ast.literal_eval(literal) == text
        assert black.format_str(f"x = {literal}\n", mode=BLACK_MODE) == f"x = {literal}\n"


def test_operation_modules_are_as_black_writes_them(other_trees):
    """Operation modules skip the black pass: every one, in ECR's tree and the
    other services' trees, must be exactly what black would make of it."""
    trees = [GENERATED / "ecr"] + sorted({out for _, out in other_trees.values()})
    modules = [path for tree in trees for path in sorted(tree.rglob("*.py"))]
    assert len(modules) > 300
    for path in modules:
        text = path.read_text(encoding="utf-8")
        assert black.format_str(text, mode=BLACK_MODE) == text, path
