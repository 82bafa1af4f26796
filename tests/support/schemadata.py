"""Documents generated from our JSON schemas: valid ones, and each valid one
broken in every way its schema allows (one constraint at one place each).

Strings that must match a pattern are drawn from the pattern itself (walking
Python's parse of it with a seeded random), then checked; the corpus is the
same on every run.
"""

import copy
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.schemas.documents import ref_name

try:  # Python 3.11+
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants
    import sre_parse

Path = tuple[str | int, ...]
MAX_DEPTH = 6


@dataclass(frozen=True)
class Case:
    """One corpus document and what was done to it (``valid`` if nothing)."""

    label: str
    document: Any


class RegexSampler:
    """Random strings from a Python regex parse tree (assertions ignored:
    the result is checked against the pattern afterwards)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def sample(self, pattern: str, stretch: int = 3) -> str:
        """``stretch``: how far past its minimum an unbounded repeat may go."""
        self.stretch = stretch
        return "".join(self._items(sre_parse.parse(pattern)))

    def _items(self, items: Any) -> Iterator[str]:
        for op, arg in items:
            yield from self._item(op, arg)

    def _item(self, op: Any, arg: Any) -> Iterator[str]:
        c = sre_constants
        if op is c.LITERAL:
            yield chr(arg)
        elif op is c.NOT_LITERAL:
            yield "a" if arg != ord("a") else "b"
        elif op is c.ANY:
            yield "x"
        elif op is c.IN:
            yield self._in(arg)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            low, high, body = arg
            high = low + self.stretch if high is c.MAXREPEAT else high
            for _ in range(self.rng.randint(low, min(high, low + self.stretch))):
                yield from self._items(body)
        elif op is c.SUBPATTERN:
            yield from self._items(arg[-1])
        elif op is c.BRANCH:
            yield from self._items(self.rng.choice(arg[1]))
        elif op in (c.AT, c.ASSERT, c.ASSERT_NOT, c.GROUPREF):
            return

    def _in(self, items: Any) -> str:
        c = sre_constants
        choices: list[tuple[int, int]] = []
        negated = False
        for op, arg in items:
            if op is c.NEGATE:
                negated = True
            elif op is c.LITERAL:
                choices.append((arg, arg))
            elif op is c.RANGE:
                choices.append(arg)
            elif op is c.CATEGORY:
                choices.append((0x30, 0x39) if "DIGIT" in str(arg) else (0x61, 0x7A))
        if negated:
            for candidate in "aZ0_-.x ":
                if not any(lo <= ord(candidate) <= hi for lo, hi in choices):
                    return candidate
            return "\u00e9"
        lo, hi = self.rng.choice(choices)
        # Mostly ASCII where the range allows, so that documents stay readable.
        if lo < 0x7F and self.rng.random() < 0.8:
            hi = min(hi, 0x7E)
        return chr(self.rng.randint(lo, hi))


class DocumentFactory:
    """Valid documents for one schema file (``$defs`` + root ``$ref``)."""

    def __init__(self, schema: dict[str, Any], seed: int = 0, max_depth: int = MAX_DEPTH) -> None:
        self.schema = schema
        self.max_depth = max_depth
        self.defs: dict[str, Any] = schema.get("$defs", {})
        self.rng = random.Random(seed)
        self.sampler = RegexSampler(self.rng)

    def resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            schema = self.defs[ref_name(schema["$ref"])]
        return schema

    def root(self) -> dict[str, Any]:
        return self.resolve(self.schema)

    def document(self, full: bool) -> Any:
        """Required members only (``full=False``) or every member."""
        return self.value(self.schema, full, 0)

    def value(self, schema: dict[str, Any], full: bool, depth: int) -> Any:
        schema = self.resolve(schema)
        kind = schema.get("type")
        if kind is None:
            return {"any": ["json", 1, True, None]}
        if kind == "object" and "properties" in schema:
            return self.structure(schema, full, depth)
        if kind == "object":
            count = max(schema.get("minProperties", 0), 1 if full and depth < self.max_depth else 0)
            count = min(count, schema.get("maxProperties", count))
            keys = self.strings(self.resolve(schema["propertyNames"]), count)
            return {key: self.value(schema["additionalProperties"], full, depth + 1) for key in keys}
        if kind == "array":
            count = max(schema.get("minItems", 0), 1 if full and depth < self.max_depth else 0)
            count = min(count, schema.get("maxItems", count))
            return [self.value(schema["items"], full, depth + 1) for _ in range(count)]
        if kind == "string":
            return self.strings(schema, 1)[0]
        if kind == ["string", "number"]:
            return self.rng.choice(["2024-02-29T12:30:00Z", "2020-01-01", 1700000000, 1700000000.5])
        if kind == "integer":
            low, high = schema.get("minimum", -5), schema.get("maximum", 1000)
            return self.rng.randint(int(low), int(min(high, low + 1000)))
        if kind == "number":
            low, high = schema.get("minimum", 0.0), schema.get("maximum", 1000.0)
            return low + (min(high, low + 100) - low) * self.rng.random()
        if kind == "boolean":
            return self.rng.random() < 0.5
        raise AssertionError(f"no value for {schema}")

    def structure(self, schema: dict[str, Any], full: bool, depth: int) -> dict[str, Any]:
        names = list(schema["properties"])
        required = list(schema.get("required", ()))
        if schema.get("maxProperties") == 1:
            # Past the depth limit, the first member (recursion ends sooner or later).
            pick = self.rng.choice(names) if depth < self.max_depth else names[0]
            chosen = [pick] if names else []
        elif full and depth < self.max_depth:
            chosen = names
        else:
            chosen = required
        return {name: self.value(schema["properties"][name], full, depth + 1) for name in chosen}

    def strings(self, schema: dict[str, Any], count: int) -> list[str]:
        """``count`` distinct strings that meet the string schema."""
        if "enum" in schema:
            return list(schema["enum"])[:count] if count <= len(schema["enum"]) else []
        found: list[str] = []
        if count == 0:
            return found
        for attempt in range(400):
            candidate = self.string(schema, attempt)
            if candidate is not None and candidate not in found:
                found.append(candidate)
                if len(found) == count:
                    return found
        raise AssertionError(f"cannot make {count} strings for {schema}")

    def string(self, schema: dict[str, Any], attempt: int) -> str | None:
        low, high = schema.get("minLength", 0), schema.get("maxLength", 64)
        if "pattern" in schema:
            text = self.sampler.sample(schema["pattern"], 3 + attempt % 80)
            if len(text) < low and attempt % 2 and not schema["pattern"].endswith("(?![\\s\\S])"):
                text += "a" * (low - len(text))
        else:
            alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-_"
            length = self.rng.randint(max(low, 1), max(min(high, low + 12), max(low, 1)))
            text = "".join(self.rng.choice(alphabet) for _ in range(length))
        if not low <= len(text) <= high:
            return None
        if "pattern" in schema and re.search(schema["pattern"], text) is None:
            return None
        return text


def _get(document: Any, path: Path) -> Any:
    for step in path:
        document = document[step]
    return document


def _replace(document: Any, path: Path, value: Any) -> Any:
    result = copy.deepcopy(document)
    if not path:
        return value
    _get(result, path[:-1])[path[-1]] = value
    return result


_WRONG_TYPE: dict[str, list[Any]] = {
    "object": ["not an object", ["a"]],
    "array": [{"a": 1}, "a"],
    "string": [12345, ["a"], None],
    "integer": ["7", 1.5, True],
    "number": ["7", False],
    "boolean": ["true", 0],
}


class Mutator:
    """Every way to break one valid document, one constraint at a time."""

    def __init__(self, factory: DocumentFactory) -> None:
        self.factory = factory

    def cases(self, document: Any) -> Iterator[Case]:
        yield from self.walk(document, self.factory.schema, ())

    def walk(self, document: Any, schema: dict[str, Any], path: Path) -> Iterator[Case]:
        schema = self.factory.resolve(schema)
        value = _get(document, path)
        where = "/".join(map(str, path)) or "(top)"
        for label, broken in self.breakages(value, schema):
            yield Case(f"{where}: {label}", _replace(document, path, broken))
        kind = schema.get("type")
        if kind == "object" and "properties" in schema and isinstance(value, dict):
            for name in value:
                yield from self.walk(document, schema["properties"][name], path + (name,))
        elif kind == "object" and isinstance(value, dict):
            for key in value:
                yield from self.walk(document, schema["additionalProperties"], path + (key,))
        elif kind == "array" and isinstance(value, list):
            for index in range(len(value)):
                yield from self.walk(document, schema["items"], path + (index,))

    def breakages(self, value: Any, schema: dict[str, Any]) -> Iterator[tuple[str, Any]]:
        kind = schema.get("type")
        if kind is None:
            return
        for wrong in _WRONG_TYPE.get(kind if isinstance(kind, str) else "boolean", []):
            yield f"type {type(wrong).__name__}", wrong
        if kind == "object" and "properties" in schema:
            yield from self.structure(value, schema)
        elif kind == "object":
            yield from self.mapping(value, schema)
        elif kind == "array":
            if schema.get("minItems", 0) > 0:
                yield "too few items", value[: schema["minItems"] - 1]
            if schema.get("maxItems", 10**6) < 2000 and value:
                yield "too many items", (value * (schema["maxItems"] + 1))[: schema["maxItems"] + 1]
        elif kind == "string":
            yield from self.string(value, schema)
        elif kind in ("integer", "number"):
            if "minimum" in schema:
                yield "below minimum", schema["minimum"] - 1
            if "maximum" in schema:
                yield "above maximum", schema["maximum"] + 1
            if kind == "integer":
                yield "integral float", float(value)
        elif kind == ["string", "number"]:
            for label, text in (
                ("date words", "next tuesday"),
                ("trailing newline", "2020-01-01T00:00:00Z\n"),
            ):
                yield f"timestamp {label}", text

    def structure(self, value: dict[str, Any], schema: dict[str, Any]) -> Iterator[tuple[str, Any]]:
        yield "unknown member", {**value, "unexpectedMember": 1}
        for name in schema.get("required", ()):
            yield f"missing {name}", {k: v for k, v in value.items() if k != name}
        if schema.get("maxProperties") == 1:
            yield "empty union", {}
            other = next((name for name in schema["properties"] if name not in value), None)
            if other is not None:
                extra = self.factory.value(schema["properties"][other], False, 0)
                yield "two union members", {**value, other: extra}

    def mapping(self, value: dict[str, Any], schema: dict[str, Any]) -> Iterator[tuple[str, Any]]:
        key_schema = self.factory.resolve(schema["propertyNames"])
        sample = next(iter(value.values()), None)
        if sample is None:
            sample = self.factory.value(schema["additionalProperties"], False, 0)
        for label, key in self.string("", key_schema):
            if isinstance(key, str):
                yield f"key {label}", {**value, key: sample}
        if "maxProperties" in schema and schema["maxProperties"] < 200:
            keys = (
                self.factory.strings(key_schema, schema["maxProperties"] + 1)
                if "enum" not in key_schema
                else []
            )
            if keys:
                yield "too many entries", {key: sample for key in keys}

    def string(self, value: str, schema: dict[str, Any]) -> Iterator[tuple[str, Any]]:
        low, high = schema.get("minLength"), schema.get("maxLength")
        if low:
            yield "too short", value[: low - 1]
        if high is not None and high < 100000:
            yield "too long", (value or "a") + "a" * (high + 1 - len(value or "a"))
            yield "too long in code points", "\U0001f600" * (high + 1)
        if "enum" in schema:
            yield "not in enum", "NOT_A_MODEL_VALUE"
            yield "enum with trailing newline", schema["enum"][0] + "\n"
        if "pattern" in schema:
            for label, text in (
                ("trailing newline", value + "\n"),
                ("leading space", " " + value),
                ("astral character", value + "\U0001f600"),
                ("non-ASCII letter", "\u00e9" + value),
                ("non-ASCII digit", value + "\u0663"),
                ("line separator", value + "\u2028"),
                ("empty", ""),
            ):
                yield f"pattern {label}", text
