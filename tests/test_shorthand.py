"""The generated shorthand parser against the AWS CLI's, on generated text."""

import awscli.clidriver  # noqa: F401  (imports awscli's modules in their working order)
from awscli.paramfile import ResourceLoadingError
from awscli.shorthand import ShorthandParseError, ShorthandParser
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generated.ecr._paramfile import ParamFileError
from generated.ecr._shorthand import ShorthandError, parse_shorthand

# The characters the grammar gives a meaning to, and a few it does not.
ALPHABET = "ab=,[]{}\"'\\ @.-_#:/\t\n\x0b\x1c\xa0é1"
WORDS = ["a=", "b=", "a@=", "=", ",", "[", "]", "{", "}", '"', "'", "\\,", "\\", " ", "x", "file://"]


def theirs(text: str):
    try:
        return ("ok", ShorthandParser().parse(text))
    except ShorthandParseError as exc:
        return ("error", str(exc))
    except ResourceLoadingError as exc:
        return ("file error", str(exc))


def ours(text: str):
    try:
        return ("ok", parse_shorthand(text))
    except ShorthandError as exc:
        return ("error", str(exc))
    except ParamFileError as exc:
        return ("file error", str(exc))


EXAMPLES = [
    "a=b",
    "a=b,c",
    "a=b,c,d=e",
    "a=[b,c],d=e",
    "a={b=c,d=[e,f]}",
    "a=[{b=c},{d=e}]",
    'a="x,y"',
    "a='x\\'y'",
    'a="x\\"y"',
    "a=x\\,y",
    "a=",
    "a=,b=c",
    "a=b,",
    "a==b",
    " a = b ",
    "a=b c",
    'a = "b" ',
    "a@=x",
    "a={b}",
    "a=[b,]",
    "a=[,]",
    "a={b=c,}",
    "a=b,c=d,c=e",
    "a={b=1,b=2}",
    "a=b,c d=e",
    "a=x,,y",
    "a=x,[y]",
    "a=[b]\x0b",
    "a=\x1cx",
    "a=\xa0x",
    "",
    "  ",
    ",",
    "a=b,c]",
    "a=[b]c",
    'a=x,"y"z',
    "a={",
    "a=[b c, d]",
    "a=b\\",
    "a=\\,",
    "=b",
    "a=x,y\\,z,w",
    "a@ =x",
    "a @=x",
    "a={b@=x}",
    "a=, a=",
    "a=b ,  a=c",
    # ``@=`` inside a hash reads files too, as soon as the value is parsed.
    "a={b@=file://}",
    "a={a@=file://",
    "a={b@=[file://,x]}",
]


def test_examples_agree():
    for text in EXAMPLES:
        assert ours(text) == theirs(text), text


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, max_size=24))
def test_random_text_agrees(text):
    assert ours(text) == theirs(text)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14).map("".join))
def test_random_token_sequences_agree(text):
    assert ours(text) == theirs(text)
