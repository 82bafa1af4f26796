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

_PAGINATION_GUIDE = (
    ' <p>For usage examples, see <a href="https://docs.aws.amazon.com/cli/latest/userguide/pagination.html">'
    "Pagination</a> in the <i>AWS Command Line Interface User Guide</i>.</p> "
)


@dataclass(frozen=True)
class CliOption:
    name: str
    type_name: str
    documentation: str


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
#: line, and also from any prefix of their names (``--out`` is ``--output``).
#: The parsers' runtime (``generator.python.runtime._cli``) keeps the same list.
GLOBAL_OPTION_NAMES = (
    "--debug",
    "--endpoint-url",
    "--no-verify-ssl",
    "--no-paginate",
    "--output",
    "--query",
    "--profile",
    "--region",
    "--version",
    "--color",
    "--no-sign-request",
    "--ca-bundle",
    "--cli-read-timeout",
    "--cli-connect-timeout",
    "--v2-debug",
)
