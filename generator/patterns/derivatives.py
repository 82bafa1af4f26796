"""The derivatives behind ``automaton.py``: the emitted pattern read as a
tree whose lookarounds keep their kind, turned into an extended expression
(sets, concatenation, alternation, repeats, intersection, complement and
one-character boundary assertions, interned so that similar expressions are
one), and Brzozowski derivatives of it over classes of code points.

A lookahead of several characters becomes an intersection with what follows
it (``A(?=X)B`` continues as "``X`` then anything" and ``B`` then the rest);
a lookaround of one character (``\\b``, multiline ``^`` and ``$``, the end of
input) a test of the characters on either side of where it stands: the
previous one's membership in each lookbehind set is part of a state, the
next one is the character read.
"""

import bisect
from collections.abc import Iterable

from .charsets import ANY, MAX_CODE_POINT, Ranges
from .tree import Node, _TreeParser


class TooLarge(Exception):
    """The pattern has no automaton here; the message says why."""


# --- the pattern's tree, with lookaround kinds --------------------------------------


class _LookParser(_TreeParser):
    """The emitted dialect as a tree, as ``tree.py`` reads it, except that a
    lookaround keeps its kind: ``("look", ahead, positive, body)``."""

    def item(self) -> Node:
        if self.peek() == "\\" and self.peek(1).isdigit() and self.peek(1) != "0":
            raise TooLarge("a back-reference has no automaton")
        if self.peek() == "\\" and self.peek(1) in ("b", "B"):
            raise TooLarge("\\b outside the emitted dialect")
        return super().item()

    def group_tree(self) -> Node:
        start = self.pos
        self.pos += 1
        kind = None
        for prefix, name in (
            ("?:", None),
            ("?=", (True, True)),
            ("?!", (True, False)),
            ("?<=", (False, True)),
            ("?<!", (False, False)),
        ):
            if self.text.startswith(prefix, self.pos):
                self.pos += len(prefix)
                kind = name
                break
        self.owners.append(start if kind is None else -2)
        inner = self.alternatives()
        self.owners.pop()
        if self.peek() != ")":
            raise self.fail("an unclosed group")
        self.pos += 1
        if kind is None:
            return inner
        if kind == (True, False) and inner == ("set", ANY):
            return ("eoi",)
        return ("look", kind[0], kind[1], inner)


def read(pattern: str) -> Node:
    """The emitted pattern as a tree whose lookarounds keep their kind."""
    return _LookParser(pattern).tree()


# --- extended expressions, interned ------------------------------------------------

# Node kinds: ("none",) no text; ("eps",) the empty text; ("set", index) one
# character of set ``index``; ("cat", ids); ("alt", ids) and ("and", ids),
# sorted and without repeats; ("not", id); ("rep", low, high or None, id);
# ("ahead", index, positive) and ("behind", index, positive): the next or
# previous character is (not) in set ``index`` (none at either end).
NONE, EPS, ALL = 0, 1, 3  # 2: the set of every character


class Expressions:
    def __init__(self) -> None:
        self.nodes: list[Node] = []
        self.ids: dict[Node, int] = {}
        self.sets: list[Ranges] = []
        self.set_ids: dict[Ranges, int] = {}
        assert self.intern(("none",)) == NONE and self.intern(("eps",)) == EPS
        assert self.rep(0, None, self.set(ANY)) == ALL

    def intern(self, node: Node) -> int:
        found = self.ids.get(node)
        if found is None:
            found = self.ids[node] = len(self.nodes)
            self.nodes.append(node)
        return found

    def set_index(self, ranges: Ranges) -> int:
        if ranges not in self.set_ids:
            self.set_ids[ranges] = len(self.sets)
            self.sets.append(ranges)
        return self.set_ids[ranges]

    def set(self, ranges: Ranges) -> int:
        return self.intern(("set", self.set_index(ranges))) if ranges else NONE

    def cat(self, items: Iterable[int]) -> int:
        flat: list[int] = []
        for item in items:
            node = self.nodes[item]
            if item == NONE:
                return NONE
            if item == EPS:
                continue
            if node[0] == "cat":
                flat.extend(node[1])
            else:
                flat.append(item)
        if not flat:
            return EPS
        return flat[0] if len(flat) == 1 else self.intern(("cat", tuple(flat)))

    def _join(self, kind: str, items: Iterable[int], unit: int, zero: int) -> int:
        members: set[int] = set()
        for item in items:
            if item == zero:
                return zero
            if item == unit:
                continue
            node = self.nodes[item]
            members.update(node[1] if node[0] == kind else (item,))
        if not members:
            return unit
        ordered = tuple(sorted(members))
        return ordered[0] if len(ordered) == 1 else self.intern((kind, ordered))

    def alt(self, items: Iterable[int]) -> int:
        return self._join("alt", items, NONE, ALL)

    def conj(self, items: Iterable[int]) -> int:
        return self._join("and", items, ALL, NONE)

    def neg(self, item: int) -> int:
        node = self.nodes[item]
        if node[0] == "not":
            inner: int = node[1]
            return inner
        if item in (NONE, ALL):
            return ALL if item == NONE else NONE
        return self.intern(("not", item))

    def rep(self, low: int, high: int | None, item: int) -> int:
        if high == 0 or item == EPS:
            return EPS
        if item == NONE:
            return EPS if low == 0 else NONE
        if (low, high) == (1, 1):
            return item
        return self.intern(("rep", low, high, item))

    def assertion(self, ahead: bool, ranges: Ranges, positive: bool) -> int:
        return self.intern(("ahead" if ahead else "behind", self.set_index(ranges), positive))


# --- the tree into an expression ------------------------------------------------------


def _single(node: Node) -> Ranges | None:
    """The set of a lookaround body of one character, or None."""
    return node[1] if node[0] == "set" else None


def _complex(node: Node) -> bool:
    """Whether the node holds a lookaround of more than one character."""
    kind = node[0]
    if kind == "look":
        return _single(node[3]) is None
    if kind in ("cat", "alt"):
        return any(map(_complex, node[1]))
    if kind == "rep":
        return _complex(node[3])
    return False


class Builder:
    def __init__(self, x: Expressions) -> None:
        self.x = x

    def plain(self, node: Node) -> int:
        """A node without lookarounds of more than one character."""
        x, kind = self.x, node[0]
        if kind == "set":
            return x.set(node[1])
        if kind == "cat":
            return x.cat(self.plain(item) for item in node[1])
        if kind == "alt":
            return x.alt(self.plain(item) for item in node[1])
        if kind == "rep":
            return x.rep(node[1], node[2], self.plain(node[3]))
        if kind == "bol":
            return x.assertion(False, ANY, False)
        if kind == "eoi":
            return x.assertion(True, ANY, False)
        if kind == "look":
            return x.assertion(node[1], node[3][1], node[2])
        raise TooLarge(f"no automaton for {kind!r}")

    def then(self, node: Node, rest: int) -> int:
        """``node`` followed by ``rest``: a lookahead of several characters
        is the intersection of its body (then anything) with what follows."""
        x, kind = self.x, node[0]
        if not _complex(node):
            return x.cat((self.plain(node), rest))
        if kind == "cat":
            for item in reversed(node[1]):
                rest = self.then(item, rest)
            return rest
        if kind == "alt":
            return x.alt(self.then(item, rest) for item in node[1])
        if kind == "rep":
            low, high, body = node[1], node[2], node[3]
            if high is None:
                raise TooLarge("a lookahead inside an unbounded repeat")
            # X{low,high} R: the optional copies nest, (X (X R | R) | R).
            for _ in range(high - low):
                rest = x.alt((rest, self.then(body, rest)))
            for _ in range(low):
                rest = self.then(body, rest)
            return rest
        _, ahead, positive, body = node
        if not ahead:
            raise TooLarge("a lookbehind of more than one character")
        inner = self.then(body, ALL)
        return x.conj((inner if positive else x.neg(inner), rest))


# --- derivatives ----------------------------------------------------------------------

END = -1  # the "next character" past the end of input


class Derivatives:
    """Derivatives over classes of code points. ``prev`` is a tuple of
    booleans, the previous character's membership in each lookbehind set
    (all False at the start, where there is none)."""

    def __init__(self, x: Expressions) -> None:
        self.x = x
        self.classes, self.members = partition(x.sets)
        self.behind = sorted({node[1] for node in x.nodes if node[0] == "behind"})
        self.start_prev = tuple(False for _ in self.behind)
        self.prev_of = [
            tuple(index in self.members[c] for index in self.behind) for c in range(len(self.classes))
        ]
        self.nullable_cache: dict[tuple[int, tuple[bool, ...], int], bool] = {}
        self.cache: dict[tuple[int, tuple[bool, ...], int], int] = {}

    def nullable(self, item: int, prev: tuple[bool, ...], nxt: int) -> bool:
        key = (item, prev, nxt)
        found = self.nullable_cache.get(key)
        if found is None:
            found = self.nullable_cache[key] = self._nullable(self.x.nodes[item], prev, nxt)
        return found

    def _nullable(self, node: Node, prev: tuple[bool, ...], nxt: int) -> bool:
        kind = node[0]
        if kind in ("none", "set"):
            return False
        if kind == "eps":
            return True
        if kind == "cat":
            return all(self.nullable(item, prev, nxt) for item in node[1])
        if kind == "alt":
            return any(self.nullable(item, prev, nxt) for item in node[1])
        if kind == "and":
            return all(self.nullable(item, prev, nxt) for item in node[1])
        if kind == "not":
            return not self.nullable(node[1], prev, nxt)
        if kind == "rep":
            return node[1] == 0 or self.nullable(node[3], prev, nxt)
        positive: bool = node[2]
        if kind == "ahead":
            return (nxt != END and node[1] in self.members[nxt]) == positive
        return prev[self.behind.index(node[1])] == positive

    def derive(self, item: int, prev: tuple[bool, ...], c: int) -> int:
        key = (item, prev, c)
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = self._derive(item, prev, c)
        return found

    def _derive(self, item: int, prev: tuple[bool, ...], c: int) -> int:
        x = self.x
        node = x.nodes[item]
        kind = node[0]
        if kind == "set":
            return EPS if node[1] in self.members[c] else NONE
        if kind == "cat":
            head, tail = node[1][0], x.cat(node[1][1:])
            first = x.cat((self.derive(head, prev, c), tail))
            if not self.nullable(head, prev, c):
                return first
            return x.alt((first, self.derive(tail, prev, c)))
        if kind == "alt":
            return x.alt(self.derive(member, prev, c) for member in node[1])
        if kind == "and":
            return x.conj(self.derive(member, prev, c) for member in node[1])
        if kind == "not":
            return x.neg(self.derive(node[1], prev, c))
        if kind == "rep":
            _, low, high, body = node
            rest = x.rep(max(low - 1, 0), None if high is None else high - 1, body)
            first = x.cat((self.derive(body, prev, c), rest))
            if low == 0 or not self.nullable(body, prev, c):
                # With no copy required, a copy that reads nothing adds nothing.
                return first
            return x.alt((first, self.derive(rest, prev, c)))
        return NONE  # none, eps and the assertions read no character


def partition(sets: list[Ranges]) -> tuple[list[Ranges], list[frozenset[int]]]:
    """The classes of code points that every set treats alike, and for each
    class the indexes of the sets that hold it."""
    cuts = {0, MAX_CODE_POINT + 1}
    for ranges in sets:
        for lo, hi in ranges:
            cuts.update((lo, hi + 1))
    bounds = sorted(cuts)
    starts = [[lo for lo, _ in ranges] for ranges in sets]
    classes: dict[frozenset[int], list[tuple[int, int]]] = {}
    for lo, nxt in zip(bounds, bounds[1:]):
        inside = frozenset(
            index
            for index, ranges in enumerate(sets)
            if (at := bisect.bisect_right(starts[index], lo) - 1) >= 0 and ranges[at][1] >= lo
        )
        spans = classes.setdefault(inside, [])
        if spans and spans[-1][1] == lo - 1:
            spans[-1] = (spans[-1][0], nxt - 1)
        else:
            spans.append((lo, nxt - 1))
    ordered = sorted(classes.items(), key=lambda item: item[1][0])
    return [tuple(spans) for _, spans in ordered], [members for members, _ in ordered]
