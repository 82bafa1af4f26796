"""Command line: argument handling and exit codes only.

Exit codes: 0 done (or ``--check`` found the tree current), 1 ``--check``
found differences, 2 bad input (usage, unknown service or operation, unreadable
model), 3 the output failed its own verification, 4 the output directory could
not be written.
"""

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .errors import GeneratorError
from .generate import load, render, select_operations
from .writer import differences, write_tree

DEFAULT_SERVICE = "ecr"
DEFAULT_API_VERSION = "2015-09-21"
DEFAULT_OUT = Path("generated")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Generate AWS CLI artifacts from botocore service models. "
        "With no arguments, regenerate generated/ for every operation of ecr.",
    )
    parser.add_argument("--service", help=f"botocore service name (default: {DEFAULT_SERVICE})")
    parser.add_argument("--api-version", help="model version (default: the latest the loader finds)")
    parser.add_argument(
        "--operation",
        action="append",
        default=[],
        metavar="OP",
        help="an operation by API name (CompleteLayerUpload) or CLI name (complete-layer-upload); repeatable",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory (default: generated)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if --out differs")
    parser.add_argument(
        "--data-path",
        action="append",
        default=[],
        metavar="DIR",
        help="extra model folder, searched before botocore's own (as AWS_DATA_PATH); repeatable",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    return parser


def run(argv: Sequence[str]) -> int:
    args = _parser().parse_args(argv)
    started = time.monotonic()
    service_name = args.service or DEFAULT_SERVICE
    api_version = args.api_version or (DEFAULT_API_VERSION if args.service is None else None)
    service = load(service_name, api_version, args.data_path)
    operations = select_operations(service, args.operation)
    files = render(service, operations)
    if args.check:
        report = differences(files, args.out)
        for line in report:
            print(line)
        if report:
            print(f"{args.out}: {len(report)} file(s) differ; run `python -m generator` to regenerate")
            return 1
        if not args.quiet:
            print(f"{args.out}: up to date ({len(files)} files)")
        return 0
    summary = write_tree(files, args.out)
    if not args.quiet:
        print(
            f"{service.name} {service.api_version}: {len(operations)} operations, "
            f"{summary.written} files written, {summary.unchanged} unchanged, {summary.removed} removed "
            f"in {time.monotonic() - started:.1f}s -> {args.out}"
        )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return run(sys.argv[1:] if argv is None else argv)
    except GeneratorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("error: interrupted; the output directory is unchanged", file=sys.stderr)
        return 130
