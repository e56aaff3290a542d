from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


@pytest.fixture
def seed_text() -> str:
    return (FIXTURES / "seed" / "exbulletin-2024-04-27.txt").read_text(encoding="utf-8")
