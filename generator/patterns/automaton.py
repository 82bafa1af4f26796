"""Emitted patterns (the dialect of ``translate.py``) compiled into
deterministic automata that the strict validators walk in linear time
(``generator/python/runtime/_automaton.py``): the check for the patterns a
backtracking engine could be slow on.

The automaton answers what the validators ask, a *search* (does the pattern
match anywhere in the value?), and is built by Brzozowski derivatives of an
extended expression (``derivatives.py``: intersection and complement spell
the lookaheads of several characters, boundary assertions those of one).

The alphabet is split into classes of code points that every set of the
pattern treats alike; the states are the distinct derivatives (similar
expressions merged: alternatives and intersections are sorted sets), then
minimised (Moore's partition refinement). A pattern whose automaton would
pass ``MAX_STATES`` (bounded repeats whose counts overlap, which it must
count apart) or whose table would pass ``MAX_TABLE`` is written as its
expression instead (``Lazy``): the runtime matcher builds the states a text
reaches as it reaches them, with the same derivatives. Back-references are
spelled out first (``references.py``). A pattern the construction cannot
express (a back-reference to a group inside a repeat or of too many texts, a
lookbehind of more than one character, a lookahead inside an unbounded
repeat) raises ``TooLarge`` with the reason.

The table's text form, read by the runtime matcher: one row per state,
separated by ``;``; a row is ``+`` (the text so far matches when it ends
here) or ``-``, then the target of the code points from 0, then for each
further range ``,`` its first code point in hexadecimal, ``:`` and its
target; a target is a state number, or ``x`` for no match possible. A
table may start with ``<n>|``: the automaton then reads only the text's last
``n`` characters after its last line terminator (see ``_window``). A table
that starts with ``~`` is an expression (``lazy_table`` in the runtime's
``_derivatives.py``).
"""

import bisect

from generator.python.runtime._derivatives import LazySearch, lazy_table

from .charsets import ANY, LINE_TERMINATORS, Ranges, complement
from .derivatives import ALL, END, NONE, Builder, Derivatives, Expressions, TooLarge, read
from .tree import Node

#: More states than this and the pattern is reported, not compiled.
MAX_STATES = 4000

#: A table longer than this is written as its expression instead (``Lazy``).
MAX_TABLE = 200_000
#: How a table written as an expression (``Lazy``) starts.
LAZY = "~"

__all__ = ["LAZY", "MAX_STATES", "MAX_TABLE", "Automaton", "Lazy", "TooLarge", "compile_lazy", "compile_search"]


class _TooManyStates(TooLarge):
    """The automaton passes ``MAX_STATES``: the search is written as its expression."""


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


class Lazy:
    """A search whose automaton would pass ``MAX_STATES``, written as its
    extended expression (``LAZY`` then ``lazy_table``'s text): the run-time
    matcher builds the states a text reaches, as it reaches them
    (``generator/python/runtime/_derivatives.py``)."""

    def __init__(self, x: Expressions, root: int) -> None:
        self.text = LAZY + lazy_table(x, root)
        self.matcher = LazySearch(self.text[len(LAZY) :])

    def __len__(self) -> int:
        return len(self.matcher.template.nodes)

    def run(self, text: str) -> bool:
        return self.matcher.search(text)

    def table(self) -> str:
        return self.text


def compile_search(pattern: str) -> Automaton | Lazy:
    """The automaton of a search for the emitted ``pattern`` (does it match
    anywhere in the text?), or its expression where the automaton would pass
    ``MAX_STATES`` or its table ``MAX_TABLE``; ``TooLarge`` if there is neither
    here."""
    tree = read(pattern)
    try:
        window = _window(tree)
    except TooLarge:
        window = None  # the whole pattern's automaton may still be small enough
    if window is not None:
        return window
    try:
        automaton = _determinise(*_search(tree))
    except _TooManyStates:
        return compile_lazy(pattern)
    return automaton if len(automaton.table()) <= MAX_TABLE else compile_lazy(pattern)


def compile_lazy(pattern: str) -> Lazy:
    """The search for the emitted ``pattern`` as an expression, whatever its
    automaton's size."""
    return Lazy(*_search(read(pattern)))


def _search(tree: Node) -> tuple[Expressions, int]:
    """The expression of a search for ``tree``, alone in its ``Expressions``."""
    x = Expressions()
    builder = Builder(x)
    body = builder.then(tree, ALL)
    # A match may start anywhere: a leading loop over any character, unless
    # every branch must start at the beginning of the input.
    branches = tree[1] if tree[0] == "alt" else (tree,)
    if not all(_anchored(branch) for branch in branches):
        body = x.cat((ALL, body))
    return x, body


def _window(tree: Node) -> Automaton | None:
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
    x = Expressions()
    match = Builder(x).then(rest, ALL)
    if any(node[0] == "behind" for node in x.nodes):
        return None
    body_id = x.cat((ALL, x.conj((match, x.cat((x.rep(repeat[1], repeat[1], x.set(ANY)), ALL))))))
    automaton = _determinise(x, body_id)
    automaton.window = repeat[2]
    return automaton


def _anchored(node: Node) -> bool:
    if node[0] == "cat":
        return bool(node[1]) and _anchored(node[1][0])
    if node[0] == "alt":
        return all(map(_anchored, node[1]))
    return node == ("bol",)


def _determinise(x: Expressions, root: int) -> Automaton:
    d = Derivatives(x)
    count = len(d.classes)
    states: dict[tuple[int, tuple[bool, ...]], int] = {}
    order: list[tuple[int, tuple[bool, ...]]] = []

    def state(key: tuple[int, tuple[bool, ...]]) -> int:
        if key[0] == NONE:
            return -1
        if key not in states:
            if len(order) >= MAX_STATES:
                raise _TooManyStates(f"more than {MAX_STATES} automaton states")
            states[key] = len(order)
            order.append(key)
        return states[key]

    if state((root, d.start_prev)) < 0:
        return Automaton(d.classes, [tuple(-1 for _ in d.classes)], [False])  # nothing matches
    rows: list[tuple[int, ...]] = []
    final: list[bool] = []
    index = 0
    while index < len(order):
        item, prev = order[index]
        final.append(d.nullable(item, prev, END))
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
        signatures: dict[tuple[int, tuple[int, ...]], int] = {}
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
    new_rows = [
        tuple(number[block[t]] if t >= 0 and block[t] >= 0 else -1 for t in rows[s]) for _, s in by_number
    ]
    new_final = [final[s] for _, s in by_number]
    return Automaton(classes, new_rows, new_final)
