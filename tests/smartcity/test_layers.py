"""The layer contracts in pyproject.toml can fail: import-linter reports a forbidden import."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports() -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own tool, fixed arguments
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )


def test_the_contracts_hold_today():
    result = lint_imports()
    assert result.returncode == 0, result.stdout


def test_a_municipalities_module_importing_mou_breaks_a_contract():
    probe = ROOT / "municipalities" / "_layer_probe.py"
    probe.write_text("from mou.models import MOU  # noqa: F401\n")
    try:
        result = lint_imports()
    finally:
        probe.unlink()

    assert result.returncode != 0
    assert "municipalities imports no other app BROKEN" in result.stdout
    assert "municipalities._layer_probe -> mou.models" in result.stdout
