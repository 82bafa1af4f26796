from pathlib import Path

import pytest

from generator.generate import load

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """The generator's incremental cache in a folder of the test run's own."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(scope="session")
def ecr():
    return load("ecr", "2015-09-21")
