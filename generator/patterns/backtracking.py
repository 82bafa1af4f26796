"""Which emitted patterns can make a backtracking engine (Python's ``re``,
JavaScript's ``RegExp``) take more than linear time, found statically, each
verdict of slow with the text that shows it.

A backtracking matcher explores the paths of the pattern's position
automaton (Glushkov's construction) in order, and it is slow exactly when
many paths read the same text and all of them fail (Weideman et al.,
"Analyzing matching time behavior of backtracking regular expression
matchers by using ambiguity of NFA", 2016):

* exponential when some state ``p`` has two different loops that read the
  same word (EDA): in the automaton of pairs of states moving in step on one
  text, a strongly connected part holds both ``(p, p)`` and a pair of two
  different states (``(a+)+``, ``(\\w|\\d)*``);
* polynomial (at least quadratic) when one word loops on ``p``, leads from
  ``p`` to another state ``q`` and loops on ``q`` (IDA): in the automaton of
  triples moving in step, ``(p, p, q)`` reaches ``(p, q, q)`` (``\\d*\\d*``,
  ``[a-z]+[a-z0-9]*``).

What JSON Schema and the validators do is a *search* (the pattern may match
anywhere): without a leading ``^`` the engine retries at every position,
which the analysis models as a leading loop over any character. A search
stops at its first match, so an attack must fail everywhere: each of these
automata moves in step with the search's subset automaton (the set of every
state some path is in), and a word that would complete a match anywhere is
not an attack. The witness is the word found: a prefix that reaches the
loop, the pump, and a suffix that makes every path fail.

Lookarounds cost what their body costs where they stand: the body is a side
path that leads nowhere. Since one may fail a match the subset automaton
would call complete (``(?!.* {2})[a-z]+``: only where no two spaces
follow), a pattern with lookarounds of more than one character or
back-references gets credit only for the matches whose path crosses no assertion (or
back-reference); its witnesses end in the shortest texts of its
lookaround bodies, which is how such an attack makes each retry fail late.
A lookaround of one character (hence ``\\b``) and a ``^`` past the start
are no assertions but tests of the characters either side of an edge: the
sets are split into the classes the tests tell apart, and each edge across
a test is kept or dropped (``_Automaton.eliminate``), with full credit. A
top-level branch that matches the empty text ends every search at the
first position, when that one attempt is linear: only the branches before
it are tried there. A pattern called slow gets a second chance by parts
whose costs add up to at least its own (``_parts``): its branches one by
one, and the lookaheads a branch tried once opens with, apart from the rest.

A bounded repeat up to ``_EXPAND`` copies is expanded exactly (and the
copies of one character it needs, up to ``_REQUIRED``); a larger one
is a loop that knows its bound. What it costs depends on what it overlaps:
one word that loops on ``p``, leads to ``q`` and loops there costs the
product of the two loops' lengths, where a loop of an unbounded repeat (or
the search's own retrying) can be as long as the text and a bounded one at
most its bound. So ``[a-z0-9]{20}-[a-z0-9]{3}`` searched costs 20 n (linear)
and ``\\d*\\d*`` costs n squared. The analysis follows chains of such
overlapping loops and calls a pattern slow when a chain holds two
unbounded loops, or one whose cost is multiplied by bounded ones past
``_BOUNDED_COST`` per character of the attack (``.{0,2048}`` retried at
each of n positions costs 2048 n; one attempt per 34 characters, each of
500, costs 14 n).

Each product is explored once for all the starts it is asked about
(``_explore``): the pairs' strongly connected parts tell every loop with
two ways back at once, and bit sets carried down them which starts reach
which goals (``_leads``). A pair of loops is looked for from one start
alone first (``_nearby``), while that is cheap: most that exist are near.

Where the subset automaton or a product grows past its cap, the analysis
drops the credit for matches (which can only add verdicts of slow): it
never calls a slow pattern linear to save time.
"""

import bisect
import collections
import dataclasses
import functools
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from .charsets import ANY, MAX_CODE_POINT, Ranges
from .charsets import complement as _complement
from .charsets import contains as _contains
from .tree import Node
from .tree import anchored as _anchored
from .tree import intersect as _intersect
from .tree import tree as _tree

# Bounded repeats are expanded up to this many copies; a larger bound is a loop of that length.
_EXPAND = 16
# The copies of one character a bounded repeat needs are all expanded, up to this many.
_REQUIRED = 128
# How many times over a linear search may repeat its work in overlapping bounded loops
# (per character of the attack: the loops' product over the period of the pump).
_BOUNDED_COST = 256
# A search whose every attempt past its start reads at most this many characters is linear
# (a lookahead that scans so far at each start is the bounded loops' cost again).
_BOUNDED_TEXT = _BOUNDED_COST
# States of the subset automaton, and product nodes one search explores in all, before precision gives way.
_MAX_SUBSETS = 1_000
_MAX_PRODUCT = 100_000
# Starts whose reach one pass over an explored product follows at once (bits per node).
_STARTS_AT_ONCE = 4096

Pair = tuple[frozenset[int], int, int]
# A one-character assertion: (looks ahead, the characters it lets pass, whether the edge of the text does).
Test = tuple[bool, Ranges, bool]
Triple = tuple[frozenset[int], int, int, int]
Vertex = TypeVar("Vertex", bound=Hashable)
#: A product automaton as explored: each node with its edges (the node reached, the character read).
Graph = dict[Vertex, list[tuple[Vertex, str]]]


class _TooLarge(Exception):
    """A product passed its cap: the analysis goes on without credit for matches."""


@dataclass(frozen=True)
class Risk:
    """Why a pattern is unsafe, and the texts that show it: ``prefix``, then
    ``pump`` repeated, then one of ``suffixes`` (each makes every path fail)."""

    kind: str  # "exponential" or "polynomial"
    prefix: str
    pump: str
    suffixes: tuple[str, ...] = ("",)
    #: Where one unbounded loop is multiplied by bounded ones: the steps per
    #: character of the attack (linear, but past ``_BOUNDED_COST``); else 0.
    per_character: int = 0

    def describe(self) -> str:
        ending = f" + {self.suffixes[0]!r}" if self.suffixes[0] else ""
        if self.per_character:
            return (
                f"backtracking takes {self.per_character} steps per character on {self.prefix!r} + {self.pump!r} * n{ending}"
                " (overlapping bounded repeats)"
            )
        growth = "exponential" if self.kind == "exponential" else "at least quadratic"
        return f"backtracking takes {growth} time on {self.prefix!r} + {self.pump!r} * n{ending} (ambiguous repeats)"


# --- the position automaton ---------------------------------------------------------


class _Automaton:
    """Positions 1..n (0 is the start); ``sets[p]`` is what position p reads
    (None for the end of input); ``follow[p]`` the positions that may come next."""

    def __init__(self) -> None:
        self.sets: list[Ranges | None] = [None]
        self.follow: list[set[int]] = [set()]
        #: Whether a match the positions complete is a match (no lookaround,
        #: ``\\b`` or back-reference may still fail it).
        self.exact = True
        #: Positions an assertion after them may still fail: reaching the
        #: end there is no match yet.
        self.guarded: set[int] = set()
        #: What those positions led to before the assertion: what they lead
        #: to besides is reached across it.
        self.crossed: dict[int, frozenset[int]] = {}
        #: Positions entered right after an assertion.
        self.across: set[int] = set()
        #: Whether every path across an assertion is seen (not so where a
        #: group may match by an assertion alone, between positions outside it).
        self.certain = True
        #: The shortest texts of lookaround bodies: endings for attacks.
        self.hints: list[str] = []
        #: The loops each position is in: None for an unbounded one, else its bound.
        self.enclosing: list[int | None] = []
        self.bounds: list[int | None] = [1]
        #: One-character assertions (``_test``), each a position that reads
        #: nothing until ``eliminate`` turns it into the edges it lets pass.
        self.tests: dict[int, Test] = {}
        #: The classes of characters no test tells apart: each set is read by
        #: one position per class it meets, so that a test is decided per edge.
        self.atoms: list[Ranges] = [ANY]
        #: The search's retrying loop, one position per class.
        self.loops: set[int] = set()

    def refine(self, ranges: Ranges) -> None:
        """Splits the classes so that ``ranges`` is a union of them."""
        outside = _complement(ranges)
        self.atoms = [part for atom in self.atoms for part in (_intersect(atom, ranges), _intersect(atom, outside)) if part]

    def read(self, ranges: Ranges) -> set[int]:
        """Positions reading ``ranges``: one per class it meets."""
        parts = [part for part in (_intersect(ranges, atom) for atom in self.atoms) if part]
        return {self.position(part) for part in parts} if len(parts) > 1 else {self.position(ranges)}

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
            ps = self.read(node[1])
            return False, ps, ps
        test = _test(node)
        if test is not None:
            # Read as a position on its own until ``eliminate`` decides each edge across it.
            t = self.position(())
            self.tests[t] = test
            if kind == "look":
                self.hints.append(_shortest(node[1]))
            return False, {t}, {t}
        if kind == "eoi":
            p = self.position(None)
            return False, {p}, {p}
        if kind in ("eps", "bol"):
            # Only a leading ``^`` (taken off before) is sure to hold.
            self.exact = False
            return True, set(), set()
        if kind == "look":
            self.exact = False
            self.hints.append(_shortest(node[1]))
            # The body runs here and leads nowhere; the match goes on as if
            # it were not there. Its entries hang off the positions before.
            _, first, _ = self.build(node[1])
            return True, first, set()
        if kind == "ref":
            # Matching what a group captured fails or reads some text of the group.
            self.exact = False
            return self.build(node[1])
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
        # as no bound on the lengths that matter: a loop. The copies a match
        # needs are expanded exactly when each is one character (up to
        # ``_REQUIRED``), so that a witness has as many as the pattern needs
        # (``c-[0-9a-f]{17}-...``: 17 digits, not 16 and the loop skipped).
        copies: list[Node] = [body] * min(low, _REQUIRED if body[0] == "set" else _EXPAND)
        rest = None if high is None else high - len(copies)
        if rest is None or rest > _EXPAND:
            copies.append(("star", body, high))
        elif rest > 0:
            # X{0,3} as (X(X(X)?)?)?: each copy is skipped in one way only.
            chain: Node = ("opt", body)
            for _ in range(rest - 1):
                chain = ("opt", ("cat", (body, chain)))
            copies.append(chain)
        return self.sequence(copies)

    def sequence(self, items: list[Node]) -> tuple[bool, set[int], set[int]]:
        nullable, first, last = True, set[int](), set[int]()
        begun = len(self.sets)
        asserted = False
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
            if asserted:
                self.across |= f
            if nullable:
                first = first | f
            if item[0] in ("look", "eps", "bol", "ref") and _test(item) is None:
                # An assertion may fail a match that has read everything before it.
                self.guarded.update(range(begun, len(self.sets)))
                for p in range(begun, len(self.sets)):
                    self.crossed.setdefault(p, frozenset(self.follow[p]))
                asserted = True
                if item[0] == "look":
                    continue
            last = (last | l) if n else l
            nullable = nullable and n
        if asserted and nullable:
            self.certain = False
        return nullable, first, last

    def tainted(self) -> set[int]:
        """The positions a path may reach across an assertion (or a
        back-reference): reaching the end there is no match for sure."""
        found = set(self.across)
        for p, before in self.crossed.items():
            found |= self.follow[p] - before
        pending = list(found)
        while pending:
            for q in self.follow[pending.pop()] - found:
                found.add(q)
                pending.append(q)
        return found

    def eliminate(self, last: set[int]) -> set[int]:
        """Replaces the tests by the edges they let pass and returns the
        pattern's last positions without them. An edge from p across tests to
        q passes when p's class (or the start of the text, for position 0)
        satisfies every lookbehind and q's class (or the end of the text) every
        lookahead; each position belongs to one class, so this is exact. Where
        the pattern may end after a lookahead, the match depends on the next
        character: a position reading what the lookaheads allow ends the
        pattern, as does the end of the text where they allow it."""
        if not self.tests:
            return last
        ending = last & self.tests.keys()
        last = last - ending
        for p in range(len(self.sets)):
            through = self.follow[p] & self.tests.keys()
            if p in self.tests or not through:
                continue
            self.follow[p] -= through
            targets, endings, marks = self._across(p, through, ending)
            self.follow[p] |= targets
            self.across |= marks
            for allowed, at_edge, guarded in endings:
                if guarded:
                    self.guarded.add(p)
                if allowed == ANY and at_edge:
                    last.add(p)
                    continue
                ends = [self.position(allowed)] if allowed else []
                ends += [self.position(None)] if at_edge else []
                for q in ends:
                    self.follow[p].add(q)
                    last.add(q)
                    if guarded or p in self.guarded:
                        self.guarded.add(q)
        for t in self.tests:
            self.follow[t] = set()
            self.crossed.pop(t, None)
        self.across -= self.tests.keys()
        self.guarded -= self.tests.keys()
        return last

    def _across(self, p: int, through: set[int], ending: set[int]) -> tuple[set[int], set[tuple[Ranges, bool, bool]], set[int]]:
        """From p across the tests ``through``: the positions the edges reach,
        the pattern's endings after them (what the next character may be,
        whether the end of the text will do, whether an assertion may still
        fail them) and the targets reached across an assertion."""
        targets: set[int] = set()
        endings: set[tuple[Ranges, bool, bool]] = set()
        marks: set[int] = set()
        # (test, what the lookaheads so far allow, whether the end of the text does,
        # whether a path crosses an assertion, whether one after may fail the match)
        State = tuple[int, Ranges, bool, bool, bool]
        pending: list[State] = []
        seen: set[State] = set()

        def enter(t: int, allowed: Ranges, at_edge: bool, crossing: bool, guarded: bool) -> None:
            ahead, passes, edge = self.tests[t]
            if not ahead:
                # A lookbehind: p's class, or the start of the text, decides it.
                if not (edge if p == 0 else bool(_intersect(self.sets[p] or (), passes))):
                    return
            else:
                allowed, at_edge = _intersect(allowed, passes), at_edge and edge
                if not allowed and not at_edge:
                    return
            state = (t, allowed, at_edge, crossing or t in self.across, guarded or t in self.guarded)
            if state not in seen:
                seen.add(state)
                pending.append(state)

        for t in sorted(through):
            enter(t, ANY, True, False, False)
        while pending:
            t, allowed, at_edge, crossing, guarded = pending.pop()
            if t in ending:
                endings.add((allowed, at_edge, guarded))
            crossed = self.crossed.get(t)
            for q in self.follow[t]:
                across = crossing or (crossed is not None and q not in crossed)
                if q in self.tests:
                    enter(q, allowed, at_edge, across, guarded)
                elif at_edge if self.sets[q] is None else bool(_intersect(self.sets[q] or (), allowed)):
                    targets.add(q)
                    if across:
                        marks.add(q)
        return targets, endings, marks


def _test(node: Node) -> "Test | None":
    """A one-character assertion as (whether it looks ahead, the characters
    that let it pass, whether the edge of the text does): a lookaround of one
    set and a ``^`` past the start. Not ``(?=C+)``: the same test, but the
    engine reads the whole run of C before it holds."""
    if node == ("bol",):
        return (False, (), True)
    if node[0] != "look":
        return None
    body = node[1]
    if body[0] != "set":
        return None
    positive = bool(node[3])
    return (bool(node[2]), body[1] if positive else _complement(body[1]), not positive)


def _tests(node: Node) -> list[Test]:
    """Every one-character assertion in ``node``."""
    test = _test(node)
    if test is not None:
        return [test]
    kind = node[0]
    if kind in ("cat", "alt"):
        return [found for item in node[1] for found in _tests(item)]
    if kind == "rep":
        return _tests(node[3])
    if kind in ("look", "ref"):
        return _tests(node[1])
    return []


def _shortest(node: Node) -> str:
    """A shortest text ``node`` reads (assertions read nothing)."""
    kind = node[0]
    if kind == "set":
        return _pick(node[1]) if node[1] else ""
    if kind == "cat":
        return "".join(_shortest(item) for item in node[1])
    if kind == "alt":
        return min((_shortest(item) for item in node[1]), key=len)
    if kind == "rep":
        return str(_shortest(node[3])) * int(node[1])
    if kind == "ref":
        return _shortest(node[1])
    return ""  # an assertion


def _pick(ranges: Iterable[tuple[int, int]]) -> str:
    """A readable character of the set, for witnesses."""
    ranges = tuple(ranges)
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


def _readability(char: str) -> tuple[int, str]:
    """Witnesses read best in lower-case letters, then other printable ASCII."""
    return (0 if "a" <= char <= "z" else 1 if "!" <= char <= "~" else 2 if char == " " else 3, char)


# --- the search in step with its subset automaton ----------------------------------------


class _Search:
    """The position automaton over the classes of characters its sets tell
    apart (each with one character that stands for it), with the subset
    automaton of the whole search: ``None`` for a match found."""

    def __init__(self, a: _Automaton, ends: set[int], at_end: frozenset[int], exact: bool) -> None:
        self.a, self.ends, self.exact = a, ends, exact
        positions = [p for p in range(1, len(a.sets)) if a.sets[p]]
        cuts = sorted({0, MAX_CODE_POINT + 1} | {edge for p in positions for lo, hi in a.sets[p] for edge in (lo, hi + 1)})  # type: ignore[union-attr]
        members: list[set[int]] = [set() for _ in cuts[:-1]]
        for p in positions:
            for lo, hi in a.sets[p]:  # type: ignore[union-attr]
                for k in range(bisect.bisect_left(cuts, lo), bisect.bisect_left(cuts, hi + 1)):
                    members[k].add(p)
        classes: dict[frozenset[int], list[tuple[int, int]]] = {}
        for k, reads in enumerate(members):
            classes.setdefault(frozenset(reads), []).append((cuts[k], cuts[k + 1] - 1))
        #: (the positions reading the class, the character standing for it), readable first.
        self.classes = sorted(((reads, _pick(spans)) for reads, spans in classes.items()), key=lambda c: _readability(c[1]))
        self.cuts = cuts
        #: Per span between cuts, the index of its class in ``classes``.
        self.spans = [[reads for reads, _ in self.classes].index(frozenset(m)) for m in members]
        self.live = frozenset(p for p in positions if p not in ends)
        #: Positions from which the end of the input completes a match.
        self.at_end = at_end
        self.subsets: dict[frozenset[int], list[tuple[frozenset[int] | None, frozenset[int], str]]] = {}
        #: Product nodes visited so far, against ``_MAX_PRODUCT``.
        self.spent = 0
        #: The pairs of positions explored so far (``_explore``), shared by the stages that read them.
        self.paired: Graph[Pair] = {}

    def step(self, subset: frozenset[int]) -> list[tuple[frozenset[int] | None, frozenset[int], str]]:
        """Per class of characters: the next subset (None: a match), what the class reads, its character."""
        if not self.exact:
            # Given no credit for matches, the subset is of no use: one for all.
            subset = self.live
        if subset not in self.subsets:
            if len(self.subsets) > _MAX_SUBSETS:
                raise _TooLarge()
            out = []
            for reads, char in self.classes:
                following: set[int] = set()
                for p in subset:
                    following |= self.a.follow[p]
                following &= reads
                matched = self.exact and bool(following & self.ends)
                nxt = frozenset(following & self.live) if self.exact else self.live
                out.append((None if matched else nxt, reads & self.live, char))
            self.subsets[subset] = out
        return self.subsets[subset]

    def reachable(self, start: frozenset[int]) -> dict[frozenset[int], str]:
        """The subsets a text reaches without a match, with a shortest such text."""
        texts = {start: ""}
        frontier = [start]
        while frontier:
            following = []
            for subset in frontier:
                for nxt, _, char in self.step(subset):
                    if nxt is not None and nxt not in texts:
                        texts[nxt] = texts[subset] + char
                        following.append(nxt)
            frontier = following
        return texts

    def run(self, text: str) -> frozenset[int] | None:
        """The subset after ``text`` from the start, or None if it holds a match."""
        subset: frozenset[int] | None = frozenset({0})
        for char in text:
            k = self.spans[bisect.bisect_right(self.cuts, ord(char)) - 1]
            subset = self.step(subset)[k][0]  # type: ignore[arg-type]
            if subset is None:
                return None
        return subset

    def failing(self, subset: frozenset[int]) -> str | None:
        """A shortest text after which the search has found no match, or None.
        Attempts that start in that text are left out (the search's loop,
        position 1, taken out): they come after every attempt before has
        failed (``[a-z]*$`` matches at the end of any text, after trying
        each start on the way)."""
        if not self.exact:
            return ""
        subset = subset - self.a.loops
        texts = {subset: ""}
        frontier = [subset]
        while frontier:
            following = []
            for current in frontier:
                if not (current & self.at_end):
                    return texts[current]
                for nxt, _, char in self.step(current):
                    if nxt is not None and nxt not in texts:
                        texts[nxt] = texts[current] + char
                        following.append(nxt)
            frontier = following
        return None

    def pairs(self, node: Pair) -> list[tuple[Pair, str]]:
        subset, p, q = node
        out = []
        for nxt, reads, char in self.step(subset):
            if nxt is None:
                continue
            for x in self.a.follow[p] & reads:
                for y in self.a.follow[q] & reads:
                    out.append(((nxt, x, y), char))
        return out

    def triples(self, node: Triple) -> list[tuple[Triple, str]]:
        subset, p, q, r = node
        out = []
        for nxt, reads, char in self.step(subset):
            if nxt is None:
                continue
            for x in self.a.follow[p] & reads:
                for y in self.a.follow[q] & reads:
                    for z in self.a.follow[r] & reads:
                        out.append(((nxt, x, y, z), char))
        return out


def _explore(search: _Search, successors: Callable[[Vertex], list[tuple[Vertex, str]]], starts: Iterable[Vertex], known: Graph[Vertex]) -> Graph[Vertex]:
    """The part of a product that texts reach from ``starts`` (the starts
    included), explored at once for all of them: each node with its edges,
    taken from ``known`` where it is there, else from ``successors`` and put
    in ``known``. Each node visited counts against the search's budget."""
    reached: Graph[Vertex] = {}
    pending = list(dict.fromkeys(starts))
    seen = set(pending)
    while pending:
        search.spent += len(pending)
        if search.spent > _MAX_PRODUCT:
            raise _TooLarge()
        following = []
        for node in pending:
            if node not in known:
                known[node] = successors(node)
            reached[node] = edges = known[node]
            for nxt, _ in edges:
                if nxt not in seen:
                    seen.add(nxt)
                    following.append(nxt)
        pending = following
    return reached


def _origins(graph: Graph[Vertex], component: dict[Vertex, int], starts: list[Vertex]) -> dict[Vertex, int]:
    """Per node of ``graph``: the starts (bit k for ``starts[k]``) that reach
    it on a non-empty text. ``component``: the strongly connected components
    of ``graph`` numbered in topological order (``_components``), so one pass
    carries each start's bit down all the paths from it."""
    own: dict[Vertex, int] = {}
    for k, node in enumerate(starts):
        own[node] = own.get(node, 0) | 1 << k
    members: dict[int, list[Vertex]] = {}
    for node, number in component.items():
        members.setdefault(number, []).append(node)
    entering = [0] * len(members)
    origins: dict[Vertex, int] = {}
    for number in range(len(members)):
        nodes = members[number]
        bits = entering[number]
        if len(nodes) > 1 or any(nxt == nodes[0] for nxt, _ in graph[nodes[0]]):
            # On a cycle: each node is reached from every start among them.
            for node in nodes:
                bits |= own.get(node, 0)
        for node in nodes:
            origins[node] = bits
            leaving = bits | own.get(node, 0)
            for nxt, _ in graph[node]:
                if component[nxt] != number:
                    entering[component[nxt]] |= leaving
    return origins


def _route(search: _Search, graph: Graph[Vertex], start: Vertex, goal: Vertex) -> str:
    """A shortest non-empty text from ``start`` to ``goal`` in ``graph``, which holds one."""
    return _nearby(search, graph.__getitem__, graph, start, goal, _MAX_PRODUCT) or ""


def _back(before: dict[Vertex, tuple[Vertex, str]], start: Vertex, goal: Vertex) -> str:
    """The text of the path that ``before`` (each node with the node and the
    character it was reached by) holds from ``start`` to ``goal``."""
    chars = []
    node = goal
    while True:
        node, char = before[node]
        chars.append(char)
        if node == start:
            return "".join(reversed(chars))


def _nearby(
    search: _Search, successors: Callable[[Vertex], list[tuple[Vertex, str]]], known: Graph[Vertex], start: Vertex, goal: Vertex, limit: int
) -> str | None:
    """A shortest non-empty text from ``start`` to ``goal``, looked for
    breadth first among at most ``limit`` nodes: the empty text if no text
    leads there, None if that is too few nodes to tell (each node visited
    counted against the search's budget, ``known`` as in ``_explore``)."""
    before: dict[Vertex, tuple[Vertex, str]] = {}
    pending = collections.deque([start])
    while pending:
        if limit <= 0:
            return None
        limit -= 1
        search.spent += 1
        if search.spent > _MAX_PRODUCT:
            raise _TooLarge()
        node = pending.popleft()
        if node not in known:
            known[node] = successors(node)
        for nxt, char in known[node]:
            if nxt not in before:
                before[nxt] = (node, char)
                if nxt == goal:
                    return _back(before, start, goal)
                pending.append(nxt)
    return ""


def _leads(graph: Graph[Vertex], routes: list[tuple[Vertex, Vertex]]) -> list[bool]:
    """For each (start, goal) of ``routes``: whether a non-empty text leads
    from start to goal in ``graph`` (which holds every node the starts reach).
    The starts are taken some thousands at a time, to keep the bit sets small."""
    component = _components({node: [nxt for nxt, _ in edges] for node, edges in graph.items()})
    starts = list(dict.fromkeys(start for start, _ in routes))
    index = {start: k for k, start in enumerate(starts)}
    found = [False] * len(routes)
    for first in range(0, len(starts), _STARTS_AT_ONCE):
        origins = _origins(graph, component, starts[first : first + _STARTS_AT_ONCE])
        for k, (start, goal) in enumerate(routes):
            bit = index[start] - first
            if 0 <= bit < _STARTS_AT_ONCE and goal in origins:
                found[k] = bool(origins[goal] >> bit & 1)
    return found


# --- the verdict -------------------------------------------------------------------------


def _matches_empty(node: Node) -> bool:
    """Whether ``node`` matches the empty text at the start of any text
    (``^`` holds there, and a negative lookbehind of a body that reads
    something: ``[a-z.]*(?<!\\.)``)."""
    kind = node[0]
    if kind == "bol":
        return True
    if kind == "look":
        return not node[2] and not node[3] and _shortest(node[1]) != ""
    if kind == "cat":
        return all(_matches_empty(item) for item in node[1])
    if kind == "alt":
        return any(_matches_empty(item) for item in node[1])
    if kind == "rep":
        return node[1] == 0 or _matches_empty(node[3])
    return False


def _at_start_only(branch: Node) -> bool:
    """Whether ``branch`` opens with a negative lookahead of a body anchored at
    the start (``(?!^[0-9]+$)...``): past the start, it always holds."""
    if branch[0] != "cat" or not branch[1] or branch[1][0][0] != "look":
        return False
    look = branch[1][0]
    return bool(look[2] and not look[3]) and _anchored(look[1])


def _tried_once(node: Node) -> bool:
    """Whether an attempt of ``node`` gets past what it opens with at the
    start of the text only, at once elsewhere: it opens with ``^``, or with
    a positive lookahead that does (``(?=^...)``), after one-character tests
    at most. Not so ``(?!.*x)^abc``: the lookahead runs at every position
    before ``^`` fails there."""
    if node[0] == "alt":
        return all(_tried_once(item) for item in node[1])
    if node[0] == "cat" and node[1]:
        if _test(node[1][0]) is not None and node[1][0] != ("bol",):
            return _tried_once(("cat", node[1][1:]))
        return _tried_once(node[1][0])
    if node[0] == "look":
        return bool(node[2] and node[3]) and _anchored(node[1])
    return node == ("bol",)


def _unanchor(node: Node) -> Node:
    """``node`` without the ``^`` that anchors it (see ``tree.anchored``)."""
    if node[0] == "cat" and node[1] and node[1][0][0] == "look" and not _anchored(node[1][0]):
        # ``(?!\s)^...``: the ``^`` after a lookaround that reads nothing.
        rest = _unanchor(("cat", tuple(node[1][1:])))
        return ("cat", (node[1][0],) + tuple(rest[1]))
    if node[0] == "cat" and node[1]:
        return ("cat", (_unanchor(node[1][0]),) + tuple(node[1][1:]))
    if node[0] == "alt":
        return ("alt", tuple(_unanchor(item) for item in node[1]))
    if node[0] == "look":
        return ("look", _unanchor(node[1])) + tuple(node[2:])
    return ("cat", ()) if node == ("bol",) else node


@functools.lru_cache(maxsize=8192)
def analyse(pattern: str) -> Risk | None:
    """None when a backtracking search for ``pattern`` takes linear time."""
    return _analyse(_branches(_tree(pattern)))


def _branches(tree: Node) -> list[Node]:
    return list(tree[1] if tree[0] == "alt" else (tree,))


def _analyse(branches: list[Node]) -> Risk | None:
    risk = _ambiguity(branches)
    if risk is not None and risk.kind == "polynomial" and _text_bound(branches) is not None:
        # At most the bound's many attempts read more than a scan of the bound,
        # each at most the bound: a polynomial of the bound, a constant.
        return None
    parts = _parts(branches) if risk is not None else []
    if parts and all(_analyse([part]) is None for part in parts):
        return None
    opening = _lookahead_opening(branches)
    if risk is not None and opening and not risk.prefix.startswith(opening):
        # A witness that gets past the lookaheads the branch opens with, where one does.
        better = _ambiguity(branches, after=opening)
        if better is not None and better.prefix.startswith(opening):
            return better
    return risk


def _parts(branches: list[Node]) -> list[Node]:
    """Searches whose costs add up to at least the cost of searching for
    ``branches``, each analysed alone where the whole, given less credit for
    matches, is called slow (none: no such parts).

    * Each branch searched alone: at each position the engine tries the
      branches until one matches, each as it would alone, and the whole
      search stops no later than any branch's own (it loses the credit for
      the others' matches, hence only a second chance).
    * A branch tried once (``_tried_once``) that opens with lookaheads, after
      single characters at most (``^(?!.*\\..*\\.)[a-z]...``,
      ``^arn:(?=[^:]+:fsx:...)...``): each lookahead runs once, at a fixed
      place, as a search of its body anchored there that stops at its first
      match; once they all hold, the rest runs as if they were not there, and
      when it fails the attempt fails (nothing before has another way).
    """
    if len(branches) > 1:
        return branches
    leading = _leading(branches)
    kept: list[Node] = []
    bodies: list[Node] = []
    for item in leading:
        if item[0] == "look" and _test(item) is None:
            if any(part[0] == "set" for part in kept) and _looks_behind(item[1]):
                return []  # its place is not the start: the analysis would read another text behind it
            bodies.append(("cat", (("bol",), item[1])))
        else:
            kept.append(item)
    if not bodies:
        return []
    rest = [item for item in kept if item != ("bol",)] + list(branches[0][1][len(leading) :])
    return [("cat", (("bol",), *rest)), *bodies]


def _leading(branches: list[Node]) -> list[Node]:
    """What a single branch tried once (``_tried_once``) opens with: single
    characters, one-character tests and lookaheads, up to its first other
    item (nothing for any other pattern)."""
    if len(branches) != 1 or branches[0][0] != "cat" or not _tried_once(branches[0]):
        return []
    items = branches[0][1]
    k = 0
    while k < len(items) and (items[k][0] == "set" or _test(items[k]) is not None or (items[k][0] == "look" and items[k][2])):
        k += 1
    return list(items[:k])


def _lookahead_opening(branches: list[Node]) -> str:
    """For one branch tried once that opens with single characters and then a
    positive lookahead of more than one character (``^arn:(?=[^:]+:fsx:...)``):
    those characters and a shortest text of the lookahead's body, which a
    witness needs to get past it; else ""."""
    opening = ""
    for item in _leading(branches):
        if item[0] == "set" and item[1]:
            opening += _pick(item[1])
        elif item[0] == "look" and item[2] and item[3] and _test(item) is None:
            return opening + _shortest(item[1])
        elif item != ("bol",):
            return ""
    return ""


def _looks_behind(node: Node) -> bool:
    """Whether ``node`` holds a ``^`` or a lookbehind."""
    if node == ("bol",) or (node[0] == "look" and not node[2]):
        return True
    if node[0] in ("cat", "alt"):
        return any(_looks_behind(item) for item in node[1])
    if node[0] in ("rep",):
        return _looks_behind(node[3])
    if node[0] in ("look", "ref"):
        return _looks_behind(node[1])
    return False


def text_bound(pattern: str) -> int | None:
    """How many characters at most an attempt that gets past the start of a
    branch may read, when every top-level branch reads at most
    ``_BOUNDED_TEXT``: anchored at the start and bounded by its own
    repeats (one attempt only), or opening with a lookahead of one repeated
    set that ends the text (``^(?=.{3,100}$)...``, ``(?=^.{1,127}$)^...``,
    ``(?=.{1,80}$)...``: only the attempts in the last 80 characters get
    past it, each after a scan of at most 81); else None."""
    return _text_bound(_branches(_tree(pattern)))


def _text_bound(branches: list[Node]) -> int | None:
    bounds = [_leading_bound(branch) for branch in branches]
    if any(bound is None or bound > _BOUNDED_TEXT for bound in bounds):
        return None
    return max(bound for bound in bounds if bound is not None)


def _leading_bound(branch: Node) -> int | None:
    """The most an anchored ``branch`` reads, or the length its leading ``(?=C{a,b}$)`` allows."""
    if _tried_once(branch):
        whole = _longest(branch)
        if whole is not None:
            return whole
    if branch[0] != "cat":
        return None
    items = [item for item in branch[1] if item != ("bol",)]
    if not items or items[0][0] != "look" or not (items[0][2] and items[0][3]):
        return None
    body = items[0][1]
    parts = [item for item in (body[1] if body[0] == "cat" else (body,)) if item != ("bol",)]
    if len(parts) != 2 or parts[0][0] != "rep" or parts[0][3][0] != "set" or parts[1] != ("eoi",):
        return None
    bound: int | None = parts[0][2]
    return bound


def _longest(node: Node) -> int | None:
    """The most characters ``node`` reads (None: no bound)."""
    kind = node[0]
    if kind == "set":
        return 1
    if kind in ("cat", "alt"):
        lengths = [_longest(item) for item in node[1]]
        if any(length is None for length in lengths):
            return None
        found = [length for length in lengths if length is not None]
        return (sum(found) if kind == "cat" else max(found, default=0))
    if kind == "rep":
        inner = _longest(node[3])
        return None if node[2] is None or inner is None else node[2] * inner
    if kind == "ref":
        return _longest(node[1])
    if kind == "look":
        # Its body reads on from where it stands.
        return _longest(node[1])
    return 0  # an assertion


@functools.lru_cache(maxsize=8192)
def ambiguity(pattern: str) -> Risk | None:
    """The verdict by ambiguity alone: None when no two paths read one text
    in the ways that make a backtracking search slow (``analyse`` also
    counts a length the pattern bounds)."""
    return _ambiguity(_branches(_tree(pattern)))


def _ambiguity(branches: list[Node], first_only: bool = False, after: str = "") -> Risk | None:
    """``ambiguity`` of the top-level ``branches``; ``first_only``: tried at
    the start only, as ``^(?:...)``; ``after``: a text the witness must open
    with, where the analysis has a choice."""
    if first_only:
        branches = [("cat", (("bol",), branch)) for branch in branches]
    # A branch that matches the empty text ends the search where it is first
    # tried, once the engine has tried all else there: when that one attempt
    # is linear (not so for ``(?:(?:a+)+b)*``, 2^n steps before its empty
    # match), the branches before it run once, at the start, and it no more.
    for k, branch in enumerate(branches):
        if not first_only and _matches_empty(branch) and _ambiguity([branch], first_only=True) is None:
            if k == 0:
                return None
            branches = [("cat", (("bol",), item)) for item in branches[:k]]
            break
    a = _Automaton()
    for branch in branches:
        for test in _tests(branch):
            a.refine(test[1])
    anchored = all(_tried_once(branch) for branch in branches)
    a.loops = loops = a.read(ANY)
    for loop in loops:
        a.bounds[loop] = None  # the search retries at every position
    last: set[int] = set()
    for branch in branches:
        leading = _tried_once(branch)
        starts = {0} if leading else {0} | loops
        if not leading and _at_start_only(branch):
            # ``(?!^X)Y`` holds wherever ``^`` does not: Y alone past the start.
            _, first, ends = a.build(("cat", branch[1][1:]))
            last |= ends
            a.link(loops, first)
            starts = {0}
        _, first, ends = a.build(_unanchor(branch) if leading else branch)
        last |= ends
        # Search semantics: the engine retries an unanchored branch at every position.
        a.link(starts, first)
    if not anchored:
        a.link({0} | loops, loops)
    last = a.eliminate(last)
    # Reaching the end of the pattern (but for an assertion still to come) ends the search with a match.
    ends = {p for p in last if a.sets[p] is not None and p not in a.guarded}
    eoi = {p for p in last if a.sets[p] is None}
    at_end = frozenset(p for p in range(len(a.sets)) if a.follow[p] & eoi)
    # First without credit for matches: quick, and a verdict of linear then holds.
    blind = _Search(a, ends, at_end, exact=False)
    reach = _reachable(a, blind.live, after)
    for loop in loops:
        reach[loop] = ""  # the search is at its retrying loop at every position
    cycles = _cyclic(a, blind.live) & reach.keys()
    hints = tuple(dict.fromkeys(["", *sorted(a.hints, key=len)]))
    overlapping: set[tuple[int, int]] | None
    try:
        risk, exponential, overlapping = _verdict(blind, {blind.live: ""}, cycles, cycles, None, reach)
    except _TooLarge:
        # Nothing ruled out: the stages after try every loop and pair.
        risk, exponential, overlapping = None, cycles, None
    if risk is None and not blind.spent > _MAX_PRODUCT:
        return None
    fallback = _finish(a, last, at_end, risk or Risk("polynomial", "", "a"), hints)
    if not a.exact and a.certain:
        # Credit for the matches no assertion can fail: those whose every
        # path crosses none (the rest taken for no match).
        tainted = a.tainted()
        final = frozenset(p for p in eoi if p not in tainted and p not in a.guarded)
        sure = frozenset(p for p in range(len(a.sets)) if p not in tainted and a.follow[p] & final)
        certain = _Search(a, ends - tainted, sure, exact=True)
        try:
            sure_risk = _verdict(certain, certain.reachable(frozenset({0})), cycles, exponential, overlapping, None)[0]
        except _TooLarge:
            sure_risk = fallback
        if sure_risk is None:
            return None
    if not a.exact:
        # The witness, where one exists, from a search that takes every end
        # of the pattern for a match whatever the assertions say: a text it
        # finds no match in has none.
        transparent = _Search(a, {p for p in last if a.sets[p] is not None}, at_end, exact=True)
        try:
            found = _verdict(transparent, _opening(transparent, after), cycles, exponential, overlapping, None)
        except _TooLarge:
            return _first_character_witness(branches, after) or fallback
        if found[0] is None:
            return _first_character_witness(branches, after) or fallback
        risk = found[0]
        return dataclasses.replace(risk, suffixes=tuple(dict.fromkeys(risk.suffixes + hints)))
    # Then with credit for matches, on what the blind analysis found.
    search = _Search(a, ends, at_end, exact=True)
    try:
        risk, _, _ = _verdict(search, _opening(search, after), cycles, exponential, overlapping, None)
    except _TooLarge:
        return fallback
    return risk


def _first_character_witness(branches: list[Node], after: str) -> Risk | None:
    """Where taking every assertion for true finds no witness: the verdict
    and witness of the same search with each lookahead that tests one
    character read as that test (``(?=C+)`` as ``(?=C)``, see
    ``_first_character``), None if it has none or there is no such
    lookahead. It matches the same texts, each at no more cost: a slow
    verdict of it is one of the pattern, on the same witness
    (``.*(?=[-./0-9A-Z_a-z]+)((?!aws\\.).*)|...`` fails slowly on ``!!!...``,
    where the witness of every assertion true, ``aaa...``, matches)."""
    tested = [_first_character(branch) for branch in branches]
    if tested == branches:
        return None
    return _ambiguity(tested, after=after)


def _first_character(node: Node) -> Node:
    """``node`` with each lookahead that is decided by the next character
    alone, ``(?=C+)``, ``(?!C[a-z]*)``, written as that one-character test."""
    kind = node[0]
    if kind in ("cat", "alt"):
        return (kind, tuple(_first_character(item) for item in node[1]))
    if kind == "rep":
        return node[:3] + (_first_character(node[3]),)
    if kind != "look" or not node[2] or node[1][0] == "set":
        return node
    body = node[1]
    if body[0] == "rep" and body[1] == 1 and body[3][0] == "set":
        return ("look", body[3], True, node[3])
    if body[0] == "cat" and body[1] and body[1][0][0] == "set" and all(item[0] == "rep" and item[1] == 0 for item in body[1][1:]):
        return ("look", body[1][0], True, node[3])
    return node


def _opening(search: _Search, after: str) -> dict[frozenset[int], str]:
    """The subsets reachable after ``after`` (from the start if it leads to
    none), each with a shortest text that opens with it."""
    start = search.run(after) if after else None
    if start is None:
        return search.reachable(frozenset({0}))
    return {subset: after + text for subset, text in search.reachable(start).items()}


def _finish(a: _Automaton, last: set[int], at_end: frozenset[int], risk: Risk, hints: tuple[str, ...]) -> Risk:
    """A verdict given no credit for matches, with the endings that make its
    witness fail: the text that, after three rounds of the pump, no path can
    complete (taking every end of the pattern as a match, whatever the
    assertions say), and the shortest texts of the lookaround bodies."""
    search = _Search(a, {p for p in last if a.sets[p] is not None}, at_end, exact=True)
    suffixes = hints
    try:
        subset = search.run(risk.prefix + risk.pump * 3)
        ending = None if subset is None else search.failing(subset)
    except _TooLarge:
        ending = None
    if ending is not None:
        suffixes = tuple(dict.fromkeys((ending,) + hints))
    return dataclasses.replace(risk, suffixes=suffixes)


def _verdict(
    search: _Search,
    subsets: dict[frozenset[int], str],
    cycles: set[int],
    suspects: set[int],
    pairs: set[tuple[int, int]] | None,
    reach: dict[int, str] | None,
) -> tuple[Risk | None, set[int], set[tuple[int, int]]]:
    """The risk, the loops with two ways back (among ``suspects``) and the
    pairs of overlapping loops (among ``pairs``, or all). ``reach``: each
    position's prefix where the subsets tell none (a blind search)."""
    failing = {subset: search.failing(subset) for subset in subsets}
    exponential: set[int] = set()
    first: Risk | None = None
    tried = [subset for subset in subsets if failing[subset] is not None]
    for subset in tried:
        for p, pump in _exponential(search, subset, sorted(subset & suspects - exponential)).items():
            exponential.add(p)
            if first is None:
                first = Risk("exponential", reach[p] if reach else subsets[subset], pump, (failing[subset],))  # type: ignore[arg-type]
            if reach is None:
                return first, exponential, set()
    overlaps: dict[int, list[int]] = {p: [] for p in cycles}
    candidates = sorted(pairs if pairs is not None else _pairs(search, cycles))
    # A text that leads from a subset back to itself stays among the subsets
    # it can come back from: the triples search no further (an exact cut).
    part = _components({subset: {nxt for nxt, _, _ in search.step(subset) if nxt is not None} for subset in subsets})

    def triples(node: Triple) -> list[tuple[Triple, str]]:
        return [(nxt, char) for nxt, char in search.triples(node) if part[nxt[0]] == part[node[0]]]

    # Per pair of overlapping loops: the subset it was found from, and its
    # pump, or where to find it when asked (most are never asked for).
    found_in: dict[tuple[int, int], frozenset[int]] = {}
    pumps: dict[tuple[int, int], str] = {}
    routes_to: dict[tuple[int, int], tuple[Graph[Triple], Triple, Triple]] = {}
    # Each route is looked for on its own first, breadth first, while that
    # costs at most half the budget left (most routes that exist are short);
    # the rest together (``_leads``: ACM's certificate chain has 586 routes of
    # about 1,000 nodes each, 9,052 in all). A pair found from one subset is
    # not looked for from the others.
    known: Graph[Triple] = {}
    cut: list[tuple[Triple, Triple]] = []
    allowance = search.spent + (_MAX_PRODUCT - search.spent) // 2
    for subset in tried:
        for p, q in candidates:
            if p not in subset or q not in subset or (p, q) in found_in:
                continue
            start, goal = (subset, p, p, q), (subset, p, q, q)
            text = _nearby(search, triples, known, start, goal, allowance - search.spent)
            if text:
                pumps[(p, q)], found_in[(p, q)] = text, subset
            elif text is None:
                cut.append((start, goal))
    cut = [(start, goal) for start, goal in cut if (start[1], start[3]) not in found_in]
    graph = _explore(search, triples, [start for start, _ in cut], known)
    for (start, goal), leads in zip(cut, _leads(graph, cut)):
        if leads and (start[1], start[3]) not in found_in:
            routes_to[(start[1], start[3])] = (graph, start, goal)
            found_in[(start[1], start[3])] = start[0]
    for p, q in candidates:
        if (p, q) in found_in:
            overlaps[p].append(q)

    def pump_of(pair: tuple[int, int]) -> str:
        if pair not in pumps:
            pumps[pair] = _route(search, *routes_to[pair])
        return pumps[pair]

    if first is not None:
        return first, exponential, set(found_in)

    def cost(bound: int | None) -> tuple[int, int]:
        return (1, 1) if bound is None else (0, bound)

    def work(chain: list[int], unbounded: int, product: int) -> tuple[int, int]:
        if unbounded != 1:
            return unbounded, product
        # One unbounded loop: each round of the pump starts one more attempt,
        # which reads at most the bounded loops' product. The work per
        # character of the attack is that product over the pump's period
        # (``arn:...:cases:...:domain/.{1,500}``: 500 over 34 characters).
        return unbounded, product // _period(pump_of((chain[0], chain[1])))

    bounds = search.a.bounds
    best: tuple[tuple[int, int], list[int]] = ((0, 0), [])
    # Chains of up to four loops: longer ones only multiply what is already too much.
    pending = [([p], cost(bounds[p])) for p in sorted(cycles)]
    while pending:
        chain, (unbounded, product) = pending.pop()
        if len(chain) > 1 and work(chain, unbounded, product) > best[0]:
            best = (work(chain, unbounded, product), chain)
        if len(chain) < 4:
            for q in overlaps[chain[-1]]:
                if q not in chain:
                    more, times = cost(bounds[q])
                    pending.append((chain + [q], (unbounded + more, min(product * times, 1 << 40))))
    (unbounded, product), chain = best
    if unbounded >= 2 or (unbounded == 1 and product > _BOUNDED_COST):
        subset = found_in[(chain[0], chain[1])]
        prefix = reach[chain[0]] if reach else subsets[subset]
        steps = work(chain, unbounded, product)[1] if unbounded == 1 else 0
        ending = "" if reach else failing[subset] or ""
        return Risk("polynomial", prefix, pump_of((chain[0], chain[1])), (ending,), steps), exponential, set(found_in)
    return None, exponential, set(found_in)


def _components(edges: Mapping[Vertex, Iterable[Vertex]]) -> dict[Vertex, int]:
    """Each node's strongly connected component (Kosaraju's, without
    recursion), numbered in topological order: an edge between two leads to
    the one numbered higher."""
    order: list[Vertex] = []
    seen: set[Vertex] = set()
    for root in edges:
        if root in seen:
            continue
        seen.add(root)
        stack = [(root, iter(edges[root]))]
        while stack:
            node, following = stack[-1]
            for nxt in following:
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, iter(edges[nxt])))
                    break
            else:
                stack.pop()
                order.append(node)
    before: dict[Vertex, list[Vertex]] = {node: [] for node in edges}
    for node, targets in edges.items():
        for target in targets:
            before[target].append(node)
    component: dict[Vertex, int] = {}
    number = -1
    for root in reversed(order):
        if root in component:
            continue
        number += 1
        component[root] = number
        pending = [root]
        while pending:
            for node in before[pending.pop()]:
                if node not in component:
                    component[node] = number
                    pending.append(node)
    return component


def _period(text: str) -> int:
    """The length of the shortest word ``text`` repeats (``aa``: 1)."""
    return next(k for k in range(1, len(text) + 1) if len(text) % k == 0 and text[:k] * (len(text) // k) == text)


def _pairs(search: _Search, cycles: set[int]) -> set[tuple[int, int]]:
    """Pairs of loops (p, q) one text may read in step as (p, p) then (p, q):
    those that may overlap (what the triples then decide)."""
    starts: list[Pair] = [(search.live, p, p) for p in sorted(cycles)]
    graph = _explore(search, search.pairs, starts, search.paired)
    routes = [((subset, p, p), (subset, p, q)) for subset, p, q in graph if p != q and p in cycles and q in cycles]
    return {(start[1], goal[2]) for (start, goal), leads in zip(routes, _leads(graph, routes)) if leads}


def _reachable(a: _Automaton, live: frozenset[int], after: str = "") -> dict[int, str]:
    """Live positions reachable from the start, with a shortest text to each
    (one that opens with ``after`` where there is one)."""
    texts = _spread(a, live, {0: ""})
    current = {0}
    for char in after:
        current = {q for p in current for q in a.follow[p] & live if _contains(a.sets[q] or (), ord(char))}
    if current:
        texts.update(_spread(a, live, {p: after for p in current}))
    return texts


def _spread(a: _Automaton, live: frozenset[int], texts: dict[int, str]) -> dict[int, str]:
    """``texts`` and the live positions they lead to, each with a shortest text."""
    texts = dict(texts)
    frontier = list(texts)
    while frontier:
        following = []
        for p in frontier:
            for q in a.follow[p] & live:
                if q not in texts:
                    texts[q] = texts[p] + _pick(a.sets[q])  # type: ignore[arg-type]
                    following.append(q)
        frontier = following
    return texts


def _cyclic(a: _Automaton, live: frozenset[int]) -> set[int]:
    """The live positions on a loop."""
    found = set()
    for p in live:
        seen, pending = set(), [p]
        while pending:
            for q in a.follow[pending.pop()] & live:
                if q == p:
                    found.add(p)
                    pending = []
                    break
                if q not in seen:
                    seen.add(q)
                    pending.append(q)
    return found


def _exponential(search: _Search, subset: frozenset[int], loops: list[int]) -> dict[int, str]:
    """Per position p of ``loops`` that has one, in order: a text on which two
    different loops lead from p back to p in ``subset``. That is a way round
    through a pair of two different states, one in the same strongly
    connected part as (subset, p, p)."""
    starts: list[Pair] = [(subset, p, p) for p in loops]
    graph = _explore(search, search.pairs, starts, search.paired)
    component = _components({node: [nxt for nxt, _ in edges] for node, edges in graph.items()})
    split: dict[int, Pair] = {}
    for node in sorted((node for node in graph if node[1] != node[2]), key=lambda node: (node[1], node[2])):
        split.setdefault(component[node], node)
    found = {}
    for start in starts:
        if component[start] in split:
            node = split[component[start]]
            found[start[1]] = _route(search, graph, start, node) + _route(search, graph, node, start)
    return found
