"""Back-references spelled out, where that is exact: a reference to a group
whose texts are finitely many is a choice among them, made once for the
group and its references together, which is regular.

The tree comes from ``derivatives.read``: ``("cap", number, body)`` a
capturing group, ``("ref", number)`` a reference to one. As in Python and
Java (the oracles), a reference to a group that took no part in the match
so far matches nothing. For each referenced group, the smallest part of the
pattern that holds it and its references (the whole, or a lookaround's
body) becomes: the paths that avoid the group (where its references fail),
or, for each text ``v`` the group can match, the paths through it with the
group and the references after it reading ``v``. A group inside a repeat
(whose references may see an earlier round's text) is refused.

A group of one character from a large set, ``(.)``, has too many texts to
list; in a pattern anchored at both ends (``^...$``) whose lookaround holds
the group, only the characters the pattern itself can read matter (any other
character fails it anyway), as in ``^(?!.*?(.)\\1{3})[-_!@#$a-zA-Z0-9]*$``:
66 choices, no four equal characters in a row.

JavaScript differs where a reference may find its group without a text:
there the reference matches the empty text (and a repeat forgets, at each
round, what its groups took in the round before), where Python and Java
fail it. ``unset_references`` names such references: a pattern that has
one means something else to a JSON Schema validator in JavaScript.
"""

import itertools

from .charsets import Ranges, normalize
from .tree import Node, intersect

#: More texts than this for one group and its references are not spelled out.
MAX_TEXTS = 256

_NOTHING: Node = ("set", ())


class TooLarge(Exception):
    """The pattern has no automaton here; the message says why."""


def expand_references(tree: Node) -> Node:
    """``tree`` with its back-references spelled out and groups unmarked."""
    while True:
        number = _first_reference(tree)
        if number is None:
            return _unmark(tree)
        tree = _expand(tree, number, _alphabet(tree))


def unset_references(tree: Node) -> list[int]:
    """The back-references (by group number, in order) that may be reached
    before their group has taken part in the match on every path there: in
    the current round of any repeat that holds the group, outside a negative
    lookaround that holds it. ``tree`` is ``derivatives.marked``'s."""
    found: list[int] = []

    def walk(node: Node, known: frozenset[int]) -> frozenset[int]:
        """The groups sure to hold a text after ``node``, given ``known`` before it."""
        kind = node[0]
        if kind == "ref":
            if node[1] not in known:
                found.append(node[1])
            return known
        if kind == "cap":
            return walk(node[2], known) | {node[1]}
        if kind == "cat":
            for item in node[1]:
                known = walk(item, known)
            return known
        if kind == "alt":
            branches = [walk(item, known) for item in node[1]]
            return frozenset.intersection(*branches) if branches else known
        if kind == "rep":
            # JavaScript starts each round with the round's groups unset.
            after = walk(node[3], known - _groups(node[3]))
            return after if node[1] > 0 else known
        if kind == "look":
            # What a positive lookaround took stays; a negative one keeps nothing.
            after = walk(node[3], known)
            return after if node[2] else known
        return known

    walk(tree, frozenset())
    return found


def _groups(node: Node) -> frozenset[int]:
    found = {node[1]} if node[0] == "cap" else set()
    for child in _children(node):
        found |= _groups(child)
    return frozenset(found)


def _first_reference(node: Node) -> int | None:
    kind = node[0]
    if kind == "ref":
        number: int = node[1]
        return number
    for child in _children(node):
        found = _first_reference(child)
        if found is not None:
            return found
    return None


def _children(node: Node) -> tuple[Node, ...]:
    kind = node[0]
    if kind in ("cat", "alt"):
        items: tuple[Node, ...] = node[1]
        return items
    if kind in ("rep", "look", "cap"):
        return (node[-1],)
    return ()


def _holds(node: Node, number: int, kinds: tuple[str, ...] = ("cap", "ref")) -> bool:
    if node[0] in kinds and node[1] == number:
        return True
    return any(_holds(child, number, kinds) for child in _children(node))


def _rebuild(node: Node, children: list[Node]) -> Node:
    kind = node[0]
    if kind in ("cat", "alt"):
        return (kind, tuple(children))
    return node[:-1] + (children[0],)


def _expand(node: Node, number: int, alphabet: Ranges | None) -> Node:
    """The smallest part holding group ``number`` and its references, spelled out."""
    children = _children(node)
    holders = [child for child in children if _holds(child, number)]
    if len(holders) == 1 and _holds(holders[0], number, ("cap",)) and node[:2] != ("cap", number):
        # The group and every reference are in one child: choose there.
        if node[0] == "rep" and node[2] != 1:
            raise TooLarge("a back-reference to a group inside a repeat")
        return _rebuild(
            node, [_expand(child, number, alphabet) if child is holders[0] else child for child in children]
        )
    if not _holds(node, number, ("cap",)):
        raise TooLarge("a back-reference to a group in a lookaround it is not in, or to none")
    texts = _texts(_find(node, number)[2], alphabet)
    avoid, _ = _split(node, number, False, "")
    return ("alt", (avoid, *(_split(node, number, False, text)[1] for text in texts)))


def _find(node: Node, number: int) -> Node:
    if node[0] == "cap" and node[1] == number:
        return node
    for child in _children(node):
        if _holds(child, number, ("cap",)):
            return _find(child, number)
    raise AssertionError("no such group")


def _literal(text: str) -> Node:
    return ("cat", tuple(("set", ((ord(char), ord(char)),)) for char in text))


def _split(node: Node, number: int, before: bool, text: str) -> tuple[Node, Node]:
    """The paths through ``node`` that avoid the group, and those through it
    (reading ``text``); ``before``: whether the group has been passed on the
    way here (its references then read ``text``, else nothing)."""
    kind = node[0]
    if kind == "cap" and node[1] == number:
        if _holds(node[2], number):
            raise TooLarge("a back-reference inside its own group")
        return _NOTHING, _literal(text)
    if kind == "ref" and node[1] == number:
        return (_literal(text) if before else _NOTHING), _NOTHING
    if not _holds(node, number):
        return node, _NOTHING
    if kind == "cat":
        first, rest = node[1][0], ("cat", node[1][1:])
        if len(node[1]) == 1:
            return _split(first, number, before, text)
        first_avoid, first_through = _split(first, number, before, text)
        rest_avoid, rest_through = _split(rest, number, before, text)
        after, _ = _split(rest, number, True, text)
        if _holds(first, number, ("cap",)) and _holds(rest, number, ("cap",)):
            raise TooLarge("a group read twice on one path")
        return ("cat", (first_avoid, rest_avoid)), (
            "alt",
            (("cat", (first_through, after)), ("cat", (first_avoid, rest_through))),
        )
    if kind == "alt":
        pairs = [_split(item, number, before, text) for item in node[1]]
        return ("alt", tuple(a for a, _ in pairs)), ("alt", tuple(t for _, t in pairs))
    if kind == "rep":
        low, high, body = node[1], node[2], node[3]
        if _holds(body, number, ("cap",)):
            if high != 1:
                raise TooLarge("a back-reference to a group inside a repeat")
            avoid, through = _split(body, number, before, text)
            return (("alt", (("cat", ()), avoid)) if low == 0 else avoid), through
        avoid, _ = _split(body, number, before, text)
        return ("rep", low, high, avoid), _NOTHING
    if kind == "look":
        if _holds(node[3], number, ("cap",)):
            raise TooLarge("a back-reference to a group inside a lookaround, from outside it")
        avoid, _ = _split(node[3], number, before, text)
        return node[:3] + (avoid,), _NOTHING
    if kind == "cap":
        avoid, through = _split(node[2], number, before, text)
        return ("cap", node[1], avoid), ("cap", node[1], through)
    raise TooLarge(f"no automaton for {kind!r}")


def _texts(node: Node, alphabet: Ranges | None) -> list[str]:
    """Every text ``node`` (a group's body) can match, or ``TooLarge``."""
    kind = node[0]
    if kind == "set":
        ranges: Ranges = node[1] if alphabet is None else intersect(node[1], alphabet)
        if sum(hi - lo + 1 for lo, hi in ranges) > MAX_TEXTS:
            raise TooLarge(f"a back-reference to a group of more than {MAX_TEXTS} texts")
        return [chr(cp) for lo, hi in ranges for cp in range(lo, hi + 1)]
    if kind == "cat":
        parts = [_texts(item, alphabet) for item in node[1]]
        found = ["".join(items) for items in itertools.product(*parts)]
    elif kind == "alt":
        found = [text for item in node[1] for text in _texts(item, alphabet)]
    elif kind == "rep" and node[2] is not None:
        body = _texts(node[3], alphabet)
        found = [
            "".join(items)
            for count in range(node[1], node[2] + 1)
            for items in itertools.product(body, repeat=count)
        ]
    elif kind == "cap":
        found = _texts(node[2], alphabet)
    else:
        raise TooLarge(f"a back-reference to a group with {kind!r}")
    unique = sorted(set(found))
    if len(unique) > MAX_TEXTS:
        raise TooLarge(f"a back-reference to a group of more than {MAX_TEXTS} texts")
    return unique


def _alphabet(tree: Node) -> Ranges | None:
    """The characters a match can hold, when the pattern is anchored at both
    ends and reads every character outside its lookarounds; else None."""
    if tree[0] != "cat" or not tree[1] or tree[1][0] != ("bol",) or tree[1][-1] != ("eoi",):
        return None
    found: list[tuple[int, int]] = []

    def walk(node: Node) -> None:
        if node[0] == "set":
            found.extend(node[1])
        elif node[0] != "look":
            for child in _children(node):
                walk(child)

    walk(tree)
    return normalize(found)


def _unmark(node: Node) -> Node:
    if node[0] == "cap":
        return _unmark(node[2])
    children = _children(node)
    if not children:
        return node
    return _rebuild(node, [_unmark(child) for child in children])
