"""The AWS CLI's major versions as targets: what the artifact kinds render differently for each,
as data (the kinds read these fields; templates specific to a version are named in them).

Both versions read the same service models, so the IR is shared; what differs is the CLI's
own behaviour: v2 also prints a YAML input skeleton.
"""

from dataclasses import dataclass

from .options import (
    CLI_INPUT_DOCUMENT_V2,
    CLI_INPUT_JSON,
    GENERATE_CLI_SKELETON,
    GENERATE_CLI_SKELETON_V2,
    CliOption,
)


@dataclass(frozen=True)
class CliVersion:
    #: The CLI's major version (``--cli-version``).
    number: int
    #: Where this version's artifacts land inside the committed tree, which holds both
    #: ('' for its root); a tree of one version (``--out``) has them at its root.
    committed_root: str
    #: The skeleton files of an operation: ``(file suffix, template, skeleton builder name)``
    #: (the builders are in ``generator.skeletons.artifact``).
    skeletons: tuple[tuple[str, str, str], ...]
    #: After the type of a required option or member on a reference page ('' for none).
    required_marker: str
    #: Pages list each option's and member's constraints (min, max, pattern) and a
    #: member's enum values (v1 lists only an option's).
    page_constraints: bool
    #: The ``Syntax`` block of a list of enum strings says ``Where valid values are:``.
    list_syntax_values: bool
    #: The option that reads the request from a document, and ``--generate-cli-skeleton``.
    input_document_option: CliOption
    skeleton_option: CliOption


_JSON_SKELETONS = (
    ("input.json", "skeletons/operation.input.json.jinja", "input"),
    ("output.json", "skeletons/operation.output.json.jinja", "output"),
)

V1 = CliVersion(
    number=1,
    committed_root="",
    skeletons=_JSON_SKELETONS,
    required_marker="",
    page_constraints=False,
    list_syntax_values=True,
    input_document_option=CLI_INPUT_JSON,
    skeleton_option=GENERATE_CLI_SKELETON,
)
V2 = CliVersion(
    number=2,
    committed_root="v2/",
    skeletons=(*_JSON_SKELETONS, ("input.yaml", "skeletons/operation.input.yaml.jinja", "yaml-input")),
    required_marker=" [required]",
    page_constraints=True,
    list_syntax_values=False,
    input_document_option=CLI_INPUT_DOCUMENT_V2,
    skeleton_option=GENERATE_CLI_SKELETON_V2,
)

VERSIONS = {version.number: version for version in (V1, V2)}
