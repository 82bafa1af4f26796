"""Strict validators: the input schemas compiled to straight-line Python.

Each shape's ``$defs`` entry (``schema.ShapeSchemas``, the very dict the
schema files carry) becomes one function ``check(value, path, errors)`` that
applies every keyword as JSON Schema 2020-12 defines it (each keyword on its
own, only to the JSON types it concerns), so that the validator rejects a
document exactly when ``jsonschema`` rejects it against the schema file. Scalar
members are checked inline in their structure, list or map; containers get a
call. Error lines follow botocore's wording and name the member's path.
"""

import ast
import hashlib
import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from typing import Any

from generator.model.ir import Service
from generator.patterns.guard import automatic
from generator.schemas.documents import ShapeSchemas, ref_name

from .layout import Call, Code, fits, literal, statement, string

# One message per keyword; the tests read the path and the kind back from these.
MESSAGES = {
    "type": "Invalid type for parameter {path}, value: {value!r}, type: {actual}, valid types: {valid}",
    "required": 'Missing required parameter in {path}: "{name}"',
    "additionalProperties": 'Unknown parameter in {path}: "{name}", must be one of: {names}',
    "minLength": "Invalid length for parameter {path}, value: {length}, valid min length: {limit}",
    "maxLength": "Invalid length for parameter {path}, value: {length}, valid max length: {limit}",
    "minimum": "Invalid value for parameter {path}, value: {value}, valid min value: {limit}",
    "maximum": "Invalid value for parameter {path}, value: {value}, valid max value: {limit}",
    "pattern": "Invalid pattern for parameter {path}, value: {value!r}, valid pattern: {pattern}",
    "enum": "Invalid value for parameter {path}, value: {value!r}, valid values: {values}",
    "union": "Invalid number of parameters set for tagged union structure {path}. "
    "Can only set one of the following keys: {names}.",
    "key": "Invalid key {key!r} for parameter {path}: {reason}",
}

_PY_TYPES = {
    "string": "str",
    "object": "dict",
    "array": "list",
    "boolean": "bool",
    "integer": "int",
    "number": "int, float",
}


@dataclass(frozen=True)
class Function:
    """One generated function: its name, the shape it checks, its ``def``
    line (or lines) and its body lines."""

    name: str
    shape: str
    signature: str
    lines: tuple[str, ...]


@dataclass
class _Module:
    """Constants (texts, compiled patterns, key sets, enum sets) shared by the
    functions, each value under one name."""

    constants: dict[str, Any] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)

    def constant(self, prefix: str, value: Any) -> str:
        source = literal(value)
        if source not in self.names:
            self.names[source] = f"_{prefix}{len(self.names)}"
            self.constants[self.names[source]] = value
        return self.names[source]


NO_INPUT = "check_no_input"


def function_name(shape: str | None) -> str:
    if shape is None:
        return NO_INPUT
    safe = re.sub(r"\W", "_", shape, flags=re.ASCII)
    if safe != shape:
        # Two names may differ only in characters replaced here: keep them apart.
        safe += "_" + hashlib.sha256(shape.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return "check_" + safe


def _fstring_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace("{", "{{").replace("}", "}}")


def _fstring(body: str) -> str:
    """An f-string of ``body`` (backslashes and braces already escaped), quoted
    as black quotes it: double quotes unless single ones need fewer escapes."""
    if body.count('"') > body.count("'"):
        return "f'" + body.replace("'", "\\'") + "'"
    return 'f"' + body.replace('"', '\\"') + '"'


_FIELD = re.compile(r"\{(\w+)(!r)?\}")
_TOP = 'path or "input"'


@dataclass(frozen=True)
class _Member:
    """The path of a structure member's value: ``path.member``, or ``member``
    at the top."""

    name: str


#: Where an error's value is: a Python expression, or a structure member.
Where = str | _Member


class Compiler:
    """Emits each function's lines as black lays them out, so that the module
    needs no black pass. A line that would not fit names its members through
    module constants instead; ``unsure`` is set if even that does not fit, and
    the caller then formats the module with black."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self.schemas = ShapeSchemas(service)
        self.module = _Module()
        self.unsure = False
        #: Whether some pattern is checked by an automaton (the module then imports the matcher).
        self.automata = False

    def text(self, text: str) -> str:
        return self.module.constant("TEXT", text)

    def fit(self, line: Callable[[bool], str]) -> str:
        """``line(False)`` (model names written out) when it fits, else
        ``line(True)`` (names as module constants)."""
        whole = line(False)
        if fits(whole):
            return whole
        short = line(True)
        self.unsure |= not fits(short)
        return short

    def where(self, path: Where, short: bool) -> str:
        if isinstance(path, str):
            return path
        if short:
            return f"path + {self.text('.' + path.name)} if path else {self.text(path.name)}"
        return f"path + {string('.' + path.name)} if path else {string(path.name)}"

    def argument(self, path: Where, short: bool) -> str:
        return path if isinstance(path, str) else f"({self.where(path, short)})"

    def error(self, kind: str, path: Where, indent: str, **fields: str) -> list[str]:
        """The value's path into ``where``, then an f-string error line.
        ``fields`` are Python expressions; string literals among them (model
        text) become module constants, numbers are written as text."""
        parts, start = [], 0
        template = MESSAGES[kind]
        for match in _FIELD.finditer(template):
            parts.append(_fstring_text(template[start : match.start()]))
            start = match.end()
            name, conversion = match.group(1), match.group(2) or ""
            expression = "where" if name == "path" else fields[name]
            if expression[:1] in ("'", '"'):
                expression = self.text(ast.literal_eval(expression))
            elif re.fullmatch(r"-?[0-9.e+]+", expression):
                parts.append(_fstring_text(expression))
                continue
            if name in ("value", "key"):
                # Any value a caller passes: a huge integer or a deep list may not print.
                expression = f"_show({expression}, repr)" if conversion else f"_show({expression})"
                conversion = ""
            parts.append("{" + expression + conversion + "}")
        parts.append(_fstring_text(template[start:]))
        message = _fstring("".join(parts))
        return [
            self.fit(lambda short: f"{indent}where = {self.where(path, short)}"),
            *statement(Call("errors.append", [("", Code(message))]), len(indent) // 4),
        ]

    def call(self, function: str, value: str, path: Where, indent: str) -> list[str]:
        def lines(short: bool) -> list[str]:
            arguments = [("", Code(value)), ("", Code(self.argument(path, short))), ("", Code("errors"))]
            return statement(Call(function, arguments), len(indent) // 4)

        whole = lines(False)
        if all(map(fits, whole)):
            return whole
        short = lines(True)
        self.unsure |= not all(map(fits, short))
        return short

    def schema(self, name: str) -> dict[str, Any]:
        return self.schemas(name, "input")

    def is_container(self, name: str) -> bool:
        return self.schema(name).get("type") in ("object", "array")

    def functions(self, root: str | None, done: Collection[str]) -> Iterator[Function]:
        """The functions ``root`` needs that are not in ``done`` (their names)."""
        if root is None:
            # No input shape: the schema is an object with no members.
            empty = {"type": "object", "properties": {}, "additionalProperties": False}
            yield self.function(NO_INPUT, "(no input)", self.container_body(empty))
            return
        for name in self.service.reachable(root, into_json_values=False):
            if (self.is_container(name) or name == root) and function_name(name) not in done:
                yield self.function(function_name(name), name, self.function_body(name))

    def function(self, name: str, shape: str, body: list[str]) -> Function:
        signature = f"def {name}(value, path: str, errors: list[str]) -> None:"
        if not fits(signature):
            signature = f"def {name}(\n    value, path: str, errors: list[str]\n) -> None:"
            self.unsure |= not fits(f"def {name}(")
        return Function(name, shape, signature, tuple(body))

    def function_body(self, name: str) -> list[str]:
        schema = self.schema(name)
        if schema.get("type") not in ("object", "array"):
            return self.scalar("value", _TOP, name, "    ")
        return self.container_body(schema)

    def container_body(self, schema: dict[str, Any]) -> list[str]:
        kind = schema["type"]
        lines = [f"    if not isinstance(value, {_PY_TYPES[kind]}):"]
        lines += self.error("type", _TOP, "        ", value="value", actual="_TYPES.get(type(value)) or type(value)",
                            valid=repr(f"<class '{_PY_TYPES[kind]}'>"))
        lines.append("        return")
        if "properties" in schema:
            lines += self.structure(schema)
        elif kind == "object":
            lines += self.mapping(schema)
        else:
            lines += self.array(schema)
        return lines

    def structure(self, schema: dict[str, Any]) -> list[str]:
        properties: dict[str, Any] = schema["properties"]
        keys = self.module.constant("KEYS", _frozenset(properties))
        names = ", ".join(properties)
        lines = [
            f"    if not {keys}.issuperset(value):",
            "        for key in value:",
            f"            if key not in {keys}:",
            *self.error("additionalProperties", _TOP, "                ", name="key", names=repr(names)),
        ]
        for required in schema.get("required", ()):
            lines.append(self.fit(lambda short: f"    if {self.key(required, short)} not in value:"))
            lines += self.error("required", _TOP, "        ", name=repr(required))
        if schema.get("maxProperties") == 1:
            lines.append("    if len(value) != 1:")
            lines += self.error("union", _TOP, "        ", names=repr(names))
        for member, member_schema in properties.items():
            lines.append(self.fit(lambda short: f"    if {self.key(member, short)} in value:"))
            lines.append(self.fit(lambda short: f"        item = value[{self.key(member, short)}]"))
            lines += self.reference("item", _Member(member), member_schema, "        ")
        return lines

    def key(self, member: str, short: bool) -> str:
        return self.text(member) if short else string(member)

    def mapping(self, schema: dict[str, Any]) -> list[str]:
        lines = self.bounds("len(value)", _TOP, schema, "minProperties", "maxProperties", "    ")
        lines.append("    for key, item in value.items():")
        lines.append("        if not isinstance(key, str):")
        lines += self.error("key", _TOP, "            ", key="key", reason=repr("not a string"))
        # The value is checked all the same, as JSON Schema checks it.
        key_checks = self.key_checks(ref_name(schema["propertyNames"]["$ref"]), "            ")
        if key_checks:
            lines += ["        else:", *key_checks]
        lines += self.reference("item", 'f"{path}.{key}"', schema["additionalProperties"], "        ")
        return lines

    def array(self, schema: dict[str, Any]) -> list[str]:
        lines = self.bounds("len(value)", _TOP, schema, "minItems", "maxItems", "    ")
        lines.append("    for index, item in enumerate(value):")
        lines += self.reference("item", 'f"{path}[{index}]"', schema["items"], "        ")
        return lines

    def reference(self, value: str, path: Where, schema: dict[str, Any], indent: str) -> list[str]:
        """The checks of a member, list item or map value: a call or inline."""
        if "$ref" not in schema:
            return [f"{indent}pass"]  # a JSON value member: any value
        target = ref_name(schema["$ref"])
        if self.is_container(target):
            return self.call(function_name(target), value, path, indent)
        return self.scalar(value, path, target, indent)

    def bounds(self, size: str, path: Where, schema: dict[str, Any], low: str, high: str, indent: str) -> list[str]:
        lines = []
        if low in schema:
            lines.append(f"{indent}if {size} < {schema[low]!r}:")
            lines += self.error("minLength", path, indent + "    ", length=size, limit=repr(schema[low]))
        if high in schema:
            lines.append(f"{indent}if {size} > {schema[high]!r}:")
            lines += self.error("maxLength", path, indent + "    ", length=size, limit=repr(schema[high]))
        return lines

    def key_checks(self, name: str, indent: str) -> list[str]:
        """``propertyNames``: the key shape's string keywords (keys are strings)."""
        schema = self.schema(name)
        lines = []
        tests = []
        if "minLength" in schema:
            tests.append((f"len(key) < {schema['minLength']!r}", f"shorter than {schema['minLength']}"))
        if "maxLength" in schema:
            tests.append((f"len(key) > {schema['maxLength']!r}", f"longer than {schema['maxLength']}"))
        broken = self.pattern_broken("key", name, schema)
        if broken:
            tests.append((broken, "does not match " + self.pattern_source(name)))
        if "enum" in schema:
            values = self.module.constant("ENUM", _frozenset(schema["enum"]))
            tests.append((f"key not in {values}", "not one of " + ", ".join(schema["enum"])))
        for test, reason in tests:
            lines.append(f"{indent}if {test}:")
            lines += self.error("key", _TOP, indent + "    ", key="key", reason=repr(reason))
        return lines

    def pattern_source(self, name: str) -> str:
        return self.service.shape(name).constraints.pattern or ""

    def scalar(self, value: str, path: Where, name: str, indent: str) -> list[str]:
        """Inline checks of a scalar shape (documents check nothing)."""
        schema = self.schema(name)
        kind = schema.get("type")
        inner = indent + "    "
        if kind is None:
            return [f"{indent}pass"]
        type_error = self.error("type", path, inner, value=value, actual=f"_TYPES.get(type({value})) or type({value})",
                                valid=repr(_valid_types(kind)))
        lines: list[str] = []
        if kind == "string":
            body = self.bounds(f"len({value})", path, schema, "minLength", "maxLength", inner)
            body += self.pattern_check(value, path, name, schema, inner)
            lines += [f"{indent}if isinstance({value}, str):", *(body or [f"{inner}pass"])]
            lines += [f"{indent}else:", *type_error]
        elif kind in ("integer", "number"):
            number = f"isinstance({value}, (int, float)) and not isinstance({value}, bool)"
            body = []
            if kind == "integer":
                body.append(f"{inner}if isinstance({value}, float) and not {value}.is_integer():")
                body += self.error("type", path, inner + "    ", value=value,
                                   actual=f"_TYPES.get(type({value})) or type({value})", valid=repr(_valid_types(kind)))
            for keyword, op in (("minimum", "<"), ("maximum", ">")):
                if keyword in schema:
                    body.append(f"{inner}if {value} {op} {schema[keyword]!r}:")
                    body += self.error(keyword, path, inner + "    ", value=value, limit=repr(schema[keyword]))
            lines += [f"{indent}if {number}:", *(body or [f"{inner}pass"]), f"{indent}else:", *type_error]
        elif kind == "boolean":
            lines += [f"{indent}if not isinstance({value}, bool):", *type_error]
        elif kind == ["string", "number"]:
            lines += [f"{indent}if isinstance({value}, str):"]
            lines += self.pattern_check(value, path, name, schema, inner) or [f"{inner}pass"]
            lines += [
                f"{indent}elif not (isinstance({value}, (int, float)) and not isinstance({value}, bool)):",
                *type_error,
            ]
        else:
            raise AssertionError(f"no strict check for type {kind!r}")
        if "enum" in schema:
            values = self.module.constant("ENUM", _frozenset(schema["enum"]))
            lines.append(f"{indent}if not (isinstance({value}, str) and {value} in {values}):")
            lines += self.error("enum", path, inner, value=value, values=repr(", ".join(schema["enum"])))
        return lines

    def pattern_broken(self, value: str, name: str, schema: dict[str, Any]) -> str:
        """The test that ``value`` breaks the shape's pattern ("" if none is
        checked): by ``re`` where the schema carries the pattern, else (a
        backtracking search could be slow on it) by its automaton."""
        if "pattern" in schema:
            return f"{self.module.constant('SEARCH', _search(schema['pattern']))}({value}) is None"
        source = self.service.shape(name).constraints.pattern
        table = automatic(source).table if source is not None else None
        if table is None:
            return ""
        self.automata = True
        return f"not {self.module.constant('MATCH', Call('Automaton', [('', table)], trailer='.search'))}({value})"

    def pattern_check(self, value: str, path: Where, name: str, schema: dict[str, Any], indent: str) -> list[str]:
        broken = self.pattern_broken(value, name, schema)
        if not broken:
            return []
        shown = self.pattern_source(name) or "an ISO 8601 date-time"
        return [
            f"{indent}if {broken}:",
            *self.error("pattern", path, indent + "    ", value=value, pattern=repr(shown)),
        ]


def _search(pattern: str) -> Call:
    return Call("re.compile", [("", pattern)], trailer=".search")


def _frozenset(items: Any) -> Call:
    """A frozenset with its items sorted (a frozenset's repr is not)."""
    return Call("frozenset", [("", tuple(sorted(items)))])


def _valid_types(kind: Any) -> str:
    if kind == ["string", "number"]:
        return "<class 'str'>, <class 'int'>, <class 'float'>"
    return ", ".join(f"<class '{name}'>" for name in _PY_TYPES[kind].split(", "))


@dataclass(frozen=True)
class StrictModule:
    functions: tuple[Function, ...]
    #: ``(name, value)`` pairs, in order of first use; values are ``pyformat`` data.
    constants: tuple[tuple[str, Any], ...]
    #: Whether some line may not be as black writes it (the module then needs black).
    unsure: bool
    #: Whether some pattern is checked by an automaton (``_automaton.Automaton``).
    automata: bool = False


def compile_shapes(service: Service, roots: list[str | None]) -> StrictModule:
    """Every check function the roots need, and the constants they use."""
    compiler = Compiler(service)
    functions: dict[str, Function] = {}
    for root in sorted(set(roots), key=lambda name: name or ""):
        for function in compiler.functions(root, functions.keys()):
            functions[function.name] = function
    return StrictModule(
        functions=tuple(functions[name] for name in sorted(functions)),
        constants=tuple(compiler.module.constants.items()),
        unsure=compiler.unsure,
        automata=compiler.automata,
    )
