"""The options the AWS CLI adds to every command page, whatever the model.

Every operation gets ``--cli-input-json`` and ``--generate-cli-skeleton``
(but an operation whose output goes to a file, which gets ``outfile``);
every paginated operation also gets ``--starting-token``, ``--max-items`` and,
when its paginator names a limit key, ``--page-size``. Their documentation is
the CLI's own, written as the CLI writes it: the two skeleton options in
plain text with RST literals, the paging options in HTML like the model's.
Both go through the same ``rst`` filter; the differential tests hold them to
the CLI's pages.
"""

from dataclasses import dataclass

from generator.model.ir import Member, Operation, Service
from generator.python.runtime._cli import GLOBAL_OPTIONS

_PAGINATION_GUIDE = (
    ' <p>For usage examples, see <a href="https://docs.aws.amazon.com/cli/latest/userguide/pagination.html">'
    "Pagination</a> in the <i>AWS Command Line Interface User Guide</i>.</p> "
)


@dataclass(frozen=True)
class CliOption:
    name: str
    type_name: str
    documentation: str
    #: Further names of the same option, written ``--a | --b`` (the AWS CLI v2's
    #: ``--cli-input-json | --cli-input-yaml``).
    aliases: tuple[str, ...] = ()


CLI_INPUT_JSON = CliOption(
    "--cli-input-json",
    "string",
    "Performs service operation based on the JSON string provided. The JSON string follows the format "
    "provided by ``--generate-cli-skeleton``. If other arguments are provided on the command "
    "line, the CLI values will override the JSON-provided values. It is not possible to pass arbitrary "
    "binary values using a JSON-provided value as the string will be taken literally.",
)

GENERATE_CLI_SKELETON = CliOption(
    "--generate-cli-skeleton",
    "string",
    "Prints a JSON skeleton to standard output without sending an API request. If provided with no value "
    "or the value ``input``, prints a sample input JSON that can be used as an argument for "
    "``--cli-input-json``. If provided with the value ``output``, it validates the "
    "command inputs and returns a sample output JSON for that command.",
)

# The AWS CLI v2's texts for these two options are its own; whether to reproduce them is an
# open question for the project (issue 14). Until it is settled, the v2 pages describe the
# options in our words, and the tests compare the rest of each page with v2's (they take
# v2's texts from the oracle at test time).
CLI_INPUT_DOCUMENT_V2 = CliOption(
    "--cli-input-json",
    "string",
    "Reads the request from a JSON document (``--cli-input-json``) or a YAML document "
    "(``--cli-input-yaml``) laid out as ``--generate-cli-skeleton`` prints it; options given "
    "on the command line take precedence over the document's values. Give one of the two, not both.",
    aliases=("--cli-input-yaml",),
)

GENERATE_CLI_SKELETON_V2 = CliOption(
    "--generate-cli-skeleton",
    "string",
    "Prints a skeleton of the request and sends nothing: ``input`` (the default) as JSON for "
    "``--cli-input-json``, ``yaml-input`` as YAML for ``--cli-input-yaml``; ``output`` checks "
    "the options given and prints a sample response as JSON. Skeletons may change between "
    "releases of the AWS CLI.",
)

STARTING_TOKEN = CliOption(
    "--starting-token",
    "string",
    " <p>A token to specify where to start paginating. This is the <code>NextToken</code> from a "
    "previously truncated response.</p>" + _PAGINATION_GUIDE,
)

_PAGE_SIZE_DOCUMENTATION = (
    " <p>The size of each page to get in the AWS service call. This does not affect the number of items "
    "returned in the command's output. Setting a smaller page size results in more calls to the AWS "
    "service, retrieving fewer items in each call. This can help prevent the AWS service calls from "
    "timing out.</p>" + _PAGINATION_GUIDE
)

_MAX_ITEMS_DOCUMENTATION = (
    " <p>The total number of items to return in the command's output. If the total number of items "
    "available is more than the value specified, a <code>NextToken</code> is provided in the command's "
    "output. To resume pagination, provide the <code>NextToken</code> value in the "
    "<code>starting-token</code> argument of a subsequent command. <b>Do not</b> use the "
    "<code>NextToken</code> response element directly outside of the AWS CLI.</p>" + _PAGINATION_GUIDE
)


#: The positional argument of operations whose output the CLI writes to a file.
OUTFILE_DOCUMENTATION = "Filename where the content will be saved"


def paging_options(has_limit_key: bool, limit_type: str) -> tuple[CliOption, ...]:
    """``--starting-token``, ``--page-size`` (with a limit key) and ``--max-items``;
    the two sizes take the limit key's type (``integer`` without one)."""
    max_items = CliOption("--max-items", limit_type, _MAX_ITEMS_DOCUMENTATION)
    if has_limit_key:
        return (STARTING_TOKEN, CliOption("--page-size", limit_type, _PAGE_SIZE_DOCUMENTATION), max_items)
    return (STARTING_TOKEN, max_items)


#: The CLI's global options, which it reads wherever they stand on a command
#: line, and also from any prefix of their names (``--out`` is ``--output``):
#: the parsers' runtime holds the table, and pages read its names from there.
GLOBAL_OPTION_NAMES = tuple(option for option, _ in GLOBAL_OPTIONS)


@dataclass(frozen=True)
class Paging:
    """How a paginated operation's options stand in the CLI's argument table.

    The CLI keeps its options in one table by name: the members the paging
    options replace (the paginator's input tokens and limit key) stay in the
    request but get no option of their own, and a paging option whose name a
    member already has (acm's ``MaxItems``) takes that member's place and
    stands for it when pagination is off.
    """

    options: tuple[CliOption, ...]
    #: Member names the paging options replace.
    replaced: frozenset[str]
    #: Members whose option name is a paging option's, in model order.
    shadowed: tuple[Member, ...]
    #: The limit key is a string member (cloudfront, route53): the sizes are strings.
    string_limit: bool


def operation_paging(service: Service, operation: Operation) -> Paging | None:
    """The paging facts of ``operation``; None when it is not paginated."""
    paginator = operation.paginator
    if paginator is None:
        return None
    members = service.shape(operation.input).members if operation.input else ()
    limit = next((member for member in members if member.name == paginator.limit_key), None)
    limit_type = service.shape(limit.target).type if limit else "integer"
    options = paging_options(limit is not None, limit_type)
    names = {option.name for option in options}
    return Paging(
        options=options,
        replaced=frozenset(paginator.input_tokens) | {paginator.limit_key},
        shadowed=tuple(member for member in members if f"--{member.cli_name}" in names),
        string_limit=limit_type == "string",
    )
