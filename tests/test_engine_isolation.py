"""The engine never imports Qt (the pylib/aqt split): import every module and look."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import importlib, pkgutil, sys
import proofreader
for m in pkgutil.walk_packages(proofreader.__path__, "proofreader."):
    if m.name != "proofreader.__main__":
        importlib.import_module(m.name)
qt = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
bad = sorted(n for n in sys.modules if n.split(".")[0] in qt)
print(",".join(bad))
"""


def test_no_qt_in_engine():
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
