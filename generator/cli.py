"""Command line: argument handling and exit codes only.

Exit codes: 0 done (or ``--check`` found the tree current), 1 ``--check``
found differences, 2 bad input (usage, unknown service or operation, unreadable
model), 3 the output failed its own verification, 4 the output directory could
not be written.
"""

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from generator.clirules.versions import VERSIONS
from generator.errors import GeneratorError, InputError
from generator.model.loader import available_services
from generator.pipeline import batch
from generator.pipeline.progress import Progress

DEFAULT_SERVICE = "ecr"
DEFAULT_API_VERSION = "2015-09-21"
DEFAULT_OUT = Path("generated")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Generate AWS CLI artifacts from botocore service models. "
        "With no arguments, regenerate generated/ for every operation of ecr.",
    )
    parser.add_argument(
        "--service",
        action="append",
        default=[],
        metavar="S",
        help=f"botocore service name; repeatable (default: {DEFAULT_SERVICE})",
    )
    parser.add_argument("--all-services", action="store_true", help="every service the model folders hold")
    parser.add_argument("--api-version", help="model version (default: the latest the loader finds)")
    parser.add_argument(
        "--operation",
        action="append",
        default=[],
        metavar="OP",
        help="with one service: an operation by API name (CompleteLayerUpload) or CLI name "
        "(complete-layer-upload); repeatable",
    )
    parser.add_argument(
        "--out",
        type=Path,
        help="output directory; needed for any selection but the committed one (default: generated)",
    )
    parser.add_argument(
        "--cli-version",
        type=int,
        choices=sorted(VERSIONS),
        metavar="N",
        help="the AWS CLI major version whose artifacts are rendered: 1 or 2 (default: 1; "
        "the committed tree holds both, version 2 under v2/)",
    )
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if --out differs")
    parser.add_argument(
        "--data-path",
        action="append",
        default=[],
        metavar="DIR",
        help="extra model folder, searched before botocore's own (as AWS_DATA_PATH); repeatable",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="services rendered in parallel processes (default: the number of cores)",
    )
    parser.add_argument(
        "--no-examples", action="store_true", help="leave the model's examples out of the reference pages"
    )
    parser.add_argument("--no-cache", action="store_true", help="render every service, even unchanged ones")
    parser.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    return parser


def _selection_options(args: argparse.Namespace) -> list[str]:
    """The options given that select something other than the committed tree's contents."""
    given = {
        "--service": args.service,
        "--all-services": args.all_services,
        "--operation": args.operation,
        "--api-version": args.api_version,
        "--data-path": args.data_path,
        "--cli-version": args.cli_version,
    }
    return [option for option, value in given.items() if value]


def _out(args: argparse.Namespace) -> Path:
    """``--out``, or the committed tree when nothing but the committed selection is asked for."""
    if args.out is not None:
        return Path(args.out)
    options = _selection_options(args)
    if options:
        raise InputError(
            f"{options[0]} changes what is generated, so it needs --out DIR "
            f"(without --out only the committed {DEFAULT_OUT}/ tree is regenerated)"
        )
    return DEFAULT_OUT


def _check_data_paths(paths: Sequence[str]) -> None:
    for path in paths:
        if not Path(path).expanduser().is_dir():
            raise InputError(f"--data-path {path}: no such folder")


def _jobs(args: argparse.Namespace) -> list[batch.Job]:
    if args.all_services and args.service:
        raise InputError("give --service or --all-services, not both")
    if args.all_services:
        names = available_services(args.data_path)
    else:
        names = sorted(set(args.service)) or [DEFAULT_SERVICE]
    if args.operation and len(names) != 1:
        raise InputError("--operation needs exactly one --service")
    if args.api_version and len(names) != 1:
        raise InputError("--api-version needs exactly one --service")
    version = args.api_version or (
        DEFAULT_API_VERSION if not args.service and not args.all_services else None
    )
    if args.cli_version is None and not _selection_options(args):
        # The committed tree: every version, each in its own part of the tree.
        return [
            batch.Job(name, version, tuple(args.operation), cli.number, cli.committed_root)
            for cli in VERSIONS.values()
            for name in names
        ]
    return [batch.Job(name, version, tuple(args.operation), args.cli_version or 1) for name in names]


def _trees(jobs: Sequence[batch.Job]) -> str:
    """``ecr``, ``7 services``, ``ecr (CLI v1, v2)``: what a run covered."""
    services = sorted({job.service for job in jobs})
    versions = sorted({job.cli_version for job in jobs})
    what = services[0] if len(services) == 1 else f"{len(services)} services"
    return what + (f" for CLI v{' and v'.join(map(str, versions))}" if versions != [1] else "")


def run(argv: Sequence[str]) -> int:
    args = _parser().parse_args(argv)
    if args.jobs < 1:
        raise InputError("--jobs must be at least 1")
    started = time.monotonic()
    out = _out(args)
    _check_data_paths(args.data_path)
    jobs = _jobs(args)
    settings = batch.Settings(out, tuple(args.data_path), args.jobs, not args.no_cache, not args.no_examples)
    progress = Progress(len(jobs), enabled=not args.quiet)
    if args.check:
        summary = batch.check(jobs, settings, progress)
        for line in summary.report:
            print(line)
        if summary.report:
            print(
                f"{out}: {len(summary.report)} file(s) differ; run `python -m generator` to regenerate"
            )
            return 1
        if not args.quiet:
            print(f"{out}: up to date ({_trees(jobs)}, {summary.operations} operations)")
        return 0
    summary = batch.generate(jobs, settings, progress)
    if not args.quiet:
        print(
            f"{_trees(jobs)}: {summary.operations} operations, {summary.written} files written, "
            f"{summary.unchanged} unchanged, {summary.removed} removed "
            f"in {time.monotonic() - started:.1f}s -> {out}"
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
