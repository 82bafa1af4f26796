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
  so this may over-report. (What the analysis might miss, the tests look
  for by attacking every pattern botocore ships: tests/test_regex_safety.py.)

What JSON Schema and the validators do is a *search* (the pattern may match
anywhere): without a leading ``^`` the engine retries at every position,
which the analysis models as a leading loop over any character. A search
succeeds as soon as a path reaches the end of an unanchored pattern, so the
states that end a match are left out: an attack must fail everywhere.
Lookarounds cost what their body costs where they stand: the body is a side
path that leads nowhere; and since one may fail a match at its very end,
a pattern with any lookaround gets no credit for paths that would end the
search.

A bounded repeat up to ``_EXPAND`` copies is expanded exactly; a larger one
is a loop that knows its bound. What it costs depends on what it overlaps:
one word that loops on ``p``, leads to ``q`` and loops there costs the
product of the two loops' lengths, where a loop of an unbounded repeat (or
the search's own retrying) can be as long as the text and a bounded one at
most its bound. So ``[a-z0-9]{20}-[a-z0-9]{3}`` searched costs 20 n (linear)
and ``\\d*\\d*`` costs n squared. The analysis follows chains of such
overlapping loops and calls a pattern slow when a chain holds two
unbounded loops, or one whose cost is multiplied by bounded ones past
``_BOUNDED_COST`` (``.{0,2048}`` retried at each of n positions costs
2048 n).
"""

import functools
from dataclasses import dataclass

from .charsets import ANY, Ranges, complement, normalize
from .tree import anchored as _anchored
from .tree import intersect as _intersect
from .tree import Node
from .tree import tree as _tree

# Bounded repeats are expanded up to this many copies; a larger bound is a loop of that length.
_EXPAND = 16
# How many times over a linear search may repeat its work in overlapping bounded loops.
_BOUNDED_COST = 256


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


# --- the position automaton ---------------------------------------------------------


class _Automaton:
    """Positions 1..n (0 is the start); ``sets[p]`` is what position p reads
    (None for the end of input); ``follow[p]`` the positions that may come next."""

    def __init__(self) -> None:
        self.sets: list[Ranges | None] = [None]
        self.follow: list[set[int]] = [set()]
        self.looks = 0
        #: The loops each position is in: None for an unbounded one, else its bound.
        self.enclosing: list[int | None] = []
        self.bounds: list[int | None] = [1]

    def position(self, ranges: Ranges | None) -> int:
        self.sets.append(ranges)
        self.follow.append(set())
        bound: int | None = 1
        for length in self.enclosing:
            bound = None if length is None or bound is None else bound * length
        self.bounds.append(bound)
        return len(self.sets) - 1

    def link(self, sources: set[int], targets: set[int]) -> None:
        for source in sources:
            self.follow[source] |= targets

    def build(self, node: Node) -> tuple[bool, set[int], set[int]]:
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
            self.looks += 1
            # The body runs here and leads nowhere; the match goes on as if
            # it were not there. Its entries hang off the positions before.
            _, first, _ = self.build(node[1])
            return True, first, set()
        if kind == "alt":
            nullable, firsts, lasts = False, set[int](), set[int]()
            for item in node[1]:
                n, f, l = self.build(item)
                nullable, firsts, lasts = nullable or n, firsts | f, lasts | l
            return nullable, firsts, lasts
        if kind == "cat":
            return self.sequence(list(node[1]))
        _, low, high, body = node
        # A small bound costs a small constant factor: expanded exactly. A
        # large one (``.{0,2048}`` tried at each of n positions) is as slow
        # as no bound on the lengths that matter: a loop.
        length = high
        if high is not None and high > _EXPAND:
            high = None
        low = min(low, _EXPAND)
        copies: list[Node] = [body] * low
        if high is None:
            copies.append(("star", body, length))
        elif high > low:
            # X{0,3} as (X(X(X)?)?)?: each copy is skipped in one way only.
            chain: Node = ("opt", body)
            for _ in range(high - low - 1):
                chain = ("opt", ("cat", (body, chain)))
            copies.append(chain)
        return self.sequence(copies)

    def sequence(self, items: list[Node]) -> tuple[bool, set[int], set[int]]:
        nullable, first, last = True, set[int](), set[int]()
        for item in items:
            if item[0] == "star":
                self.enclosing.append(item[2])
                n, f, l = self.build(item[1])
                self.enclosing.pop()
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

    def reached(self, start: tuple[int, int]) -> set[tuple[int, int]]:
        """The pairs a non-empty path from ``start`` reaches."""
        seen: set[tuple[int, int]] = set()
        frontier = [start]
        while frontier:
            following = []
            for pair in frontier:
                for nxt, _ in self.successors(pair):
                    if nxt not in seen:
                        seen.add(nxt)
                        following.append(nxt)
            frontier = following
        return seen

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
    loop = a.position(ANY)
    a.bounds[loop] = None  # the search retries at every position
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
        # A lookaround may stand between a state and the end and fail the
        # match there after all (``(?!\s*$)[\s\S]+``): no shortcut then.
        finishing[p] = () if a.looks else normalize(chars)
    if not anchored:
        # The engine starts afresh at every position: what finishes a match
        # from the start finishes it anywhere.
        for p in finishing:
            finishing[p] = normalize(list(finishing[p]) + list(finishing[0]))
    reach = _reachable(a, live)
    pairs = _Pairs(a, live, finishing)
    loops = [p for p in sorted(reach) if p and pairs.path((p, p), (p, p))]
    for p in loops:
        risk = _exponential(pairs, p, reach[p])
        if risk is not None:
            return risk
    return _polynomial(pairs, a.bounds, loops, reach)


def _polynomial(pairs: "_Pairs", bounds: list[int | None], loops: list[int], reach: dict[int, str]) -> Risk | None:
    """The costliest chain of overlapping loops (see above), as a risk if it is too costly."""
    overlaps: dict[int, list[int]] = {p: [] for p in loops}
    for p in loops:
        seen = pairs.reached((p, p))
        for q in loops:
            if q != p and (p, q) in seen and pairs.path((p, q), (q, q)) is not None:
                overlaps[p].append(q)

    def cost(bound: int | None) -> tuple[int, int]:
        return (1, 1) if bound is None else (0, bound)

    best: tuple[tuple[int, int], list[int]] = ((0, 0), [])
    # Chains of up to four loops: longer ones only multiply what is already too much.
    pending = [([p], cost(bounds[p])) for p in loops]
    while pending:
        chain, (unbounded, product) = pending.pop()
        if (unbounded, product) > best[0] and len(chain) > 1:
            best = ((unbounded, product), chain)
        if len(chain) < 4:
            for q in overlaps[chain[-1]]:
                if q not in chain:
                    more, times = cost(bounds[q])
                    pending.append((chain + [q], (unbounded + more, min(product * times, 1 << 40))))
    (unbounded, product), chain = best
    if unbounded >= 2 or (unbounded == 1 and product > _BOUNDED_COST):
        p, q = chain[0], chain[1]
        return Risk("polynomial", reach[p], pairs.path((p, p), (p, q)))  # type: ignore[arg-type]
    return None


def _exponential(pairs: _Pairs, p: int, prefix: str) -> Risk | None:
    """Two different loops on p that read the same text: a pair of two
    different states on the way from (p, p) back to itself."""
    seen = {(p, p)}
    frontier = [(p, p)]
    before: dict[tuple[int, int], list[tuple[int, int]]] = {}
    while frontier:
        following = []
        for pair in frontier:
            for nxt, _ in pairs.successors(pair):
                before.setdefault(nxt, []).append(pair)
                if nxt not in seen:
                    seen.add(nxt)
                    following.append(nxt)
        frontier = following
    back, pending = {(p, p)}, [(p, p)]
    while pending:
        for pair in before.get(pending.pop(), ()):
            if pair not in back:
                back.add(pair)
                pending.append(pair)
    for first, second in sorted(back):
        if first != second:
            there = pairs.path((p, p), (first, second))
            return Risk("exponential", prefix, there + pairs.path((first, second), (p, p)))  # type: ignore[operator]
    return None
