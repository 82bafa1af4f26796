"""The HTML-to-RST converter against the AWS CLI's own writer (awscli.bcdoc)."""

import html as html_module
import re

import pytest
from docutils import nodes
from docutils.core import publish_doctree

from generator.markup.rst import INDENT, convert, html_to_rst
from generator.pipeline.service import load

from .support.doc_oracle import awscli_doc_string

MODEL_SERVICES = ("ecr", "dynamodb", "kms", "rds-data", "verifiedpermissions", "sts")

# One input per construct found in botocore's models (and a few beyond).
CONSTRUCTS = {
    "paragraphs": "<p>First paragraph.</p> <p>Second   paragraph\n with a line break.</p>",
    "plain text": "Text without any markup.",
    "unordered list": "<p>Options:</p> <ul> <li> <p>one</p> </li> <li>two</li> </ul> <p>After.</p>",
    "ordered list": "<ol><li>first</li><li>second</li></ol>",
    "nested lists": "<ul><li>outer <ul><li>inner <ul><li>deepest</li></ul></li></ul></li><li>last</li></ul>",
    "code": "Set <code>imageTagMutability</code> to <code>IMMUTABLE</code>.",
    "code with trailing space": "The <code>sha256 </code> digest.",
    "bold and italic": "<b>Bold</b>, <i>italic</i>, <b>bold </b> and <i> italic</i> words.",
    "adjacent bold and italic": "<p><b>bold</b><i>italic</i></p>",
    "empty inline": "Before <b/> and <i></i> after.",
    "link": '<p>See <a href="https://example.com/doc">the guide</a> for more.</p>',
    "link with colon in title": '<a href="https://example.com">Note: this</a>',
    "link without title": '<p>Go to <a href="https://example.com/x"></a> now.</p>',
    "link with blank title": '<p>Go to <a href="https://example.com/y"> </a> now.</p>',
    "anchor without href": "Call <a>DescribeImages</a> first.",
    "anchor with other attribute": '<a name="top">Top</a> of the page.',
    "note": "<note><p>Take care.</p></note>",
    "important": "<important><p>Really take care.</p></important>",
    "danger": "<danger>Never do this.</danger>",
    "note inside list": "<ul><li><note>noted item</note></li></ul>",
    "fullname": "<fullname>Amazon Elastic Container Registry</fullname> <p>The service.</p>",
    "examples": "<p>Text.</p><examples><p>hidden example</p></examples><p>More.</p>",
    "codeblock": "<p>Run:</p><codeblock>aws ecr list-images</codeblock>",
    "entities": "<p>a &lt; b &amp;&amp; c &gt; d &quot;q&quot; &#39;s&#39; &nbsp;x&#x41;</p>",
    "stray whitespace": "  \n <p>  spaced   out  </p>\n\n  <p>\tagain\t</p>  ",
    "whitespace only": "   \n  ",
    "unknown tags": "<p>Keep <span>the</span> <div>words</div> of <foo bar='1'>unknown</foo> tags.</p>",
    "unclosed tags": "<p>Unclosed <b>bold and <i>italic <code>code",
    "unclosed list": "<ul><li>one<li>two",
    "less-than in text": "<p>Values must be < 10 and a <b> b.</p>",
    "less-than before a letter": "Use x<y and 1 <2.",
    "end tag nobody opened": "<p>Closed</p></p></b> then text.",
    "end tag at the very end": "text</ul>",
    "unfinished entity at the end": "Fish &amp; chips &am",
    "unfinished tag at the end": "Some text <b",
    "comment and doctype": "<!DOCTYPE html><!-- hidden --><p>Visible.</p>",
    "word ending in underscores": "<p>Tables (awsdms_ apply) match [a-zA-Z0-9_.-] or <b>Name_?</b> or x__.</p>",
    "link address with spaces": '<p>See <a href=" https://example.com/spaced ">the guide</a>.</p>',
    "link text then space": '<ul><li><a href="https://example.com/c"><i>Controls</i> </a></li></ul>',
    "words between pipes": "<p>Set |name| here, or a | b.</p>",
    "code ending in markup then space": "<li>Use <code>resolve:ssm:<i>parameter-ARN</i> </code> here.</li>",
    "code then code starting with space": "For <code>x-<i>algo</i> </code> header, replace <code> <i>algo</i> </code> with it.",
    "bold around code then space": "<li> <b><code>s3:PutObject</code> </b> - To put an object.</li>",
    "asterisks in text": "<p>The expression, for example \"cron(0 20 * * ? *)\".</p>",
    "bar before code": "<p>Valid values: <code>A</code> |<code>B</code> | <code>C</code></p>",
    "backquote in text": "<p>See the `partner documentation.</p>",
    "link without address": '<p>See the <a href="">partner documentation</a> first.</p>',
    "link text starting with space": '<p>Use <a href="https://example.com/run/"> <code>docker run</code> </a>.</p>',
    "bold of only space": "<li><code>Name</code> - the contents of <code>E</code> <b> </b> <code>N</code>.</li>",
    "text between list items": "<ol> <li>Minimum</li> Minimum size. <li>Maximum</li> Maximum size.</ol>",
}

# Where the CLI loses text (an end tag with nothing open makes its writer
# fail and drop the whole string; the space after an unknown tag is dropped,
# gluing two words), we keep it; those cases are checked for kept words.
CLI_LOSES_TEXT = {"end tag nobody opened", "unknown tags"}
# Where the CLI writes RST that docutils reports errors in (a reference to a
# target no page defines) or warns about (inline markup that never closes:
# ``sphinx-build -W`` stops on both), we write valid RST; the text reads the same.
CLI_WRITES_INVALID = {
    "word ending in underscores",
    "link address with spaces",
    "link text then space",
    "link with blank title",
    "words between pipes",
    "code ending in markup then space",
    "code then code starting with space",
    "bold around code then space",
    "asterisks in text",
    "bar before code",
    "backquote in text",
    "link without address",
    "link text starting with space",
    "bold of only space",
    "text between list items",
}
# <fullname> and <examples> are hidden on purpose, as in the CLI.
HIDDEN = {"fullname": {"Amazon", "Elastic", "Container", "Registry"}, "examples": {"hidden", "example"}}


def _oracle(html: str, level: int) -> str:
    """What awscli writes, with the link targets its document appends at the end."""
    return awscli_doc_string(html, level)


def _ours_as_document(html: str, level: int) -> str:
    converted = convert(html, level)
    text = converted.text
    if converted.link_targets:
        text += "\n\n" + INDENT * level
        text += "".join(f"{INDENT * level}.. _{name}: {url}\n" for name, url in converted.link_targets)
    return text


def _words(html: str) -> set[str]:
    """The words of the text of an HTML string, by a regex independent of the converter."""
    text = re.sub(r"<!--.*?-->|<!DOCTYPE[^>]*>|</?[a-zA-Z][^<>]*>", " ", html)
    text = html_module.unescape(text)
    return {word for word in re.findall(r"[A-Za-z0-9]+", text)}


@pytest.mark.parametrize("level", [0, 1, 3])
@pytest.mark.parametrize("name", sorted(set(CONSTRUCTS) - CLI_LOSES_TEXT - CLI_WRITES_INVALID))
def test_construct_equals_awscli(name, level):
    html = CONSTRUCTS[name]
    assert _ours_as_document(html, level) == _oracle(html, level)


@pytest.mark.parametrize("name", sorted(CONSTRUCTS))
def test_construct_keeps_its_words(name):
    html = CONSTRUCTS[name]
    words = _words(html) - HIDDEN.get(name, set())
    output_words = set(re.findall(r"[A-Za-z0-9]+", html_to_rst(html)))
    assert words <= output_words
    for hidden in HIDDEN.get(name, set()):
        assert hidden not in output_words


@pytest.mark.parametrize("name", sorted(CLI_LOSES_TEXT))
def test_malformed_html_the_cli_drops_is_kept(name):
    html = CONSTRUCTS[name]
    theirs = set(re.findall(r"[A-Za-z0-9]+", _oracle(html, 0)))
    ours = set(re.findall(r"[A-Za-z0-9]+", html_to_rst(html)))
    assert not _words(html) <= theirs  # the CLI's loss, which we do not reproduce
    assert _words(html) <= ours


@pytest.mark.parametrize(
    "name",
    sorted(
        set(CONSTRUCTS)
        - {"less-than before a letter", "unfinished tag at the end", "link with colon in title"}
    ),
)
def test_construct_is_valid_rst(name):
    # With the link targets the page defines at its end.
    assert _problems(_ours_as_document(CONSTRUCTS[name], 0)) == []


def _problems(text: str) -> list[str]:
    """docutils' errors and warnings on a page of ``text``, also those its
    transforms find (unknown target names), which it keeps outside the tree."""
    document = publish_doctree(
        "Title\n=====\n\n" + text + "\n",
        settings_overrides={"report_level": 5, "halt_level": 5, "warning_stream": False},
    )
    messages = [*document.findall(nodes.system_message), *document.transform_messages]
    return [m.astext() for m in messages if m["level"] >= 2]


@pytest.mark.parametrize("name", sorted(CLI_WRITES_INVALID))
def test_where_the_cli_writes_invalid_rst_ours_is_valid(name):
    html = CONSTRUCTS[name]
    assert _problems(_oracle(html, 0))  # the CLI's page has an error or a warning here
    assert _problems(_ours_as_document(html, 0)) == []
    # Only the markup differs: the same words in the same order (link
    # targets aside, which only the CLI's version has for some).
    assert _text_words(_ours_as_document(html, 0)) == _text_words(_oracle(html, 0))


def _text_words(rst: str) -> list[str]:
    text = "\n".join(line for line in rst.splitlines() if not line.lstrip().startswith(".. _"))
    return re.findall(r"[A-Za-z0-9]+", text)


def test_empty_and_none_like_input():
    assert html_to_rst("") == ""
    assert convert("").link_targets == ()


def test_link_without_title_is_defined_as_a_target():
    converted = convert(CONSTRUCTS["link with blank title"])
    assert converted.link_targets == (("https://example.com/y", "https://example.com/y"),)
    assert convert(CONSTRUCTS["link without title"]).link_targets == ()


def _documentation_strings(name: str) -> list[str]:
    service = load(name)
    docs = {service.documentation} | {operation.documentation for operation in service.operations}
    for shape in service.shapes.values():
        docs.add(shape.documentation)
        docs.update(member.documentation for member in shape.members)
    return sorted(docs - {""})


@pytest.mark.parametrize("name", MODEL_SERVICES)
def test_every_model_documentation_string_equals_awscli(name):
    strings = _documentation_strings(name)
    assert len(strings) > 20
    mismatches = [
        html for html in strings for level in (0, 2) if _ours_as_document(html, level) != _oracle(html, level)
    ]
    # Where the CLI's RST has errors (kms: a link address ending in a space),
    # ours differs and has none.
    for html in mismatches:
        assert _problems(_oracle(html, 0)) and _problems(_ours_as_document(html, 0)) == [], html
    assert len(mismatches) <= 2 * len(strings) // 100


@pytest.mark.parametrize(
    "html", ["<p>.. include:: /etc/passwd</p>", ".. raw:: html", "<li>.. image:: x.png</li>"]
)
def test_model_text_never_becomes_a_directive(html):
    text = html_to_rst(html)
    document = publish_doctree(
        "Title\n=====\n\n" + text + "\n", settings_overrides={"report_level": 5, "warning_stream": False}
    )
    assert not list(document.findall(nodes.raw)) and not list(document.findall(nodes.image))
    assert [m for m in document.findall(nodes.system_message) if m["level"] >= 3] == []
    assert html.split("..")[1].split("<")[0].strip() in document.astext()


# Model text that tries to open explicit markup by other roads: pieces that
# join into ``..`` at a line's start, whitespace before it, list, enumeration
# and field markers before it, and a link address that breaks its line.
SMUGGLED = {
    "split by empty tags": "<p>.<i></i>. raw:: html</p><p> <i></i> <i></i>&lt;script&gt;x&lt;/script&gt;</p>",
    "after a space piece": "<p> <span>.. raw:: html</span></p>",
    "after a bullet": "<p>* .. raw:: html</p>",
    "after an enumerator": "<p>1. .. include:: /etc/passwd</p>",
    "after a field name": "<p>:a: .. raw:: html</p>",
    "substitution definition": "<p>.. |x| raw:: html</p>",
    "in a link address": '<a href="x\n\n.. raw:: html\n\n   <script>1</script>\n\nz"></a>',
    "in a titled link address": '<a href="x\n\n.. include:: /etc/passwd\n\nz">t</a>',
}


@pytest.mark.parametrize("level", [0, 1, 2])
@pytest.mark.parametrize("name", SMUGGLED)
def test_smuggled_markup_stays_text(name, level):
    converted = convert(SMUGGLED[name], level)
    targets = "".join(f"\n.. _{name}: {url}\n" for name, url in converted.link_targets)
    document = publish_doctree(
        "Title\n=====\n\n" + converted.text + "\n" + targets,
        settings_overrides={"report_level": 5, "warning_stream": False, "file_insertion_enabled": False},
    )
    assert not list(document.findall(nodes.raw))
    assert not list(document.findall(nodes.substitution_definition))
    assert [m for m in document.findall(nodes.system_message) if m["level"] >= 3] == []


def test_html_the_parser_cannot_read_is_an_input_error():
    from generator.errors import InputError
    from generator.markup.text import plain_text

    for convert_text in (html_to_rst, plain_text):
        with pytest.raises(InputError, match="cannot read"):
            convert_text("a<![ x ]>b")


@pytest.mark.parametrize("page", [".. raw:: html\n\n   <b>x</b>\n", "Text\n\n* .. include:: /etc/passwd\n"])
def test_the_page_check_refuses_raw_output_and_reading_files(page):
    from generator.pages.check import check_rst

    with pytest.raises(ValueError, match="has no place in a reference page"):
        check_rst("page.rst", page.encode())
    check_rst("page.rst", b"Text\n\n.. note::\n\n   A note is fine.\n")


@pytest.mark.parametrize("html", ["<p>a</p><note></note><p>b</p>", "<note> <p> </p> </note>", "<important/>"])
def test_an_empty_admonition_is_dropped_not_left_invalid(html):
    """The CLI writes ``.. note::`` with nothing under it (bedrock-agent-runtime's
    invoke-agent), which docutils rejects; the page check must pass."""
    from generator.pages.check import check_rst

    for level in (0, 1):
        text = convert(html, level).text
        assert ".. note::" not in text and ".. warning::" not in text
        check_rst("page.rst", ("Title\n=====\n\n" + text + "\n").encode())


def test_a_page_too_large_to_parse_gets_the_markup_line_check(monkeypatch):
    """quicksight's definition pages (up to 17 MB) are not parsed; their lines
    that open explicit markup must still be markup the generator writes."""
    from generator.pages import check as rstcheck

    monkeypatch.setattr(rstcheck, "FULL_PARSE_LIMIT", 10)
    ours = "Title\n=====\n\n.. note::\n\n  Text.\n\n.. _cli:aws x:\n\n.. _https://a: https://a\n"
    rstcheck.check_rst("page.rst", ours.encode())
    for smuggled in ("  .. raw:: html\n", ".. |x| image:: y.png\n", "* .. include:: /etc/passwd\n"[2:]):
        with pytest.raises(ValueError, match="explicit markup the generator does not write"):
            rstcheck.check_rst("page.rst", (ours + "\n" + smuggled).encode())


@pytest.mark.parametrize(
    "text",
    [
        "This example attaches a volume (``vol-1234``) as ``/dev/sdf``.",
        "The following example updates the strategy. ::\n",
        "1. First, the list that is none",
        "A. Einstein wrote this",
        "- not a bullet, * nor this, `nor` |this| word_ or back\\slash",
        "Text with ``an unclosed literal and ``x`` after it.",
    ],
)
def test_plain_text_becomes_valid_rst_with_the_same_words(text):
    """An example's title and description (plain text, with the ``literal``
    spans some authors write) as one paragraph of RST."""
    from generator.markup.rst import text_to_rst

    rst = text_to_rst(text)
    assert _problems(rst) == []
    document = publish_doctree("Title\n=====\n\n" + rst + "\n", settings_overrides={"report_level": 5})
    paragraphs = list(document.findall(nodes.paragraph))
    assert len(paragraphs) == 1 and not list(document.findall(nodes.list_item))
    assert re.findall(r"[A-Za-z0-9]+", paragraphs[0].astext()) == re.findall(r"[A-Za-z0-9]+", text)
