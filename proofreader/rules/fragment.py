"""The fragment rule family (category `fragment`). See the module's RULES list."""

from __future__ import annotations

from proofreader.rules.base import Rule

RULES: list[type[Rule]] = []
