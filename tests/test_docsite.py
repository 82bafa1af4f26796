"""The doc site: Sphinx builds the project's pages (docs/) and generated/docs with -W, and a
browser shows the pages.

The browser test opens the built CompleteLayerUpload page in headless
Chromium (Debian's ``chromium``; scripts/test installs it), checks that the
title, every option and the Output section are visible, and saves a
screenshot to build/browser/.
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
    assert built == sorted([op.cli_name for op in ECR.operations] + ["index"])
    assert (site / "index.html").is_file()
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


def test_sphinx_builds_every_v2_page_without_warnings(site):
    """The AWS CLI v2 pages: a site of their own (``OUT/v2``), built with -W as well."""
    v2 = site / "v2"
    built = sorted(path.stem for path in (v2 / "ecr").glob("*.html"))
    assert built == sorted([op.cli_name for op in ECR.operations] + ["index"])
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
