"""Runs the pipeline over one or many services, in parallel processes.

Each service is loaded, rendered, verified and written (or compared, for
``--check``) by a worker on its own; the parent only gathers hashes, renders
the cross-service indexes and swaps the finished tree in. Services whose
inputs did not change since the last run are taken from the old tree.
"""

import concurrent.futures
import functools
import multiprocessing
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.clirules.versions import VERSIONS
from generator.errors import VerificationError
from generator.model.ir import ServiceEntry
from generator.model.loader import forget_models, model_fingerprint, model_size, resolve_api_version
from generator.pipeline import cache
from generator.render import Renderer

from .kinds import render_index
from .progress import Progress
from .service import load, render, select_operations
from .verify import verify
from .writer import (
    MANIFEST,
    Staging,
    compare,
    list_tree,
    locked,
    manifest_text,
    prepare,
    sha256,
    with_manifest,
    write_files,
)


@dataclass(frozen=True)
class Job:
    service: str
    api_version: str | None = None
    operations: tuple[str, ...] = ()
    #: The AWS CLI major version whose artifacts are rendered.
    cli_version: int = 1
    #: Where in the output tree that version's tree lands ('' or ``v2/``).
    root: str = ""

    @property
    def name(self) -> str:
        """The job's name in messages and in the cache: ``ecr``, ``v2/ecr``."""
        return f"{self.root}{self.service}"

    @property
    def target(self) -> tuple[int, str]:
        return (self.cli_version, self.root)


@dataclass(frozen=True)
class Settings:
    out: Path
    data_paths: tuple[str, ...] = ()
    jobs: int = 1
    use_cache: bool = True
    #: The model's examples on the operation pages (``--no-examples``: none).
    examples: bool = True


@dataclass(frozen=True)
class Rendered:
    job: Job
    entry: ServiceEntry
    #: path -> (sha256, size, mtime_ns); size and time are 0 in check mode.
    files: dict[str, tuple[str, int, int]]
    report: tuple[str, ...] = ()
    reused: bool = False


@dataclass
class Summary:
    services: int = 0
    operations: int = 0
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    report: list[str] = field(default_factory=list)


def _entry(service_name: str, full_name: str, api_version: str, cli_names: Sequence[str]) -> ServiceEntry:
    return ServiceEntry(service_name, full_name, api_version, tuple(sorted(cli_names)))


@functools.cache
def _renderer() -> Renderer:
    """One per process: its templates are compiled once, not once per service."""
    return Renderer()


def _render_job(job: Job, settings: Settings, staging: Path | None, check: bool) -> Rendered:
    service = load(job.service, job.api_version, settings.data_paths, examples=settings.examples)
    operations = select_operations(service, job.operations)
    rendered = render(service, operations, _renderer(), VERSIONS[job.cli_version])
    files = {f"{job.root}{path}": data for path, data in rendered.items()}
    verify(files)
    entry = _entry(service.name, service.full_name, service.api_version, [op.cli_name for op in operations])
    if check:
        report = compare(files, settings.out)
        return Rendered(job, entry, {path: (sha256(data), 0, 0) for path, data in files.items()}, tuple(report))
    assert staging is not None
    return Rendered(job, entry, write_files(staging, files, settings.out))


def _merge(results: Sequence[Rendered]) -> dict[str, str]:
    """``{path: sha256}`` over every service; a path two services render is a bug."""
    owners: dict[str, str] = {}
    hashes: dict[str, str] = {}
    for result in results:
        for path, (digest, _, _) in result.files.items():
            if path in owners:
                raise VerificationError(
                    f"services {owners[path]!r} and {result.job.name!r} both render {path!r}"
                )
            owners[path] = result.job.name
            hashes[path] = digest
    return hashes


def _index_files(results: Sequence[Rendered], service_files: dict[str, str]) -> dict[str, bytes]:
    """The cross-service files of each CLI version's tree; none may stand where a service's file does."""
    files: dict[str, bytes] = {}
    for cli_version, root in sorted({result.job.target for result in results}):
        entries = sorted((r.entry for r in results if r.job.target == (cli_version, root)), key=lambda e: e.name)
        for path, text in render_index(entries, _renderer(), VERSIONS[cli_version]):
            files[f"{root}{path}"] = text.encode("utf-8")
    clash = sorted(files.keys() & service_files.keys())
    if clash:
        raise VerificationError(f"an index file is also a service's file: {clash[0]!r}")
    verify(files)
    return files


def _run_jobs(
    jobs: Sequence[Job],
    settings: Settings,
    staging: Path | None,
    check: bool,
    progress: Progress,
) -> list[Rendered]:
    results: list[Rendered] = []
    if settings.jobs <= 1 or len(jobs) <= 1:
        for job in jobs:
            result = _render_job(job, settings, staging, check)
            results.append(result)
            progress.advance(result.job.name, len(result.entry.operations), reused=False)
        return results
    context = multiprocessing.get_context("fork")

    def size(job: Job) -> int:
        return model_size(job.service, resolve_api_version(job.service, job.api_version, settings.data_paths),
                          settings.data_paths)

    # The biggest first, so that no worker starts ec2 when the others are done.
    # The results are merged by path: their order changes no output.
    ordered = sorted(jobs, key=size, reverse=True)
    with concurrent.futures.ProcessPoolExecutor(max_workers=settings.jobs, mp_context=context) as pool:
        futures = [pool.submit(_render_job, job, settings, staging, check) for job in ordered]
        try:
            for future in concurrent.futures.as_completed(futures):
                result = future.result()
                results.append(result)
                progress.advance(result.job.name, len(result.entry.operations), reused=False)
        except BaseException:
            for pending in futures:
                pending.cancel()
            raise
    return results


def check(jobs: Sequence[Job], settings: Settings, progress: Progress) -> Summary:
    """Compare ``settings.out`` with what would be generated; write nothing."""
    with locked(settings.out, exclusive=False):
        return _check(jobs, settings, progress)


def _check(jobs: Sequence[Job], settings: Settings, progress: Progress) -> Summary:
    forget_models()
    results = _run_jobs(jobs, settings, None, True, progress)
    expected = _merge(results)
    index = _index_files(results, expected)
    expected.update({path: sha256(data) for path, data in index.items()})
    summary = Summary(services=len(results), operations=sum(len(r.entry.operations) for r in results))
    report = [line for r in results for line in r.report] + compare(index, settings.out)
    report += compare({MANIFEST: manifest_text(expected)}, settings.out)
    report += [
        f"orphan: {path}" for path in list_tree(settings.out) if path not in expected and path != MANIFEST
    ]
    summary.report = sorted(report, key=lambda line: line.split(": ", 1)[1])
    return summary


def generate(jobs: Sequence[Job], settings: Settings, progress: Progress) -> Summary:
    """Render every job into a staging tree and swap it in as ``settings.out``."""
    with locked(settings.out, exclusive=True):
        return _generate(jobs, settings, progress)


def _generate(jobs: Sequence[Job], settings: Settings, progress: Progress) -> Summary:
    forget_models()
    out = settings.out.absolute()
    settings = Settings(out, settings.data_paths, settings.jobs, settings.use_cache, settings.examples)
    generator_key = cache.generator_fingerprint()
    keys: dict[str, str] = {}
    for job in jobs:  # before anything is written: unknown names fail here
        version = resolve_api_version(job.service, job.api_version, settings.data_paths)
        keys[job.name] = sha256(
            f"{generator_key}\0{job.cli_version}\0{version}\0{','.join(job.operations)}\0{settings.examples}\0"
            f"{model_fingerprint(job.service, version, settings.data_paths)}".encode()
        )
    old = prepare(out)
    cached = cache.load(out) if settings.use_cache else {}
    reusable: list[Rendered] = []
    to_render: list[Job] = []
    for job in jobs:
        key = keys[job.name]
        hit = cached.get(job.name)
        if hit is not None and cache.still_valid(hit, key, old, out):
            reusable.append(Rendered(job, hit.entry, dict(hit.files), reused=True))
        else:
            to_render.append(job)

    for reused in reusable:
        progress.advance(reused.job.name, len(reused.entry.operations), reused=True)
    if not to_render:
        expected = {p: d for reused in reusable for p, (d, _, _) in reused.files.items()}
        index = _index_files(reusable, expected)
        expected.update({path: sha256(data) for path, data in index.items()})
        if with_manifest(expected) == old and not compare(index, out):
            return Summary(
                services=len(reusable),
                operations=sum(len(reused.entry.operations) for reused in reusable),
                unchanged=len(old),
            )

    staging = Staging(out)
    try:
        for reused in reusable:
            staging.link(out, sorted(reused.files))
        results = _run_jobs(to_render, settings, staging.root, False, progress)
        rendered = results + reusable
        hashes = _merge(rendered)
        index = _index_files(rendered, hashes)
        staging.write(index)
        hashes.update({path: sha256(data) for path, data in index.items()})
        staging.commit(hashes)
    except BaseException:
        staging.discard()
        raise

    hashes_with_manifest = with_manifest(hashes)
    if settings.use_cache:
        cache.save(
            out,
            {r.job.name: cache.CachedService(keys[r.job.name], r.entry, r.files) for r in rendered},
        )
    return Summary(
        services=len(rendered),
        operations=sum(len(r.entry.operations) for r in rendered),
        written=sum(1 for path, digest in hashes_with_manifest.items() if old.get(path) != digest),
        unchanged=sum(1 for path, digest in hashes_with_manifest.items() if old.get(path) == digest),
        removed=sum(1 for path in old if path not in hashes_with_manifest),
    )
