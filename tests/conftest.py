import pytest

from generator.cli import main
from generator.pipeline.service import load

from .support.paths import OTHER_SERVICES


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """The generator's incremental cache in a folder of the test run's own."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(scope="session")
def ecr():
    return load("ecr", "2015-09-21")


@pytest.fixture(scope="session")
def other_trees(tmp_path_factory):
    """``{service: (IR, generated tree)}`` for OTHER_SERVICES, generated once."""
    out = tmp_path_factory.mktemp("others") / "out"
    argv = [arg for name in OTHER_SERVICES for arg in ("--service", name)]
    assert main([*argv, "--out", str(out), "--quiet", "--jobs", "1"]) == 0
    return {name: (load(name), out) for name in OTHER_SERVICES}


@pytest.fixture(scope="session")
def other_trees_v2(tmp_path_factory):
    """``{service: (IR, generated tree)}`` for OTHER_SERVICES, AWS CLI v2's artifacts, generated once."""
    out = tmp_path_factory.mktemp("others-v2") / "out"
    argv = [arg for name in OTHER_SERVICES for arg in ("--service", name)]
    assert main([*argv, "--cli-version", "2", "--out", str(out), "--quiet", "--jobs", "1"]) == 0
    return {name: (load(name), out) for name in OTHER_SERVICES}
