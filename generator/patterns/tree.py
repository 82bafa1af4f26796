"""The emitted pattern dialect read back into a small tree, for the
backtracking analysis (``backtracking.py``) and the rewrites
(``regex_guard.py``).

The dialect is itself ECMA-262, so the translator's own parser reads its
atoms; Python's parser is not used because it rewrites what it reads
(``(a|b)`` becomes a set), which JavaScript does not, and the analysis must
hold for both engines.
"""

import re
from dataclasses import dataclass
from typing import Any

from .charsets import ANY, LINE_TERMINATORS, Ranges, complement
from .translate import _Flags, _Parser


def intersect(a: Ranges, b: Ranges) -> Ranges:
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


# The tree: ("set", ranges) one character; ("cat", items); ("alt", items);
# ("rep", low, high or None, item); ("look", item, ahead, positive) a
# lookaround; ("ref", item) a back-reference to the group ``item`` (what it
# captured, hence some text ``item`` reads); ("eps",) an assertion that reads
# nothing; ("eoi",) the end of input, ``(?![\s\S])``.
Node = tuple[Any, ...]


@dataclass(frozen=True)
class Item:
    """One quantified atom of a sequence: its tree and where its text is
    (``start:end`` the atom, ``end:stop`` the quantifier)."""

    atom: Node
    start: int
    end: int
    stop: int
    low: int
    high: int | None

    @property
    def node(self) -> Node:
        return self.atom if self.end == self.stop else ("rep", self.low, self.high, self.atom)


class _TreeParser(_Parser):
    """The emitted dialect (itself ECMA-262) read into the tree above, with
    no engine's rewriting: Python's parser would merge ``(a|b)`` into a set,
    which JavaScript does not, and the analysis must hold for both."""

    def tree(self) -> Node:
        #: Every sequence read, with where its group starts (-1: the top
        #: level, -2: a lookaround): the rewrites' material.
        self.sequences: list[tuple[int, list[Item]]] = []
        self.owners = [-1]
        #: The capturing groups by number (None while still open).
        self.captures: list[Node | None] = []
        node = self.alternatives()
        if self.pos != len(self.text):
            raise self.fail(f"unbalanced {self.peek()!r}")
        return node

    def alternatives(self) -> Node:
        branches = [self.sequence()]
        while self.peek() == "|":
            self.pos += 1
            branches.append(self.sequence())
        return branches[0] if len(branches) == 1 else ("alt", tuple(branches))

    def sequence(self) -> Node:
        items: list[Item] = []
        owner = self.owners[-1]
        while self.peek() not in ("", "|", ")"):
            start = self.pos
            atom = self.item()
            end = self.pos
            text = self.quantifier()
            high: int | None
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

    def item(self) -> Node:
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
                number = int(match.group()[1:])
                if number <= len(self.captures) and self.captures[number - 1] is not None:
                    return ("ref", self.captures[number - 1])
                # A reference to a group still open may repeat any text: a loop over anything.
                return ("rep", 0, None, ("set", ANY))
            if self.peek(1) in ("b", "B"):
                self.pos += 2
                return ("eps",)
            return ("set", self.class_atom_escape(_Flags(), in_class=False))
        self.pos += 1
        return ("set", ((ord(char), ord(char)),))

    def group_tree(self) -> Node:
        start = self.pos
        self.pos += 1
        kind = "group"
        for prefix, name in (("?:", "group"), ("?=", "ahead"), ("?!", "not ahead"), ("?<=", "behind"), ("?<!", "not behind")):
            if self.text.startswith(prefix, self.pos):
                self.pos += len(prefix)
                kind = name
                break
        capture = None
        if self.pos == start + 1:
            capture = len(self.captures)
            self.captures.append(None)
        self.owners.append(start if kind == "group" else -2)
        inner = self.alternatives()
        self.owners.pop()
        if self.peek() != ")":
            raise self.fail("an unclosed group")
        self.pos += 1
        if capture is not None:
            self.captures[capture] = inner
        if kind == "group":
            return inner
        if kind == "not ahead" and inner == ("set", ANY):
            return ("eoi",)  # ``(?![\\s\\S])``, how the dialect writes ``$``
        if kind == "not ahead" and inner == ("cat", ()):
            return ("set", ())  # ``(?!)``: the empty set, never matches
        return ("look", inner, kind in ("ahead", "not ahead"), kind in ("ahead", "behind"))


def tree(pattern: str) -> Node:
    """The emitted pattern as a tree (see above)."""
    return _TreeParser(pattern).tree()


def sequences(pattern: str) -> list[tuple[int, list[Item]]]:
    """The pattern's sequences of quantified atoms, each with the offset of
    the group it is in (-1 at the top level, -2 in a lookaround)."""
    parser = _TreeParser(pattern)
    parser.tree()
    return parser.sequences


def anchored(node: Node) -> bool:
    """Whether every match must start at the beginning of the input."""
    if node[0] == "cat":
        if node[1] and node[1][0][0] == "look" and not anchored(node[1][0]):
            # A lookaround reads nothing: ``(?!\s)^...`` starts where ``^`` is.
            return anchored(("cat", node[1][1:]))
        return bool(node[1]) and anchored(node[1][0])
    if node[0] == "alt":
        return all(anchored(item) for item in node[1])
    if node[0] == "look":
        # ``(?=^...)``: a lookahead that holds at the start only.
        return bool(node[2] and node[3]) and anchored(node[1])
    return node == ("bol",)


def sets_of(pattern: str) -> list[Ranges]:
    """Every character set the pattern reads (for building test texts)."""
    found: list[Ranges] = []
    pending = [tree(pattern)]
    while pending:
        node = pending.pop()
        if node[0] == "set":
            found.append(node[1])
        elif node[0] in ("cat", "alt"):
            pending.extend(node[1])
        elif node[0] == "rep":
            pending.append(node[3])
        elif node[0] in ("look", "ref"):
            pending.append(node[1])
    return found
