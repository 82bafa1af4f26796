"""The doc site: scripts/build-docs builds the project's pages (docs/) and the
generated reference with -W (a root project and a Sphinx project per service),
and a browser shows and searches the pages.

The browser tests open the built pages in headless Chromium (Debian's
``chromium``; scripts/test installs it): the CompleteLayerUpload page, whose
title, every option and Output section must be visible (its screenshot goes
to build/browser/); the service's search page, which must find the pages of
an operation and of a member by name; and a page with an example, whose
command line must be visible.
"""

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.clirules.versions import V1
from generator.pages.content import options
from generator.pipeline.service import load

from .support.paths import ROOT

ECR = load("ecr", "2015-09-21")
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT = ROOT / "build" / "browser" / "complete-layer-upload.png"
# No network, no background services, a fresh profile: the page is a local file.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)

# Runs in the page after it has rendered; reports what a reader can see.
_PROBE = """
<script id="probe">
(function () {
  function visible(element) {
    if (!element) { return false; }
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return style.display !== "none" && style.visibility !== "hidden"
      && parseFloat(style.opacity) > 0 && box.width > 0 && box.height > 0;
  }
  const expected = JSON.parse(document.getElementById("probe-expected").textContent);
  const shown = document.body.innerText;
  const title = document.querySelector("h1");
  const literals = Array.from(document.querySelectorAll("#options code"));
  const options = {};
  for (const name of expected.options) {
    const element = literals.find(function (code) { return code.textContent === name; });
    options[name] = visible(element) && shown.includes(name);
  }
  const output = document.getElementById("output");
  const result = {
    title: title ? title.textContent.replace("\\u00b6", "").trim() : null,
    titleVisible: visible(title),
    options: options,
    outputHeading: output && output.querySelector("h2") ? output.querySelector("h2").textContent.replace("\\u00b6", "").trim() : null,
    outputVisible: visible(output) && visible(output.querySelector("h2")),
    outputMembersVisible: expected.outputMembers.every(function (name) { return shown.includes(name + " -> ("); }),
  };
  const report = document.createElement("pre");
  report.id = "probe-result";
  report.textContent = JSON.stringify(result);
  document.body.appendChild(report);
})();
</script>
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("docs-site") / "html"
    result = subprocess.run(
        [str(ROOT / "scripts" / "build-docs"), str(out)],
        env={**os.environ, "PYTHON": sys.executable},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_front_page_links_every_project_page_and_the_reference(site):
    front = (site / "index.html").read_text(encoding="utf-8")
    pages = sorted(path.stem for path in (ROOT / "docs").glob("*.rst") if path.stem != "index")
    assert pages, "docs/ holds the project's pages"
    for page in pages:
        assert f'href="{page}.html"' in front, page
        assert (site / f"{page}.html").is_file(), page
    # The generated root index (the `aws` page) is the reference's entry, linked from the front page.
    assert 'href="aws.html"' in front
    assert 'href="ecr/index.html"' in (site / "aws.html").read_text(encoding="utf-8")


def test_readme_links_every_project_page():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    linked = set(re.findall(r"\]\((docs/[^)#]+)\)", readme))
    pages = {f"docs/{path.name}" for path in (ROOT / "docs").glob("*.rst") if path.stem != "index"}
    assert linked == pages


def test_sphinx_builds_every_page_without_warnings(site):
    built = sorted(path.stem for path in (site / "ecr").glob("*.html"))
    # The service is a project of its own, with its own search page.
    assert built == sorted([op.cli_name for op in ECR.operations] + ["index", "search"])
    index = (site / "ecr" / "index.html").read_text(encoding="utf-8")
    for operation in ECR.operations:
        assert f'href="{operation.cli_name}.html"' in index
    # The waiters: linked from the service page through the wait page.
    assert 'href="wait/index.html"' in index
    waiters = sorted(waiter.cli_name for waiter in ECR.waiters)
    assert sorted(path.stem for path in (site / "ecr" / "wait").glob("*.html")) == sorted([*waiters, "index"])
    wait_index = (site / "ecr" / "wait" / "index.html").read_text(encoding="utf-8")
    for name in waiters:
        assert f'href="{name}.html"' in wait_index
    # Breadcrumbs reach the root page, from any depth (intersphinx).
    page = (site / "ecr" / "wait" / f"{waiters[0]}.html").read_text(encoding="utf-8")
    assert 'href="../../aws.html#cli-aws"' in page and 'href="../index.html#cli-aws-ecr"' in page


def test_the_navigation_does_not_repeat_the_service_on_every_page(site):
    """Only the service's index page lists its operations: a page links its
    neighbours, not all of them (the whole list on every page made EC2's
    HTML 14 times its RST)."""
    page = (site / "ecr" / "complete-layer-upload.html").read_text(encoding="utf-8")
    linked = {op.cli_name for op in ECR.operations if f'href="{op.cli_name}.html"' in page}
    assert len(linked) <= 2


def test_a_rebuild_redoes_only_what_changed(site):
    result = subprocess.run(
        [str(ROOT / "scripts" / "build-docs"), str(site)],
        env={**os.environ, "PYTHON": sys.executable},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("0 of 1 service(s) built") == 2  # v1's and v2's


def test_sphinx_builds_every_v2_page_without_warnings(site):
    """The AWS CLI v2 pages: a site of their own (``OUT/v2``), built with -W as well."""
    v2 = site / "v2"
    built = sorted(path.stem for path in (v2 / "ecr").glob("*.html"))
    assert built == sorted([op.cli_name for op in ECR.operations] + ["index", "search"])
    assert (v2 / "index.html").is_file()
    waiters = sorted(waiter.cli_name for waiter in ECR.waiters)
    assert sorted(path.stem for path in (v2 / "ecr" / "wait").glob("*.html")) == sorted([*waiters, "index"])
    page = (v2 / "ecr" / "complete-layer-upload.html").read_text(encoding="utf-8")
    assert "--cli-input-yaml" in page and "Constraints:" in page


def _chromium(*arguments: str, profile: Path) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM.exists(), "chromium is missing: scripts/test installs Debian's chromium package"
    return subprocess.run(
        [str(CHROMIUM), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *arguments],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _dom(url: str, profile: Path) -> str:
    """The page's DOM once its scripts have run (the search fills its results)."""
    dump = _chromium("--virtual-time-budget=10000", "--dump-dom", url, profile=profile)
    assert dump.returncode == 0, dump.stderr[-2000:]
    return dump.stdout


def _search_results(site: Path, query: str, profile: Path) -> list[str]:
    url = (site / "ecr" / "search.html").as_uri() + f"?q={query}"
    dom = _dom(url, profile)
    results = re.search(r'<ul class="search">(.*?)</ul>', dom, re.DOTALL)
    assert results, dom[-2000:]
    return re.findall(r'<a href="([^"#?]+)[^"]*"', results.group(1))


@pytest.mark.parametrize(
    "query, page",
    [
        ("CompleteLayerUpload", "complete-layer-upload.html"),  # an operation
        ("layerDigests", "complete-layer-upload.html"),  # a member
        ("imageScanFindings", "describe-image-scan-findings.html"),  # an output member
    ],
)
def test_the_search_finds_operations_and_members(site, tmp_path, query, page):
    found = _search_results(site, query, tmp_path / "profile")
    assert page in found, found


def test_an_example_command_is_visible_on_its_page(site, tmp_path):
    operation = ECR.operation("BatchDeleteImage")
    assert operation.examples
    dom = _dom((site / "ecr" / f"{operation.cli_name}.html").as_uri(), tmp_path / "profile")
    examples = re.search(r'<section id="examples">(.*?)</section>', dom, re.DOTALL)
    assert examples, dom[-2000:]
    text = html.unescape(re.sub(r"<[^>]+>", "", examples.group(1)))
    assert "aws ecr batch-delete-image \\\n    --image-ids imageTag=precise" in text
    assert operation.examples[0].title in text


def test_complete_layer_upload_renders_in_chromium(site, tmp_path):
    operation = ECR.operation("CompleteLayerUpload")
    page = site / "ecr" / f"{operation.cli_name}.html"
    expected = {
        "options": [name for option in options(ECR, operation, V1) for name in option.names],
        "outputMembers": [member.name for member in ECR.shape(operation.output).members],
    }
    probe_data = f'<script id="probe-expected" type="application/json">{json.dumps(expected)}</script>'
    probe = page.with_name(f"{operation.cli_name}.probe.html")
    probe.write_text(page.read_text(encoding="utf-8").replace("</body>", probe_data + _PROBE + "</body>"))

    dump = _chromium(
        "--virtual-time-budget=5000", "--dump-dom", probe.as_uri(), profile=tmp_path / "profile-dom"
    )
    assert dump.returncode == 0, dump.stderr[-2000:]
    found = re.search(r'<pre id="probe-result">(.*?)</pre>', dump.stdout, re.DOTALL)
    assert found, dump.stdout[-2000:]
    result = json.loads(html.unescape(found.group(1)))
    assert result["title"] == operation.cli_name and result["titleVisible"]
    assert len(result["options"]) == len(expected["options"]) == 6
    assert all(result["options"].values()), result["options"]
    assert result["outputHeading"] == "Output" and result["outputVisible"]
    assert result["outputMembersVisible"]

    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    SCREENSHOT.unlink(missing_ok=True)
    shot = _chromium(
        "--window-size=1280,2400",
        f"--screenshot={SCREENSHOT}",
        page.as_uri(),
        profile=tmp_path / "profile-shot",
    )
    assert shot.returncode == 0, shot.stderr[-2000:]
    assert SCREENSHOT.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert SCREENSHOT.stat().st_size > 20_000
