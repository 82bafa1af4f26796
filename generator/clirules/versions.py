"""The AWS CLI's major versions as targets: what the artifact kinds render differently for each,
as data (the kinds read these fields; templates specific to a version are named in them).

Both versions read the same service models, so the IR is shared; what differs is the CLI's
own behaviour: v2 also prints a YAML input skeleton.
"""

from dataclasses import dataclass


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


_JSON_SKELETONS = (
    ("input.json", "skeletons/operation.input.json.jinja", "input"),
    ("output.json", "skeletons/operation.output.json.jinja", "output"),
)

V1 = CliVersion(number=1, committed_root="", skeletons=_JSON_SKELETONS)
V2 = CliVersion(
    number=2,
    committed_root="v2/",
    skeletons=(*_JSON_SKELETONS, ("input.yaml", "skeletons/operation.input.yaml.jinja", "yaml-input")),
)

VERSIONS = {version.number: version for version in (V1, V2)}
