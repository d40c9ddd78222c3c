"""The code keeps one style: ``ruff check`` (lint) and ``ruff format --check`` (layout)
pass on every Python file of the project, so CI fails on a change that breaks them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PATHS = ["kg", "tests", "bench", "scripts", "conftest.py"]


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]])
def test_style_ruff(command: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ruff", *command, *PATHS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
