"""The script rule family (category `script`). See the module's RULES list."""

from __future__ import annotations

from proofreader.rules.base import Rule

RULES: list[type[Rule]] = []
