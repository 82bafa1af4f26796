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

from generator.python.runtime._derivatives import ALL, END, EPS, NONE, Derivatives, Expressions, partition

from .charsets import ANY, Ranges
from .references import TooLarge, expand_references
from .tree import Node, _TreeParser

__all__ = [
    "ALL",
    "END",
    "EPS",
    "NONE",
    "Builder",
    "Derivatives",
    "Expressions",
    "TooLarge",
    "marked",
    "partition",
    "read",
]


# --- the pattern's tree, with lookaround kinds --------------------------------------


class _LookParser(_TreeParser):
    """The emitted dialect as a tree, as ``tree.py`` reads it, except that a
    lookaround keeps its kind: ``("look", ahead, positive, body)``, a
    capturing group its number, ``("cap", number, body)``, and a
    back-reference is ``("ref", number)``."""

    capture_count: int

    def item(self) -> Node:
        if self.peek() == "\\" and self.peek(1).isdigit() and self.peek(1) != "0":
            end = self.pos + 1
            while self.peek(end - self.pos).isdigit():
                end += 1
            number = int(self.text[self.pos + 1 : end])
            self.pos = end
            return ("ref", number)
        if self.peek() == "\\" and self.peek(1) in ("b", "B"):
            raise TooLarge("\\b outside the emitted dialect")
        return super().item()

    def group_tree(self) -> Node:
        start = self.pos
        self.pos += 1
        kind: tuple[bool, bool] | None = None
        capture = not self.text.startswith("?", self.pos)
        if capture:
            self.capture_count += 1
            number = self.capture_count
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
        if capture:
            return ("cap", number, inner)
        if kind is None:
            return inner
        if kind == (True, False) and inner == ("set", ANY):
            return ("eoi",)
        return ("look", kind[0], kind[1], inner)


def marked(pattern: str) -> Node:
    """The emitted pattern as a tree whose lookarounds keep their kind and
    whose capturing groups and back-references are numbered."""
    parser = _LookParser(pattern)
    parser.capture_count = 0
    return parser.tree()


def read(pattern: str) -> Node:
    """The emitted pattern as a tree whose lookarounds keep their kind, its
    back-references spelled out (``references.py``)."""
    return expand_references(marked(pattern))


# --- extended expressions (the run-time engine's, which the lazy search shares) ---------

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
