"""Which emitted patterns can make a backtracking engine (Python's ``re``,
JavaScript's ``RegExp``) take more than linear time, found statically.

A backtracking matcher explores the paths of the pattern's position
automaton (Glushkov's construction) in order, and it is slow exactly when
many paths read the same text and all of them fail (Weideman et al.,
"Analyzing matching time behavior of backtracking regular expression
matchers by using ambiguity of NFA", 2016):

* exponential when some state has two different loops that read the same
  word: in the automaton of pairs of states moving in step on one text, a
  strongly connected part holds both a pair ``(p, p)`` and a pair ``(p, q)``
  with ``p != q`` (``(a+)+``, ``(\\w|\\d)*``);
* polynomial (at least quadratic) when one word loops on ``p``, leads from
  ``p`` to another state ``q`` and loops on ``q``: the pair ``(p, p)``
  reaches ``(p, q)``, which reaches ``(q, q)`` (``\\d*\\d*``,
  ``[a-z]+[a-z0-9]*``). The pair automaton keeps the three paths on words of
  the same letters step by step; that the three are one word is not checked,
  so this may over-report, never under-report.

What JSON Schema and the validators do is a *search* (the pattern may match
anywhere): without a leading ``^`` the engine retries at every position,
which the analysis models as a leading loop over any character. A search
succeeds as soon as a path reaches the end of an unanchored pattern, so the
states that end a match are left out: an attack must fail everywhere.
Lookarounds cost what their body costs where they stand: the body is a side
path that leads nowhere. Bounded repeats above ``_EXPAND`` count as
unbounded (``{1,255}`` is as slow as ``+`` on the lengths that matter).
"""

from collections.abc import Iterator
from dataclasses import dataclass

import functools
import re

from .charsets import LINE_TERMINATORS, MAX_CODE_POINT, Ranges, complement, normalize
from .patterns import _Flags, _Parser


# Bounded repeats up to this many copies are expanded; larger ones loop.
_EXPAND = 8
_ANY: Ranges = ((0, MAX_CODE_POINT),)


@dataclass(frozen=True)
class Risk:
    """Why a pattern is unsafe, and a text that shows it: ``prefix``, then
    ``pump`` repeated, then a character that makes every path fail."""

    kind: str  # "exponential" or "polynomial"
    prefix: str
    pump: str

    def describe(self) -> str:
        growth = "exponential" if self.kind == "exponential" else "at least quadratic"
        return f"backtracking takes {growth} time on {self.prefix!r} + {self.pump!r} * n (ambiguous repeats)"


# --- the pattern as a small tree ------------------------------------------------------
# ("set", ranges) one character; ("cat", items); ("alt", items);
# ("rep", low, high or None, item); ("look", item) a lookaround; ("eps",) an
# assertion that reads nothing; ("eoi",) the end of input, ``(?![\s\S])``.


@dataclass(frozen=True)
class Item:
    """One quantified atom of a sequence: its tree and where its text is
    (``start:end`` the atom, ``end:stop`` the quantifier)."""

    atom: tuple
    start: int
    end: int
    stop: int
    low: int
    high: int | None

    @property
    def node(self) -> tuple:
        return self.atom if self.end == self.stop else ("rep", self.low, self.high, self.atom)


class _TreeParser(_Parser):
    """The emitted dialect (itself ECMA-262) read into the tree above, with
    no engine's rewriting: Python's parser would merge ``(a|b)`` into a set,
    which JavaScript does not, and the analysis must hold for both."""

    def tree(self) -> tuple:
        #: Every sequence read, with where its group starts (-1: the top
        #: level, -2: a lookaround): the rewrites' material.
        self.sequences: list[tuple[int, list[Item]]] = []
        self.owners = [-1]
        node = self.alternatives()
        if self.pos != len(self.text):
            raise self.fail(f"unbalanced {self.peek()!r}")
        return node

    def alternatives(self) -> tuple:
        branches = [self.sequence()]
        while self.peek() == "|":
            self.pos += 1
            branches.append(self.sequence())
        return branches[0] if len(branches) == 1 else ("alt", tuple(branches))

    def sequence(self) -> tuple:
        items: list[Item] = []
        owner = self.owners[-1]
        while self.peek() not in ("", "|", ")"):
            start = self.pos
            atom = self.item()
            end = self.pos
            text = self.quantifier()
            low, high = 1, 1
            if text:
                match = re.fullmatch(r"([*+?])\??|\{(\d+)(,(\d*))?\}\??", text)
                assert match is not None
                if match.group(1):
                    low, high = {"*": (0, None), "+": (1, None), "?": (0, 1)}[match.group(1)]
                else:
                    low = int(match.group(2))
                    high = low if match.group(3) is None else (int(match.group(4)) if match.group(4) else None)
            items.append(Item(atom, start, end, self.pos, low, high))
        self.sequences.append((owner, items))
        nodes = [item.node for item in items]
        return nodes[0] if len(nodes) == 1 else ("cat", tuple(nodes))

    def item(self) -> tuple:
        char = self.peek()
        if char == "(":
            return self.group_tree()
        if char in ("^", "$"):
            self.pos += 1
            return ("bol",) if char == "^" else ("eoi",)
        if char == ".":
            self.pos += 1
            return ("set", complement(LINE_TERMINATORS))
        if char == "[":
            return ("set", self.char_class(_Flags()))
        if char == "\\":
            if self.peek(1).isdigit() and self.peek(1) != "0":
                match = re.compile(r"\\\d+").match(self.text, self.pos)
                assert match is not None
                self.pos = match.end()
                # A back-reference may repeat any captured text: like a loop over anything.
                return ("rep", 0, None, ("set", _ANY))
            if self.peek(1) in ("b", "B"):
                self.pos += 2
                return ("eps",)
            return ("set", self.class_atom_escape(_Flags(), in_class=False))
        self.pos += 1
        return ("set", ((ord(char), ord(char)),))

    def group_tree(self) -> tuple:
        start = self.pos
        self.pos += 1
        kind = "group"
        for prefix, name in (("?:", "group"), ("?=", "ahead"), ("?!", "not ahead"), ("?<=", "behind"), ("?<!", "not behind")):
            if self.text.startswith(prefix, self.pos):
                self.pos += len(prefix)
                kind = name
                break
        self.owners.append(start if kind == "group" else -2)
        inner = self.alternatives()
        self.owners.pop()
        if self.peek() != ")":
            raise self.fail("an unclosed group")
        self.pos += 1
        if kind == "group":
            return inner
        if kind == "not ahead" and inner == ("set", _ANY):
            return ("eoi",)  # ``(?![\\s\\S])``, how the dialect writes ``$``
        if kind == "not ahead" and inner == ("cat", ()):
            return ("set", ())  # ``(?!)``: the empty set, never matches
        return ("look", inner)


def _tree(pattern: str) -> tuple:
    return _TreeParser(pattern).tree()


def sequences(pattern: str) -> list[tuple[int, list[Item]]]:
    """The pattern's sequences of quantified atoms, each with the offset of
    the group it is in (-1 at the top level, -2 in a lookaround)."""
    parser = _TreeParser(pattern)
    parser.tree()
    return parser.sequences


def _anchored(tree: tuple) -> bool:
    """Whether every match must start at the beginning of the input."""
    if tree[0] == "cat":
        return bool(tree[1]) and _anchored(tree[1][0])
    if tree[0] == "alt":
        return all(_anchored(item) for item in tree[1])
    return tree == ("bol",)


# --- the position automaton ---------------------------------------------------------


class _Automaton:
    """Positions 1..n (0 is the start); ``sets[p]`` is what position p reads
    (None for the end of input); ``follow[p]`` the positions that may come next."""

    def __init__(self) -> None:
        self.sets: list[Ranges | None] = [None]
        self.follow: list[set[int]] = [set()]

    def position(self, ranges: Ranges | None) -> int:
        self.sets.append(ranges)
        self.follow.append(set())
        return len(self.sets) - 1

    def link(self, sources: set[int], targets: set[int]) -> None:
        for source in sources:
            self.follow[source] |= targets

    def build(self, node: tuple) -> tuple[bool, set[int], set[int]]:
        """(nullable, first positions, last positions) of ``node``."""
        kind = node[0]
        if kind == "set":
            p = self.position(node[1])
            return False, {p}, {p}
        if kind == "eoi":
            p = self.position(None)
            return False, {p}, {p}
        if kind in ("eps", "bol"):
            return True, set(), set()
        if kind == "look":
            # The body runs here and leads nowhere; the match goes on as if
            # it were not there. Its entries hang off the positions before.
            _, first, _ = self.build(node[1])
            return True, first, set()
        if kind == "alt":
            nullable, firsts, lasts = False, set(), set()
            for item in node[1]:
                n, f, l = self.build(item)
                nullable, firsts, lasts = nullable or n, firsts | f, lasts | l
            return nullable, firsts, lasts
        if kind == "cat":
            return self.sequence(list(node[1]))
        _, low, high, body = node
        # A bounded repeat costs at most a constant factor: its bound, here
        # capped, so that the automaton stays small.
        low = min(low, _EXPAND)
        high = None if high is None else min(high, _EXPAND)
        copies: list[tuple] = [body] * low
        if high is None:
            copies.append(("star", body))
        elif high > low:
            # X{0,3} as (X(X(X)?)?)?: each copy is skipped in one way only.
            chain: tuple = ("opt", body)
            for _ in range(high - low - 1):
                chain = ("opt", ("cat", (body, chain)))
            copies.append(chain)
        return self.sequence(copies)

    def sequence(self, items: list[tuple]) -> tuple[bool, set[int], set[int]]:
        nullable, first, last = True, set(), set()
        for item in items:
            if item[0] == "star":
                n, f, l = self.build(item[1])
                self.link(l, f)
                n = True
            elif item[0] == "opt":
                n, f, l = self.build(item[1])
                n = True
            else:
                n, f, l = self.build(item)
            # A lookaround's body hangs off what precedes it but passes nothing on.
            self.link(last, f)
            if nullable:
                first = first | f
            if item[0] == "look":
                continue
            last = (last | l) if n else l
            nullable = nullable and n
        return nullable, first, last


def _intersect(a: Ranges, b: Ranges) -> Ranges:
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if lo <= hi:
            out.append((lo, hi))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return tuple(out)


def _pick(ranges: Ranges) -> str:
    """A readable character of the set, for witnesses."""
    for lo, hi in ranges:
        for cp in range(max(lo, 0x61), min(hi, 0x7A) + 1):
            return chr(cp)
    for lo, hi in ranges:
        for cp in range(max(lo, 0x21), min(hi, 0x7E) + 1):
            return chr(cp)
    for lo, hi in ranges:
        for cp in range(lo, min(hi, lo + 0x800) + 1):
            if not 0xD800 <= cp <= 0xDFFF:
                return chr(cp)
    return chr(ranges[0][0])


class _Pairs:
    """The automaton of two paths reading the same text in step."""

    def __init__(self, automaton: _Automaton, live: set[int], finishing: dict[int, Ranges]) -> None:
        self.a = automaton
        self.live = live
        #: The characters on which a path from this state ends the search
        #: with a match: an attack never reads them there.
        self.finishing = finishing
        self.cache: dict[tuple[int, int], list[tuple[tuple[int, int], str]]] = {}

    def successors(self, pair: tuple[int, int]) -> list[tuple[tuple[int, int], str]]:
        if pair not in self.cache:
            sets, out = self.a.sets, []
            for p in self.a.follow[pair[0]] & self.live:
                for q in self.a.follow[pair[1]] & self.live:
                    common = _intersect(sets[p], sets[q])  # type: ignore[arg-type]
                    for state in pair:
                        if common and self.finishing.get(state):
                            common = _intersect(common, complement(self.finishing[state]))
                    if common:
                        out.append(((p, q), _pick(common)))
            self.cache[pair] = out
        return self.cache[pair]

    def path(self, start: tuple[int, int], goal: tuple[int, int]) -> str | None:
        """The text of a shortest non-empty path from ``start`` to ``goal``."""
        seen: dict[tuple[int, int], tuple[tuple[int, int] | None, str]] = {}
        frontier = [start]
        found = False
        while frontier and not found:
            following = []
            for pair in frontier:
                for nxt, char in self.successors(pair):
                    if nxt not in seen:
                        seen[nxt] = (pair, char)
                        following.append(nxt)
                        found = found or nxt == goal
            frontier = following
        if goal not in seen:
            return None
        text, node = [], goal
        while True:
            previous, char = seen[node]
            text.append(char)
            if previous == start:
                return "".join(reversed(text))
            node = previous  # type: ignore[assignment]


def _reachable(a: _Automaton, live: set[int]) -> dict[int, str]:
    """Live positions reachable from the start, with a shortest text to each."""
    texts = {0: ""}
    frontier = [0]
    while frontier:
        following = []
        for p in frontier:
            for q in a.follow[p] & live:
                if q not in texts:
                    texts[q] = texts[p] + _pick(a.sets[q])  # type: ignore[arg-type]
                    following.append(q)
        frontier = following
    return texts


@functools.lru_cache(maxsize=8192)
def analyse(pattern: str) -> Risk | None:
    """None when a backtracking search for ``pattern`` takes linear time."""
    tree = _tree(pattern)
    a = _Automaton()
    branches = tree[1] if tree[0] == "alt" else (tree,)
    anchored = all(_anchored(branch) for branch in branches)
    loop = a.position(_ANY)
    last: set[int] = set()
    for branch in branches:
        _, first, ends = a.build(branch)
        last |= ends
        # Search semantics: the engine retries an unanchored branch at every position.
        a.link({0} if _anchored(branch) else {0, loop}, first)
    if not anchored:
        a.link({0, loop}, {loop})
    # Reaching the end of an unanchored pattern ends the search with a match.
    ends = {p for p in last if a.sets[p] is not None}
    live = {p for p in range(1, len(a.sets)) if a.sets[p] and p not in ends}
    finishing: dict[int, Ranges] = {}
    for p in range(len(a.sets)):
        chars = [span for q in a.follow[p] & ends for span in a.sets[q]]  # type: ignore[union-attr]
        finishing[p] = normalize(chars)
    if not anchored:
        # The engine starts afresh at every position: what finishes a match
        # from the start finishes it anywhere.
        for p in finishing:
            finishing[p] = normalize(list(finishing[p]) + list(finishing[0]))
    reach = _reachable(a, live)
    pairs = _Pairs(a, live, finishing)
    loops = [p for p in sorted(reach) if p and pairs.path((p, p), (p, p))]
    for kind in ("exponential", "polynomial"):
        for p in loops:
            risk = _risk(pairs, p, reach[p], kind)
            if risk is not None:
                return risk
    return None


def _risk(pairs: _Pairs, p: int, prefix: str, kind: str) -> Risk | None:
    seen = {(p, p)}
    frontier = [(p, p)]
    while frontier:
        following = []
        for pair in frontier:
            for nxt, _ in pairs.successors(pair):
                if nxt not in seen:
                    seen.add(nxt)
                    following.append(nxt)
        frontier = following
    for first, second in sorted(seen):
        if first == second:
            continue
        if kind == "exponential":
            # Two different loops on p that read the same text.
            back = pairs.path((first, second), (p, p))
            if back:
                return Risk(kind, prefix, pairs.path((p, p), (first, second)) + back)  # type: ignore[operator]
        elif first == p and pairs.path((second, second), (second, second)):
            # One text loops on p, leads from p to another loop and loops there.
            if pairs.path((p, second), (second, second)):
                return Risk(kind, prefix, pairs.path((p, p), (p, second)))  # type: ignore[arg-type]
    return None


def sets_of(pattern: str) -> list[Ranges]:
    """Every character set the pattern reads (for building test texts)."""
    found: list[Ranges] = []
    pending = [_tree(pattern)]
    while pending:
        node = pending.pop()
        if node[0] == "set":
            found.append(node[1])
        elif node[0] in ("cat", "alt"):
            pending.extend(node[1])
        elif node[0] == "rep":
            pending.append(node[3])
        elif node[0] == "look":
            pending.append(node[1])
    return found
