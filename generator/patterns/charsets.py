"""Sets of code points for the pattern translator: ranges, their complement,
the ECMA-262 class escapes, Unicode general categories and case closure.

A set is a sorted tuple of disjoint, non-adjacent ``(low, high)`` ranges.
"""

import bisect
import functools
import itertools
import unicodedata

MAX_CODE_POINT = 0x10FFFF
Ranges = tuple[tuple[int, int], ...]
#: Every code point: what `.` with the dotAll flag, or `[\s\S]`, matches.
ANY: Ranges = ((0, MAX_CODE_POINT),)


class Untranslatable(Exception):
    """The pattern has no faithful form in both engines; the message says why."""


def normalize(ranges: list[tuple[int, int]]) -> Ranges:
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(ranges):
        if merged and lo <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return tuple(merged)


def complement(ranges: Ranges) -> Ranges:
    result, start = [], 0
    for lo, hi in ranges:
        if lo > start:
            result.append((start, lo - 1))
        start = hi + 1
    if start <= MAX_CODE_POINT:
        result.append((start, MAX_CODE_POINT))
    return tuple(result)


DIGIT: Ranges = ((0x30, 0x39),)
WORD: Ranges = ((0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A))
# ECMA-262 WhiteSpace and LineTerminator (the Zs category as of Unicode 15).
SPACE: Ranges = normalize(
    [(0x09, 0x0D), (0x20, 0x20), (0xA0, 0xA0), (0x1680, 0x1680), (0x2000, 0x200A), (0x2028, 0x2029),
     (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000), (0xFEFF, 0xFEFF)]
)
LINE_TERMINATORS: Ranges = ((0x0A, 0x0A), (0x0D, 0x0D), (0x2028, 0x2029))
CLASS_ESCAPES = {"d": DIGIT, "w": WORD, "s": SPACE}
_PUNCT: Ranges = ((0x21, 0x2F), (0x3A, 0x40), (0x5B, 0x60), (0x7B, 0x7E))
#: Java's POSIX classes (US-ASCII only, as Java reads them without UNICODE_CHARACTER_CLASS).
JAVA_CLASSES: dict[str, Ranges] = {
    "Lower": ((0x61, 0x7A),),
    "Upper": ((0x41, 0x5A),),
    "Alpha": ((0x41, 0x5A), (0x61, 0x7A)),
    "Digit": DIGIT,
    "Alnum": ((0x30, 0x39), (0x41, 0x5A), (0x61, 0x7A)),
    "Punct": _PUNCT,
    "Graph": ((0x21, 0x7E),),
    "Print": ((0x20, 0x7E),),
    "Blank": ((0x09, 0x09), (0x20, 0x20)),
    "Cntrl": ((0x00, 0x1F), (0x7F, 0x7F)),
    "XDigit": ((0x30, 0x39), (0x41, 0x46), (0x61, 0x66)),
    "Space": ((0x09, 0x0D), (0x20, 0x20)),
    "all": ((0, MAX_CODE_POINT),),
}
#: Unicode's White_Space property (PropList.txt; unchanged since Unicode 6.3).
WHITE_SPACE: Ranges = (
    (0x09, 0x0D), (0x20, 0x20), (0x85, 0x85), (0xA0, 0xA0), (0x1680, 0x1680), (0x2000, 0x200A),
    (0x2028, 0x2029), (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000),
)
CONTROL_ESCAPES = {"t": 0x09, "n": 0x0A, "v": 0x0B, "f": 0x0C, "r": 0x0D}
_CATEGORY_NAMES = {
    "Letter": "L", "Cased_Letter": "LC", "Uppercase_Letter": "Lu", "Lowercase_Letter": "Ll",
    "Titlecase_Letter": "Lt", "Modifier_Letter": "Lm", "Other_Letter": "Lo", "Mark": "M",
    "Nonspacing_Mark": "Mn", "Spacing_Mark": "Mc", "Enclosing_Mark": "Me", "Number": "N",
    "Decimal_Number": "Nd", "Letter_Number": "Nl", "Other_Number": "No", "Punctuation": "P",
    "Connector_Punctuation": "Pc", "Dash_Punctuation": "Pd", "Open_Punctuation": "Ps",
    "Close_Punctuation": "Pe", "Initial_Punctuation": "Pi", "Final_Punctuation": "Pf",
    "Other_Punctuation": "Po", "Symbol": "S", "Math_Symbol": "Sm", "Currency_Symbol": "Sc",
    "Modifier_Symbol": "Sk", "Other_Symbol": "So", "Separator": "Z", "Space_Separator": "Zs",
    "Line_Separator": "Zl", "Paragraph_Separator": "Zp", "Other": "C", "Control": "Cc",
    "Format": "Cf", "Surrogate": "Cs", "Private_Use": "Co", "Unassigned": "Cn",
}


@functools.cache
def categories() -> dict[str, Ranges]:
    """General category -> ranges, from Python's Unicode database (one pass)."""
    collected: dict[str, list[tuple[int, int]]] = {}
    # map and groupby walk the 1.1 million code points in C; Python sees each
    # run of one category once (a few thousand runs, not a million points).
    start = 0
    for cat, run in itertools.groupby(map(unicodedata.category, map(chr, range(MAX_CODE_POINT + 1)))):
        end = start + len(list(run))
        collected.setdefault(cat, []).append((start, end - 1))
        start = end
    result = {cat: tuple(spans) for cat, spans in collected.items()}
    for major in "LMNPSZC":
        result[major] = normalize([r for cat, spans in collected.items() if cat[0] == major for r in spans])
    result["LC"] = normalize([r for cat in ("Lu", "Ll", "Lt") for r in result.get(cat, ())])
    return result


def unicode_property(name: str) -> Ranges:
    value = name.split("=", 1)[1] if "=" in name else name
    if "=" in name and name.split("=", 1)[0] not in ("General_Category", "gc"):
        raise Untranslatable(f"\\p{{{name}}}: only General_Category properties are translated")
    if name == "Any":
        return ((0, MAX_CODE_POINT),)
    if name == "ASCII":
        return ((0, 0x7F),)
    if name in JAVA_CLASSES:
        return JAVA_CLASSES[name]
    if name in ("LD", "IsLD"):
        # Java's letter or digit: Character.isLetterOrDigit.
        return normalize(list(unicode_property("L")) + list(unicode_property("Nd")))
    if name.startswith("Is") and name[2:] in ("White_Space", "WhiteSpace", "Whitespace"):
        return WHITE_SPACE
    if name in ("IsAlphabetic", "IsAlpha"):
        return alphabetic()
    code = _CATEGORY_NAMES.get(value, value)
    if name.startswith("Is") and "=" not in name:
        # Java: \p{IsL}, \p{IsLetter} are the category.
        code = _CATEGORY_NAMES.get(name[2:], name[2:])
    known = categories()
    if code not in known and code not in _CATEGORY_NAMES.values():
        if name.startswith("Is"):
            raise Untranslatable(f"\\p{{{name}}}: Python's Unicode database has no such property")
        raise Untranslatable(f"\\p{{{name}}} is not an ECMA-262 Unicode property (it is Java's or PCRE's)")
    return known.get(code, ())


@functools.cache
def alphabetic() -> Ranges:
    """Unicode's Alphabetic property (Java's ``\\p{IsAlphabetic}``,
    ``Character.isAlphabetic``) as of Python's Unicode version: the letters
    (L), the letter numbers (Nl) and Other_Alphabetic (PropList.txt). Python's
    database has no Other_Alphabetic: the regex library's table gives it
    (generator only, pinned in pyproject), kept to the code points that
    Python's database assigns, so that the set is of one Unicode version."""
    import regex  # type: ignore[import-untyped]

    known = categories()
    every = "".join(chr(cp) for cp in range(MAX_CODE_POINT + 1) if not 0xD800 <= cp <= 0xDFFF)
    other = [
        (cp, cp)
        for match in regex.finditer(r"\p{Other_Alphabetic}", every)
        if unicodedata.category(match.group()) != "Cn"
        for cp in (ord(match.group()),)
    ]
    return normalize(list(known["L"]) + list(known.get("Nl", ())) + other)


@functools.cache
def case_classes() -> tuple[tuple[int, ...], dict[int, tuple[int, ...]]]:
    """Code points with case variants -> every code point of the same simple
    case folding (the equivalence ECMA-262's ``u`` + ``i`` matching uses)."""
    groups: dict[str, list[int]] = {}
    for cp in range(MAX_CODE_POINT + 1):
        char = chr(cp)
        folded = char.casefold()
        key = folded if len(folded) == 1 else char.lower() if len(char.lower()) == 1 else char
        groups.setdefault(key, []).append(cp)
    table = {cp: tuple(members) for members in groups.values() if len(members) > 1 for cp in members}
    return tuple(sorted(table)), table


def single(ranges: Ranges) -> bool:
    return len(ranges) == 1 and ranges[0][0] == ranges[0][1]


def contains(ranges: Ranges, cp: int) -> bool:
    index = bisect.bisect_right(ranges, (cp, MAX_CODE_POINT + 1)) - 1
    return index >= 0 and ranges[index][0] <= cp <= ranges[index][1]


def case_closure(ranges: Ranges) -> Ranges:
    cased, table = case_classes()
    extra = [(other, other) for cp in cased if contains(ranges, cp) for other in table[cp]]
    return normalize(list(ranges) + extra)
