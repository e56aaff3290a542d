"""dechaff ships its types (``py.typed``): a user's script type-checks under ``mypy --strict``."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import dechaff

USER_SCRIPT = '''\
import dechaff

records: list[dechaff.Record] = dechaff.clean("Also read: Other story\\n\\nThe council met on Monday.")
for record in records:
    title: str | None = record.title
    body: str = record.body
    row: dict[str, object] = record.to_dict()
cleaner = dechaff.Cleaner(ignore=["UI02"])
more: list[dechaff.Record] = cleaner("The council met on Monday and voted.")
text: str = dechaff.clean_text("The council met on Monday and voted.", ignore=["UI02"])
host: str | None = records[0].hostname if records else None
markdown: str = records[0].to_markdown() if records else ""
'''


def test_the_package_ships_py_typed():
    assert (Path(dechaff.__file__).parent / "py.typed").is_file()


def test_a_user_script_passes_mypy_strict(tmp_path):
    pytest.importorskip("mypy", reason="mypy is in the test extra: pip install -e '.[test]'")
    script = tmp_path / "user.py"
    script.write_text(USER_SCRIPT, encoding="utf-8")
    # Checked as a user would: from outside the source tree, the installed package imported.
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental",
                             "--cache-dir", str(tmp_path / ".mypy_cache"), str(script)],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_version_comes_from_one_place():
    from importlib.metadata import version

    assert version("dechaff") == dechaff.__version__
