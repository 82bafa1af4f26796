"""Builds generated reference pages into an HTML site with Sphinx (scripts/build-docs).

    scripts/build-docs [--tree DIR] [--jobs N] [OUT_DIR]     the pages of DIR (default: generated)
    scripts/build-docs --all [--jobs N] [OUT_DIR]            every service: generated into build/docs-rst first

The site is a root project, the project's pages (docs/, docs/index.rst the
front page) with the reference's root page (the tree's docs/index.rst as
``aws.html``, its toctree as links), and one Sphinx project per service
(``OUT/<service>/``): each page's navigation is its own service's, and each
service has its own search. A service's breadcrumbs reach the root page's
``cli:aws`` label through intersphinx (the root project's inventory). A tree
with a v2 reference (``v2/docs``) gets a second site in ``OUT/v2`` built the
same way, its root page alone. Services are built in parallel processes, and only
those whose pages changed since the last build into OUT (a digest of their
files in the tree's manifest, the Sphinx configuration and Sphinx's
version, kept in ``OUT/.build-state.json``); Sphinx itself then rereads
only the pages that changed. Any Sphinx warning is an error. Prints the
services built and the time; exit 1 if any build failed.
"""

import argparse
import concurrent.futures
import hashlib
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONF = ROOT / "docs-site"
STATE = ".build-state.json"
#: Where the root project's source is staged, inside OUT (Sphinx needs a folder).
ROOT_SOURCE = ".root-source"
_TOCTREE = re.compile(r"^\.\. toctree::\n(?:  :[^\n]*\n)*\n((?:  [^\n]+\n)+)", re.MULTILINE)


def _manifest(tree: Path) -> dict[str, str]:
    """``{path: sha256}`` of the generated tree (its ``.manifest``)."""
    digests = {}
    for line in (tree / ".manifest").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        digest, path = line.split("  ", 1)
        digests[path] = digest
    return digests


def _configuration_digest() -> str:
    import sphinx

    digest = hashlib.sha256(sphinx.__version__.encode())
    digest.update((CONF / "conf.py").read_bytes())
    return digest.hexdigest()


def service_digests(tree: Path, docs: str = "docs") -> dict[str, str]:
    """A digest per service (of the reference in ``tree/docs``) of everything its site depends on."""
    configuration = _configuration_digest()
    per_service: dict[str, list[str]] = {}
    depth = docs.count("/") + 1
    for path, digest in sorted(_manifest(tree).items()):
        parts = path.split("/")
        if "/".join(parts[:depth]) == docs and len(parts) > depth + 1:
            per_service.setdefault(parts[depth], []).append(f"{path}\0{digest}")
    return {
        name: hashlib.sha256("\n".join([configuration, *lines]).encode()).hexdigest()
        for name, lines in per_service.items()
    }


def root_page(index: str) -> str:
    """The tree's root page for the site: its toctree, which names other
    projects' pages, becomes a list of links to them."""
    match = _TOCTREE.search(index)
    if match is None:
        return index
    entries = [line.strip() for line in match.group(1).splitlines()]
    links = "".join(f"* `{entry.split('/')[0]} <{entry}.html>`__\n" for entry in entries)
    return index[: match.start()] + links + index[match.end() :]


def _sphinx(source: Path, out: Path, doctrees: Path, inventory: Path | None, root_uri: str = "..") -> tuple[int, str]:
    """Run one Sphinx build in this process; its exit code and messages."""
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from sphinx.cmd.build import build_main

    if inventory is not None:
        os.environ["DOCS_SITE_ROOT_INVENTORY"] = str(inventory)
        os.environ["DOCS_SITE_ROOT_URI"] = root_uri
    else:
        os.environ.pop("DOCS_SITE_ROOT_INVENTORY", None)
    messages = io.StringIO()
    argv = ["-W", "--keep-going", "-q", "-b", "html", "-c", str(CONF), "-d", str(doctrees), str(source), str(out)]
    with redirect_stdout(messages), redirect_stderr(messages):
        code = build_main(argv)
    return code, messages.getvalue()


def _build_service(name: str, docs: Path, out: Path) -> tuple[str, int, str, float]:
    started = time.monotonic()
    code, messages = _sphinx(docs / name, out / name, out / ".doctrees" / name, out / "objects.inv")
    return name, code, messages, time.monotonic() - started


def _root_source(docs: Path, source: Path, project_pages: Path | None) -> None:
    """The root project's pages: the project's own, and the reference's root
    page (``aws`` beside them, ``index`` alone); a name both use is an error."""
    if source.exists():
        shutil.rmtree(source)
    source.mkdir(parents=True)
    reference = root_page((docs / "index.rst").read_text(encoding="utf-8"))
    if project_pages is None:
        (source / "index.rst").write_text(reference, encoding="utf-8")
        return
    (source / "aws.rst").write_text(reference, encoding="utf-8")
    for page in sorted(project_pages.glob("*.rst")):
        if (source / page.name).exists():
            raise SystemExit(f"scripts/build-docs: {page} has the name of a generated page")
        shutil.copy(page, source / page.name)


def build(tree: Path, out: Path, jobs: int, docs_prefix: str = "docs", project_pages: Path | None = None) -> int:
    started = time.monotonic()
    docs = tree / docs_prefix
    out.mkdir(parents=True, exist_ok=True)
    digests = service_digests(tree, docs_prefix)
    state_file = out / STATE
    state = json.loads(state_file.read_text()) if state_file.exists() else {}
    # The root project first: the services' breadcrumbs link to its label.
    source = out / ROOT_SOURCE
    _root_source(docs, source, project_pages)
    code, messages = _sphinx(source, out, out / ".doctrees" / ROOT_SOURCE, None)
    failed = 0
    if code:
        print(f"root page: sphinx-build failed\n{messages}", file=sys.stderr)
        return 1
    for gone in sorted(set(state) - set(digests) - {"v2"}):
        shutil.rmtree(out / gone, ignore_errors=True)
        shutil.rmtree(out / ".doctrees" / gone, ignore_errors=True)
        del state[gone]
    stale = [
        name
        for name in sorted(digests)
        if state.get(name) != digests[name] or not (out / name / "index.html").is_file()
    ]
    # The biggest first, so that no worker starts ec2 when the others are done.
    stale.sort(key=lambda name: -sum(p.stat().st_size for p in (docs / name).rglob("*.rst")))
    context = multiprocessing.get_context("fork")
    with concurrent.futures.ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        futures = [pool.submit(_build_service, name, docs, out) for name in stale]
        for future in concurrent.futures.as_completed(futures):
            name, code, messages, seconds = future.result()
            if code:
                failed += 1
                state.pop(name, None)
                print(f"{name}: sphinx-build failed\n{messages}", file=sys.stderr)
            else:
                state[name] = digests[name]
                print(f"{name}: built in {seconds:.1f}s", flush=True)
            state_file.write_text(json.dumps(state, indent=1, sort_keys=True))
    print(
        f"{len(stale)} of {len(digests)} service(s) built, {failed} failed, "
        f"in {time.monotonic() - started:.1f}s -> {out}"
    )
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(prog="scripts/build-docs", description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "build" / "docs-site")
    parser.add_argument("--all", action="store_true", help="every service (generated into build/docs-rst)")
    parser.add_argument("--tree", type=Path, default=ROOT / "generated", help="a generated tree")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    tree = args.tree
    if args.all:
        tree = ROOT / "build" / "docs-rst"
        command = [sys.executable, "-m", "generator", "--all-services", "--out", str(tree), "--jobs", str(args.jobs)]
        started = time.monotonic()
        if subprocess.run(command, cwd=ROOT).returncode:
            return 1
        print(f"pages generated in {time.monotonic() - started:.1f}s -> {tree}")
    tree, out = tree.resolve(), args.out.resolve()
    code = build(tree, out, args.jobs, "docs", ROOT / "docs")
    if (tree / "v2" / "docs" / "index.rst").is_file():
        code |= build(tree, out / "v2", args.jobs, "v2/docs")
    return code


if __name__ == "__main__":
    sys.exit(main())
