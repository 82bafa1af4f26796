"""``http://`` and ``https://`` parameter values: awscli downloads them and uses
the body; so do the parsers. Both fetch from the same loopback server
(``tests/support/urlserver.py``) and must agree on the parameters, or on the
exit code and the error line."""

import os
from pathlib import Path
from unittest import mock

import pytest

from .support.argv import run_ours
from .support.parser_corpus import ECR, assert_agrees
from .support.urlserver import ROUTES, refused_url, serving, silent_server, without_proxies

DESCRIBE_REPOSITORIES = ECR.operation("describe-repositories")
DESCRIBE_IMAGES = ECR.operation("describe-images")

#: Paths on the server: every fixed response, a 404, a connection closed
#: without a response, and targets that show how each client encodes a URL.
PATHS = (
    *ROUTES,
    "/missing",
    "/closed",
    "/echo?a=b c#fragment",
    "/echo/caf\u00e9?q=\u00e9&r=%41%zz",
    "/echo/%41%e9?q=%7e",
    '/echo/"<>\\^`{|}',
    "/echo?a=[b]&c=d?e/f",
)

#: URLs no request can be made to (no host, a bad port, a bad IPv6 address).
MALFORMED = (
    "http://",
    "https://",
    "http:///path",
    "http://:80/",
    "http://[::1",
    "http://127.0.0.1:99999/",
    "http://127.0.0.1:port/",
    "http://user:secret@127.0.0.1:port/",
)


@pytest.fixture(scope="module")
def base():
    with without_proxies(), serving() as url:
        yield url


@pytest.mark.parametrize("path", PATHS)
def test_a_url_value_agrees_with_awscli(base, path):
    assert_agrees(ECR, DESCRIBE_REPOSITORIES, "generated.ecr", ["--registry-id", base + path])


@pytest.mark.parametrize("path", ["/body", "/missing", "/json"])
def test_a_url_in_a_list_option_or_the_input_document_agrees_with_awscli(base, path):
    # A list option reads its value from a URL when it is the only word; the
    # document of --cli-input-json is read from one too.
    assert_agrees(ECR, DESCRIBE_REPOSITORIES, "generated.ecr", ["--repository-names", base + path])
    assert_agrees(ECR, DESCRIBE_REPOSITORIES, "generated.ecr", ["--repository-names", base + path, "b"])
    assert_agrees(ECR, DESCRIBE_REPOSITORIES, "generated.ecr", ["--cli-input-json", base + path])
    assert_agrees(ECR, DESCRIBE_IMAGES, "generated.ecr", ["--repository-name", "r", "--starting-token", base + path])


def test_a_refused_connection_agrees_with_awscli():
    with without_proxies():
        for url in (refused_url(), refused_url().replace("http://", "https://")):
            assert_agrees(ECR, DESCRIBE_REPOSITORIES, "generated.ecr", ["--registry-id", url])


@pytest.mark.parametrize("url", MALFORMED)
def test_a_malformed_url_agrees_with_awscli(url):
    assert_agrees(ECR, DESCRIBE_REPOSITORIES, "generated.ecr", ["--registry-id", url])


def test_a_silent_server_times_out_as_in_awscli():
    """Both wait a bounded time for the answer (60 s each, here cut to a
    fraction of a second on both sides) and fail with the same message."""
    from generated.ecr import _paramfile

    with (
        without_proxies(),
        silent_server() as url,
        mock.patch("botocore.httpsession.DEFAULT_TIMEOUT", 0.3),
        mock.patch.object(_paramfile, "URL_TIMEOUT", 0.3),
    ):
        assert_agrees(ECR, DESCRIBE_REPOSITORIES, "generated.ecr", ["--registry-id", url])


def test_the_timeout_is_bounded():
    from generated.ecr import _paramfile

    assert 0 < _paramfile.URL_TIMEOUT <= 60


def test_fetching_writes_nothing(base, tmp_path, monkeypatch):
    """No cache, no download folder: the working folder and the home folder
    stay as they were."""
    monkeypatch.chdir(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    before = sorted(Path(tmp_path).rglob("*"))
    ours = run_ours("generated.ecr", DESCRIBE_REPOSITORIES, ["--registry-id", base + "/body"])
    assert ours.exit_code == 0 and ours.params == {"registryId": "from a url\n"}
    assert sorted(Path(tmp_path).rglob("*")) == before
    assert os.listdir(home) == []
