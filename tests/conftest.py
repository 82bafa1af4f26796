from pathlib import Path

import pytest

from generator.generate import load

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"


@pytest.fixture(scope="session")
def ecr():
    return load("ecr", "2015-09-21")
