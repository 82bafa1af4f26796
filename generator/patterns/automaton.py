"""Emitted patterns (the dialect of ``translate.py``) compiled into
deterministic automata that the strict validators walk in linear time
(``generator/python/runtime/_automaton.py``): the check for the patterns a
backtracking engine could be slow on.

The automaton answers what the validators ask, a *search* (does the pattern
match anywhere in the value?), and is built by Brzozowski derivatives of an
extended expression: besides sets, concatenation, alternation and repeats it
has intersection and complement, which is how a lookahead that reads more
than one character is spelled (``A(?=X)B`` continues as "``X`` then
anything" and, at the same time, ``B`` then the rest), and *boundary
assertions*: a lookaround of one character (``\\b``, a multiline ``^`` or
``$``, the end of input) depends only on the characters on either side of
where it stands, so the previous character's class is part of an automaton
state and the next one is the character read.

The alphabet is split into classes of code points that every set of the
pattern treats alike; the states are the distinct derivatives (similar
expressions merged: alternatives and intersections are sorted sets), then
minimised (Moore's partition refinement). A pattern whose automaton would
pass ``MAX_STATES``, or that the construction cannot express (a
back-reference, a lookbehind of more than one character, a lookahead inside
an unbounded repeat), raises ``TooLarge`` with the reason.

The table's text form, read by the runtime matcher: one row per state,
separated by ``;``; a row is ``+`` (the text so far matches when it ends
here) or ``-``, then the target of the code points from 0, then for each
further range ``,`` its first code point in hexadecimal, ``:`` and its
target; a target is a state number, or ``x`` for no match possible. A
table may start with ``<n>|``: the automaton then reads only the text's last
``n`` characters after its last line terminator (see ``_window``).
"""

import bisect
from collections.abc import Iterable

from .charsets import ANY, LINE_TERMINATORS, MAX_CODE_POINT, Ranges, complement
from .tree import _TreeParser

#: More states than this and the pattern is reported, not compiled.
MAX_STATES = 4000


class TooLarge(Exception):
    """The pattern has no automaton here; the message says why."""


# --- the pattern's tree, with lookaround kinds --------------------------------------


class _LookParser(_TreeParser):
    """The emitted dialect as a tree, as ``tree.py`` reads it, except that a
    lookaround keeps its kind: ``("look", ahead, positive, body)``."""

    def item(self) -> tuple:
        if self.peek() == "\\" and self.peek(1).isdigit() and self.peek(1) != "0":
            raise TooLarge("a back-reference has no automaton")
        if self.peek() == "\\" and self.peek(1) in ("b", "B"):
            raise TooLarge("\\b outside the emitted dialect")
        return super().item()

    def group_tree(self) -> tuple:
        start = self.pos
        self.pos += 1
        kind = None
        for prefix, name in (("?:", None), ("?=", (True, True)), ("?!", (True, False)),
                             ("?<=", (False, True)), ("?<!", (False, False))):
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


def read(pattern: str) -> tuple:
    """The emitted pattern as a tree whose lookarounds keep their kind."""
    return _LookParser(pattern).tree()


# --- extended expressions, interned ------------------------------------------------

# Node kinds: ("none",) no text; ("eps",) the empty text; ("set", index) one
# character of set ``index``; ("cat", ids); ("alt", ids) and ("and", ids),
# sorted and without repeats; ("not", id); ("rep", low, high or None, id);
# ("ahead", index, positive) and ("behind", index, positive): the next or
# previous character is (not) in set ``index`` (none at either end).
NONE, EPS, ALL = 0, 1, 3  # 2: the set of every character


class _Expressions:
    def __init__(self) -> None:
        self.nodes: list[tuple] = []
        self.ids: dict[tuple, int] = {}
        self.sets: list[Ranges] = []
        self.set_ids: dict[Ranges, int] = {}
        assert self.intern(("none",)) == NONE and self.intern(("eps",)) == EPS
        assert self.rep(0, None, self.set(ANY)) == ALL

    def intern(self, node: tuple) -> int:
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
            return node[1]
        return {NONE: ALL, ALL: NONE}.get(item) or self.intern(("not", item))

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


def _single(node: tuple) -> Ranges | None:
    """The set of a lookaround body of one character, or None."""
    return node[1] if node[0] == "set" else None


def _complex(node: tuple) -> bool:
    """Whether the node holds a lookaround of more than one character."""
    kind = node[0]
    if kind == "look":
        return _single(node[3]) is None
    if kind in ("cat", "alt"):
        return any(map(_complex, node[1]))
    if kind == "rep":
        return _complex(node[3])
    return False


class _Builder:
    def __init__(self, x: _Expressions) -> None:
        self.x = x

    def plain(self, node: tuple) -> int:
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

    def then(self, node: tuple, rest: int) -> int:
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

_END = -1  # the "next character" past the end of input


class _Derivatives:
    """Derivatives over classes of code points. ``prev`` is a tuple of
    booleans, the previous character's membership in each lookbehind set
    (all False at the start, where there is none)."""

    def __init__(self, x: _Expressions, root: int) -> None:
        self.x = x
        self.classes, self.members = _partition(x.sets)
        self.behind = sorted({node[1] for node in x.nodes if node[0] == "behind"})
        self.start_prev = tuple(False for _ in self.behind)
        self.prev_of = [tuple(index in self.members[c] for index in self.behind) for c in range(len(self.classes))]
        self.nullable_cache: dict[tuple[int, tuple[bool, ...], int], bool] = {}
        self.cache: dict[tuple[int, tuple[bool, ...], int], int] = {}
        self.root = root

    def nullable(self, item: int, prev: tuple[bool, ...], nxt: int) -> bool:
        key = (item, prev, nxt)
        found = self.nullable_cache.get(key)
        if found is None:
            found = self.nullable_cache[key] = self._nullable(self.x.nodes[item], prev, nxt)
        return found

    def _nullable(self, node: tuple, prev: tuple[bool, ...], nxt: int) -> bool:
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
        if kind == "ahead":
            inside = nxt != _END and node[1] in self.members[nxt]
            return inside == node[2]
        inside = prev[self.behind.index(node[1])]
        return inside == node[2]

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


def _partition(sets: list[Ranges]) -> tuple[list[Ranges], list[frozenset[int]]]:
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


# --- the automaton --------------------------------------------------------------------


class Automaton:
    """A minimal deterministic automaton: state 0 starts; ``rows[s]`` maps
    each class of code points to the next state (-1: no match possible);
    ``final[s]``: whether a text that ends in state ``s`` matches."""

    def __init__(self, classes: list[Ranges], rows: list[tuple[int, ...]], final: list[bool]) -> None:
        self.classes = classes
        self.rows = rows
        self.final = final
        #: Read only the last ``window`` characters after the last line terminator (-1: all).
        self.window = -1

    def __len__(self) -> int:
        return len(self.rows)

    def run(self, text: str) -> bool:
        """The verdict, by walking the classes (for tests; the validators use the table)."""
        lookup = [(lo, hi, c) for c, spans in enumerate(self.classes) for lo, hi in spans]
        lookup.sort()
        starts = [lo for lo, _, _ in lookup]
        if self.window >= 0:
            text = text[max(len(text) - self.window, *(text.rfind(end) + 1 for end in "\n\r\u2028\u2029")) :]
        state = 0
        for char in text:
            state = self.rows[state][lookup[bisect.bisect_right(starts, ord(char)) - 1][2]]
            if state < 0:
                return False
        return self.final[state]

    def table(self) -> str:
        """The text form the runtime matcher reads (see the module's docstring)."""
        spans = sorted((lo, c) for c, ranges in enumerate(self.classes) for lo, _ in ranges)
        rows = []
        for state, row in enumerate(self.rows):
            parts: list[str] = []
            previous = None
            for lo, c in spans:
                target = row[c]
                if target != previous:
                    name = "x" if target < 0 else str(target)
                    parts.append(name if lo == 0 else f"{lo:x}:{name}")
                    previous = target
            rows.append(("+" if self.final[state] else "-") + ",".join(parts))
        return ("" if self.window < 0 else f"{self.window}|") + ";".join(rows)


def compile_search(pattern: str) -> Automaton:
    """The automaton of a search for the emitted ``pattern`` (does it match
    anywhere in the text?); ``TooLarge`` if there is none here."""
    tree = read(pattern)
    try:
        window = _window(tree)
    except TooLarge:
        window = None  # the whole pattern's automaton may still be small enough
    if window is not None:
        return window
    x = _Expressions()
    builder = _Builder(x)
    body = builder.then(tree, ALL)
    # A match may start anywhere: a leading loop over any character, unless
    # every branch must start at the beginning of the input.
    branches = tree[1] if tree[0] == "alt" else (tree,)
    if not all(_anchored(branch) for branch in branches):
        body = x.cat((ALL, body))
    return _determinise(x, body)


def _window(tree: tuple) -> Automaton | None:
    """A search for ``(?=.{a,b}$)R`` (a length check tried at every position,
    whose automaton would count up to b for every start at once): the match
    must start within the last b characters after the last line terminator,
    and at least a before the end. The automaton searches for "R, and at
    least a characters" in that part of the text. None when the pattern is
    not of this form, or R looks at the character before it (which the
    part cut off would hold)."""
    if tree[0] != "cat" or not tree[1] or tree[1][0][:3] != ("look", True, True):
        return None
    body = tree[1][0][3]
    if body[0] != "cat" or len(body[1]) != 2 or body[1][1] != ("eoi",):
        return None
    repeat = body[1][0]
    if repeat[0] != "rep" or repeat[2] is None or repeat[3] != ("set", complement(LINE_TERMINATORS)):
        return None
    rest = ("cat", tree[1][1:])
    x = _Expressions()
    match = _Builder(x).then(rest, ALL)
    if any(node[0] == "behind" for node in x.nodes):
        return None
    body_id = x.cat((ALL, x.conj((match, x.cat((x.rep(repeat[1], repeat[1], x.set(ANY)), ALL))))))
    automaton = _determinise(x, body_id)
    automaton.window = repeat[2]
    return automaton


def _anchored(node: tuple) -> bool:
    if node[0] == "cat":
        return bool(node[1]) and _anchored(node[1][0])
    if node[0] == "alt":
        return all(map(_anchored, node[1]))
    return node == ("bol",)


def _determinise(x: _Expressions, root: int) -> Automaton:
    d = _Derivatives(x, root)
    count = len(d.classes)
    states: dict[tuple[int, tuple[bool, ...]], int] = {}
    order: list[tuple[int, tuple[bool, ...]]] = []

    def state(key: tuple[int, tuple[bool, ...]]) -> int:
        if key[0] == NONE:
            return -1
        if key not in states:
            if len(order) >= MAX_STATES:
                raise TooLarge(f"more than {MAX_STATES} automaton states")
            states[key] = len(order)
            order.append(key)
        return states[key]

    state((root, d.start_prev))
    rows: list[tuple[int, ...]] = []
    final: list[bool] = []
    index = 0
    while index < len(order):
        item, prev = order[index]
        final.append(d.nullable(item, prev, _END))
        rows.append(tuple(state((d.derive(item, prev, c), d.prev_of[c])) for c in range(count)))
        index += 1
    return _minimise(d.classes, rows, final)


def _minimise(classes: list[Ranges], rows: list[tuple[int, ...]], final: list[bool]) -> Automaton:
    """Moore's partition refinement; states that cannot reach a final one
    become -1; states are numbered in the order a breadth-first walk from
    the start meets them, so equal automata print alike."""
    # States that can reach a final state.
    back: list[set[int]] = [set() for _ in rows]
    for s, row in enumerate(rows):
        for t in row:
            if t >= 0:
                back[t].add(s)
    live = {s for s, f in enumerate(final) if f}
    pending = list(live)
    while pending:
        for s in back[pending.pop()]:
            if s not in live:
                live.add(s)
                pending.append(s)
    block = [(0 if final[s] else 1) if s in live else -1 for s in range(len(rows))]
    while True:
        signatures: dict[tuple, int] = {}
        refined = []
        for s, row in enumerate(rows):
            if block[s] < 0:
                refined.append(-1)
                continue
            key = (block[s], tuple(block[t] if t >= 0 else -1 for t in row))
            refined.append(signatures.setdefault(key, len(signatures)))
        if len(signatures) == len(set(b for b in block if b >= 0)):
            block = refined
            break
        block = refined
    if block[0] < 0:
        return Automaton(classes, [tuple(-1 for _ in classes)], [False])
    number = {block[0]: 0}
    representative = {block[0]: 0}
    queue = [0]
    while queue:
        s = queue.pop(0)
        for t in rows[s]:
            if t >= 0 and block[t] >= 0 and block[t] not in number:
                number[block[t]] = len(number)
                representative[block[t]] = t
                queue.append(t)
    by_number = sorted(representative.items(), key=lambda item: number[item[0]])
    new_rows = [tuple(number[block[t]] if t >= 0 and block[t] >= 0 else -1 for t in rows[s]) for _, s in by_number]
    new_final = [final[s] for _, s in by_number]
    return Automaton(classes, new_rows, new_final)
