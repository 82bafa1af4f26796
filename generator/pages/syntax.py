"""The syntax examples under an option: Shorthand Syntax and JSON Syntax.

Both are derived from the option's shape alone, laid out as the AWS CLI lays
them out (JSON at the code block's indent, two spaces a level).
"""

from generator.markup.rst import INDENT
from generator.model.ir import Service, Shape

SCALAR_TYPES = frozenset({"string", "float", "integer", "long", "boolean", "double", "blob", "timestamp"})
COMPLEX_TYPES = frozenset({"structure", "list", "map"})
# Deeper structures get no Shorthand Syntax example in the CLI.
_SHORTHAND_MAX_DEPTH = 3


class _TooComplex(Exception):
    pass


def is_document_container(service: Service, shape: Shape) -> bool:
    """A document, or a list or map of them (through nested lists and maps):
    the CLI takes these as JSON only."""
    while True:
        if shape.type == "list" and shape.member is not None:
            shape = service.shape(shape.member.target)
        elif shape.type == "map" and shape.value is not None:
            shape = service.shape(shape.value.target)
        else:
            return shape.document


class Layout:
    """Lays out text the way the CLI's writer does: a new line starts at the
    current indent."""

    def __init__(self, level: int) -> None:
        self.level = level
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        self.parts.append(text)

    def new_line(self) -> None:
        self.parts.append("\n" + INDENT * self.level)


def json_value(service: Service, shape: Shape, with_enum: bool = True) -> str:
    if shape.type == "string":
        if shape.constraints.enum and with_enum:
            return "|".join(f'"{value}"' for value in shape.constraints.enum)
        return '"string"'
    if shape.type == "boolean":
        return "true|false"
    return shape.type


def json_example(service: Service, shape: Shape, out: Layout, stack: list[str]) -> None:
    if stack.count(shape.name) > 1:
        if shape.type == "structure":
            out.write("{ ... recursive ... }")
        return
    stack.append(shape.name)
    try:
        _json_example_body(service, shape, out, stack)
    finally:
        stack.pop()


def _json_example_body(service: Service, shape: Shape, out: Layout, stack: list[str]) -> None:
    if shape.type == "list" and shape.member is not None:
        element = service.shape(shape.member.target)
        out.write("[")
        if element.type in SCALAR_TYPES:
            out.write(f"{json_value(service, element)}, ...")
        else:
            out.level += 1
            out.new_line()
            json_example(service, element, out, stack)
            out.new_line()
            out.write("...")
            out.level -= 1
            out.new_line()
        out.write("]")
    elif shape.type == "map" and shape.key is not None and shape.value is not None:
        value = service.shape(shape.value.target)
        out.write("{")
        out.level += 1
        out.write(f"{json_value(service, service.shape(shape.key.target))}: ")
        if value.type in SCALAR_TYPES:
            out.write(json_value(service, value))
        else:
            out.level += 1
            json_example(service, value, out, stack)
            out.level -= 1
        out.new_line()
        out.write("...")
        out.level -= 1
        out.write("}")
    elif shape.type == "structure" and shape.document:
        out.write("{...}")
    elif shape.type == "structure":
        out.write("{")
        out.level += 1
        out.new_line()
        for index, member in enumerate(shape.members):
            member_shape = service.shape(member.target)
            if member_shape.type in SCALAR_TYPES:
                out.write(f'"{member.name}": {json_value(service, member_shape)}')
            elif member_shape.type in COMPLEX_TYPES:
                out.write(f'"{member.name}": ')
                json_example(service, member_shape, out, stack)
            if index < len(shape.members) - 1:
                out.write(",")
                out.new_line()
        out.level -= 1
        out.new_line()
        out.write("}")


def _shorthand(service: Service, shape: Shape, stack: list[str]) -> str:
    if len(stack) > _SHORTHAND_MAX_DEPTH:
        raise _TooComplex
    if shape.type == "structure":
        parts = []
        for member in shape.members:
            member_shape = service.shape(member.target)
            if is_document_container(service, member_shape):
                continue
            if member_shape.name in stack:
                parts.append("( ... recursive ... )")  # the CLI writes no member name here
                continue
            stack.append(member_shape.name)
            try:
                parts.append(f"{member.name}={_shorthand(service, member_shape, stack)}")
            finally:
                stack.pop()
        inner = ",".join(parts)
        return "{" + inner + "}" if stack else inner
    if shape.type == "list" and shape.member is not None:
        element = service.shape(shape.member.target)
        stack.append(element.name)
        try:
            docs = _shorthand(service, element, stack)
        finally:
            stack.pop()
        if element.type in COMPLEX_TYPES or len(stack) > 1:
            return f"[{docs},{docs}]"
        return f"{docs},{docs}"
    if shape.type == "map" and shape.key is not None and shape.value is not None:
        value = service.shape(shape.value.target)
        stack.append(value.name)
        try:
            docs = _shorthand(service, value, stack)
        finally:
            stack.pop()
        text = f"KeyName1={docs},KeyName2={docs}"
        key = service.shape(shape.key.target)
        if key.constraints.enum and not stack:
            text += "\n\nWhere valid key names are:\n" + "".join(
                f"  {value}\n" for value in key.constraints.enum
            )
        elif stack:
            text = "{" + text + "}"
        return text
    return shape.type


def shorthand_lines(service: Service, shape: Shape) -> tuple[str, ...] | None:
    """The Shorthand Syntax lines; None where the CLI shows no syntax at all."""
    if is_document_container(service, shape) or shape.type not in COMPLEX_TYPES:
        return ()
    element = service.shape(shape.member.target) if shape.type == "list" and shape.member else None
    if element is not None and element.type not in COMPLEX_TYPES:
        return ()
    # A structure of one string ``Value`` gets no example at all.
    if shape.type == "structure" and [m.name for m in shape.members] == ["Value"]:
        if service.shape(shape.members[0].target).type == "string":
            return None
    try:
        if element is not None:
            text = _shorthand(service, element, []) + " ..."
        else:
            text = _shorthand(service, shape, [])
    except _TooComplex:
        return ()
    return tuple(text.splitlines())
