"""The patterns the schemas and strict validators carry: translated
(``patterns.py``), then checked for slow backtracking (``backtracking.py``).

A pattern with a back-reference that may find its group without a text is
left out first: JavaScript matches such a reference empty, Python and Java
fail it (``references.unset_references``), so a JSON Schema validator in
JavaScript would accept what the model's service refuses.

A pattern that a backtracking engine could take more than linear time on is
rewritten, where a rewrite with the same verdict on every string removes the
cause, into one that is checked again; otherwise it is left out, with the
reason, like an untranslatable one. The rewrites keep the verdict of a search
(is there a match anywhere?), which is all JSON Schema's ``pattern`` and the
validators ask, for any text; they apply only to patterns without
back-references (they may drop capturing groups):

* a search not anchored at the start needs only the end of any leading
  repeat: ``X{2,}Y`` matches somewhere exactly when ``XXY`` does, and
  ``X*Y`` when ``Y`` does; likewise a trailing repeat where the end is not
  anchored;
* two adjacent repeats of character sets, one a subset of the other, keep
  the larger one's freedom only: ``C{a,}D{b,}`` is ``C{a}D{b,}`` and
  ``D{a,}C{b,}`` is ``D{a,}C{b}`` when every C is a D;
* a repeated group of one repeated set, ``(C+)+`` or ``(?:C*)*``, is the
  set repeated once; in a repeated group ``(P C+ Q)*`` whose other items may
  be empty, a run of Cs is so many rounds: ``(P C Q)*``; and ``(X? C)*`` is
  ``((X - C)? C)*``, an X that is a C being a round of its own.
"""

import functools
import re
from dataclasses import dataclass

from .automaton import TooLarge, compile_search
from .backtracking import analyse
from .charsets import Ranges, complement
from .derivatives import marked
from .references import unset_references
from .translate import Translation, _emit_set, translate
from .tree import Item, Node, sequences
from .tree import intersect as _intersect

_MAX_REWRITES = 64
_BACKREFERENCE = re.compile(r"\(\?:\\[1-9]")


@functools.lru_cache(maxsize=8192)
def guard(source: str) -> Translation:
    """The model pattern as the schemas and validators carry it: faithful,
    and linear in time for a backtracking search, or left out (``pattern``
    None) with the reason."""
    translation = translate(source)
    if translation.pattern is None:
        return translation
    pattern = translation.pattern
    if _BACKREFERENCE.search(pattern):
        unset = unset_references(marked(pattern))
        if unset:
            return Translation(
                source,
                None,
                reason=f"left out: back-reference \\{unset[0]} may find its group without a text,"
                " which JavaScript matches empty and Python and Java fail",
            )
    risk = analyse(pattern)
    if risk is None:
        return translation
    rewritten = pattern
    if not _BACKREFERENCE.search(pattern):
        for _ in range(_MAX_REWRITES):
            step = _rewrite(rewritten)
            if step is None:
                break
            rewritten = step
            if analyse(rewritten) is None:
                return Translation(source, rewritten, bounded=f"rewritten: {risk.describe()}")
    return Translation(source, None, reason=f"left out: {risk.describe()}")


@dataclass(frozen=True)
class Automatic:
    """How the strict validators check a pattern that ``guard`` leaves out:
    by the automaton whose table this is, or (``table`` None) not at all, and why."""

    table: str | None
    reason: str = ""


@functools.lru_cache(maxsize=8192)
def automatic(source: str) -> Automatic:
    """The automaton of the model pattern's search (see ``automaton.py``)."""
    translation = translate(source)
    if translation.pattern is None:
        return Automatic(None, translation.reason)
    try:
        return Automatic(compile_search(translation.pattern).table())
    except TooLarge as exc:
        return Automatic(None, f"no automaton: {exc}")


def _quantifier(low: int, high: int | None) -> str:
    if (low, high) == (1, 1):
        return ""
    if high is None:
        return {0: "*", 1: "+"}.get(low, "{%d,}" % low)
    if (low, high) == (0, 1):
        return "?"
    return "{%d}" % low if low == high else "{%d,%d}" % (low, high)


def _replace(text: str, item: Item, low: int, high: int | None, atom: str | None = None) -> str:
    """``text`` with ``item`` requantified (removed when it may now repeat 0 times)."""
    if (low, high) == (0, 0):
        return text[: item.start] + text[item.stop :]
    body = text[item.start : item.end] if atom is None else atom
    return text[: item.start] + body + _quantifier(low, high) + text[item.stop :]


def _subset(small: Node, large: Node) -> bool:
    ranges: Ranges = small[1]
    return _intersect(ranges, large[1]) == ranges


def _rewrite(text: str) -> str | None:
    """The pattern after one verdict-preserving rewrite, or None if none applies."""
    found = sequences(text)
    inner_of = {items[0].start: items[0] for _, items in found if len(items) == 1}
    for _, items in found:
        for item in items:
            opening = _bare(text, item)
            inner = inner_of.get(item.start + len(opening)) if opening else None
            # (C{a,}){b,} with a <= 1: C{a*b,}.
            if (
                item.high is None
                and item.atom[0] == "rep"
                and item.atom[2] is None
                and item.atom[1] <= 1
                and item.atom[3][0] == "set"
                and inner is not None
                and inner.stop == item.end - 1
            ):
                return _replace(text, item, item.atom[1] * item.low, None, text[inner.start : inner.end])
    for _, items in found:
        for left, right in zip(items, items[1:]):
            if left.atom[0] != "set" or right.atom[0] != "set" or left.high is not None or right.high is not None:
                continue
            if _subset(left.atom, right.atom) and left.low != left.high:
                return _replace(text, left, left.low, left.low)
            if _subset(right.atom, left.atom) and right.low != right.high:
                return _replace(text, right, right.low, right.low)
    for _, items in found:
        for left, middle, right in zip(items, items[1:], items[2:]):
            # D*CE* with C within D within E: the first C begins the E part,
            # so what comes before it is (D - C)*: one way to read each text.
            if all(item.atom[0] == "set" for item in (left, middle, right)) and (
                (left.low, left.high, middle.low, middle.high, right.low, right.high) == (0, None, 1, 1, 0, None)
                and _subset(middle.atom, left.atom)
                and _subset(left.atom, right.atom)
                and middle.atom[1] != left.atom[1]
            ):
                rest = _emit_set(_difference(left.atom[1], middle.atom[1]))
                return _replace(text, left, 0, None, rest)
    for owner, items in found:
        parent = _repeated_owner(found, owner)
        if parent is None or not items:
            continue
        runs = [item for item in items if item.atom[0] == "set" and (item.low, item.high) == (1, None)]
        if len(runs) == 1 and all(item.low == 0 for item in items if item is not runs[0]):
            # (P C+ Q)* with P and Q nullable is (P C Q)*: a run of Cs is so many rounds.
            return _replace(text, runs[0], 1, 1)
        last = items[-1]
        if len(items) == 2 and (last.low, last.high, items[0].low, items[0].high) == (1, 1, 0, 1):
            optional = items[0]
            if optional.atom[0] == "set" and _intersect(optional.atom[1], last.atom[1]):
                # (X? C)* is ((X - C)? C)*: an X that is a C is a round of its own.
                remainder = _difference(optional.atom[1], last.atom[1])
                if not remainder:  # every X is a C: (C? C)* is (C)*
                    return _replace(text, optional, 0, 0)
                return _replace(text, optional, 0, 1, _emit_set(remainder))
    for owner, items in found:
        if not items:
            continue
        first, last = items[0], items[-1]
        if _free(found, owner, 0) and _loose(first):
            return _replace(text, first, first.low, first.low)
        if _free(found, owner, -1) and _loose(last):
            return _replace(text, last, last.low, last.low)
    return None


def _loose(item: Item) -> bool:
    """A repeat with some freedom (not an assertion)."""
    return item.atom[0] not in ("bol", "eoi", "eps", "look") and item.high != item.low


def _repeated_owner(found: list[tuple[int, list[Item]]], owner: int) -> Item | None:
    """The unboundedly repeated group a sequence is the only branch of."""
    if owner < 0 or sum(1 for other, _ in found if other == owner) != 1:
        return None
    for _, items in found:
        for item in items:
            if item.start == owner and item.high is None:
                return item
    return None


def _free(found: list[tuple[int, list[Item]]], owner: int, end: int) -> bool:
    """Whether a sequence's first (``end`` 0) or last (-1) item is the first
    or last thing a search reads: it is a top-level branch, or fills a group
    that is, unquantified, the first (last) item of such a sequence."""
    if owner == -1:
        return True
    for parent, items in found:
        if items and items[end].start == owner:
            return (items[end].low, items[end].high) == (1, 1) and _free(found, parent, end)
    return False


def _difference(a: Ranges, b: Ranges) -> Ranges:
    return _intersect(a, complement(b))


def _bare(text: str, item: Item) -> str:
    """The opening of a group atom (``(``, ``(?:``), "" for other atoms."""
    atom = text[item.start : item.end]
    if atom.startswith("(?:"):
        return "(?:"
    return "(" if atom.startswith("(") and not atom.startswith("(?") else ""
