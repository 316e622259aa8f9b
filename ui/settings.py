"""The editor's preferences, kept in QSettings (an .ini file in the user's config folder).

The user dictionary (allowed words, proper names) is not kept in QSettings: it lives as two
plain UTF-8 files beside the .ini, one word a line, so an editor can edit them by hand and
the command-line tool can read the same lists. The files are the only copy, so the two
never disagree.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from proofreader.config import Config
from proofreader.model import Severity
from ui.qt import QByteArray, QSettings

if TYPE_CHECKING:
    from proofreader.rules.base import Rule

ORGANIZATION = "proofreader"
APPLICATION = "proofreader"
LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
DEFAULT_FONT_SIZE = 14
DEFAULT_LT_TIMEOUT = 10.0
FONT_SIZES = (9, 32)
MAX_RECENT = 10
ALLOWED_WORDS_FILE = "allowed-words.txt"
PROPER_NAMES_FILE = "proper-names.txt"

_DICT_HEADER = {
    ALLOWED_WORDS_FILE: "# 允许的词语：这里的词语永不标记。一行一个，# 开头为注释。\n",
    PROPER_NAMES_FILE: "# 专有名词（人名、地名等）：繁简检查不改动。一行一个，# 开头为注释。\n",
}


class Settings:
    """Typed access to the stored preferences. Cheap to create; every read goes to QSettings."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
        )

    # --- where things live -------------------------------------------------------------

    @property
    def config_dir(self) -> Path:
        """The folder of the .ini file; the user dictionary files sit beside it."""
        return Path(self.q.fileName()).resolve().parent

    def sync(self) -> None:
        self.q.sync()

    # --- simple values -----------------------------------------------------------------

    @property
    def editor_name(self) -> str:
        return str(self.q.value("editor/name", "", type=str)).strip()

    @editor_name.setter
    def editor_name(self, name: str) -> None:
        self.q.setValue("editor/name", name.strip())

    @property
    def languagetool_url(self) -> str:
        """A LanguageTool server for grammar checks ("": none; the environment may name one)."""
        return str(self.q.value("languagetool/url", "", type=str)).strip()

    @languagetool_url.setter
    def languagetool_url(self, url: str) -> None:
        self.q.setValue("languagetool/url", url.strip())

    @property
    def languagetool_timeout(self) -> float:
        t = float(self.q.value("languagetool/timeout", DEFAULT_LT_TIMEOUT, type=float))
        return min(max(t, 1.0), 120.0)

    @languagetool_timeout.setter
    def languagetool_timeout(self, seconds: float) -> None:
        self.q.setValue("languagetool/timeout", min(max(float(seconds), 1.0), 120.0))

    @property
    def font_size(self) -> int:
        size = int(self.q.value("view/font_size", DEFAULT_FONT_SIZE, type=int))
        lo, hi = FONT_SIZES
        return min(max(size, lo), hi)

    @font_size.setter
    def font_size(self, size: int) -> None:
        lo, hi = FONT_SIZES
        self.q.setValue("view/font_size", min(max(int(size), lo), hi))

    @property
    def language(self) -> str:
        """The UI language: "zh_CN" (the default) or "en"."""
        lang = str(self.q.value("view/language", DEFAULT_LANGUAGE, type=str))
        return lang if lang in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown UI language {lang!r}; expected one of {LANGUAGES}")
        self.q.setValue("view/language", lang)

    @property
    def report_lang(self) -> str:
        """The language of finding messages and reports, as the engine spells it."""
        return "en" if self.language == "en" else "zh"

    # --- rules -------------------------------------------------------------------------

    def rule_states(self) -> dict[str, bool]:
        """Rules the editor switched on or off explicitly; absent rules keep their default."""
        self.q.beginGroup("rules")
        try:
            return {key: bool(self.q.value(key, True, type=bool)) for key in self.q.childKeys()}
        finally:
            self.q.endGroup()

    def set_rule_enabled(self, rule_id: str, enabled: bool | None) -> None:
        """None forgets the choice, so the rule follows its default again."""
        key = f"rules/{rule_id}"
        if enabled is None:
            self.q.remove(key)
        else:
            self.q.setValue(key, bool(enabled))

    def rule_enabled(self, rule_id: str, default: bool = True) -> bool:
        return self.rule_states().get(rule_id, default)

    def severity_overrides(self) -> dict[str, Severity]:
        self.q.beginGroup("severity")
        try:
            out: dict[str, Severity] = {}
            for key in self.q.childKeys():
                try:
                    out[key] = Severity(str(self.q.value(key, type=str)))
                except ValueError:
                    continue  # a hand-edited .ini with a typo: ignore that line
            return out
        finally:
            self.q.endGroup()

    def set_severity(self, rule_id: str, severity: Severity | str | None) -> None:
        key = f"severity/{rule_id}"
        if severity is None:
            self.q.remove(key)
        else:
            self.q.setValue(key, str(Severity(severity)))

    # --- the user dictionary (plain files) ---------------------------------------------

    @property
    def allowed_words_path(self) -> Path:
        return self.config_dir / ALLOWED_WORDS_FILE

    @property
    def proper_names_path(self) -> Path:
        return self.config_dir / PROPER_NAMES_FILE

    @property
    def allowed_words(self) -> list[str]:
        return read_word_file(self.allowed_words_path)

    @allowed_words.setter
    def allowed_words(self, words: Iterable[str]) -> None:
        write_word_file(self.allowed_words_path, words, _DICT_HEADER[ALLOWED_WORDS_FILE])

    @property
    def proper_names(self) -> list[str]:
        return read_word_file(self.proper_names_path)

    @proper_names.setter
    def proper_names(self, words: Iterable[str]) -> None:
        write_word_file(self.proper_names_path, words, _DICT_HEADER[PROPER_NAMES_FILE])

    def add_allowed_word(self, word: str) -> bool:
        """Add one word (the "ignore: add to my dictionary" action). False if already there."""
        word = word.strip()
        words = self.allowed_words
        if not word or word in words:
            return False
        self.allowed_words = [*words, word]
        return True

    # --- files and window --------------------------------------------------------------

    def recent_files(self, existing_only: bool = False) -> list[str]:
        raw = self.q.value("files/recent", [], type=list) or []
        files = [str(p) for p in raw if str(p)]
        if existing_only:
            files = [p for p in files if Path(p).exists()]
        return files[:MAX_RECENT]

    def add_recent_file(self, path: str | os.PathLike[str]) -> list[str]:
        """Put path first (once) and keep the newest MAX_RECENT."""
        p = str(Path(path).resolve())
        files = [p] + [f for f in self.recent_files() if f != p]
        files = files[:MAX_RECENT]
        self.q.setValue("files/recent", files)
        return files

    def clear_recent_files(self) -> None:
        self.q.remove("files/recent")

    @property
    def last_folder(self) -> str:
        folder = str(self.q.value("files/last_folder", "", type=str))
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    @last_folder.setter
    def last_folder(self, folder: str | os.PathLike[str]) -> None:
        p = Path(folder)
        self.q.setValue("files/last_folder", str(p if p.is_dir() else p.parent))

    def window_geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def save_window(self, geometry: QByteArray, state: QByteArray | None = None) -> None:
        self.q.setValue("window/geometry", geometry)
        if state is not None:
            self.q.setValue("window/state", state)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.q.value(key)
        if isinstance(value, QByteArray) and not value.isEmpty():
            return value
        if isinstance(value, bytes | bytearray) and value:
            return QByteArray(bytes(value))
        return None

    # --- the engine's view of all this ------------------------------------------------

    def engine_config(self, base: Config | None = None) -> Config:
        return engine_config(self, base)


def engine_config(
    settings: Settings | None = None,
    base: Config | None = None,
    rules: Sequence[type[Rule]] | None = None,
) -> Config:
    """The engine Config the editor's settings describe (rules, severities, dictionary)."""
    from proofreader.rules import ALL_RULES

    s = settings or Settings()
    cfg = Config() if base is None else base
    states = s.rule_states()
    known = {rule.id: rule for rule in (ALL_RULES if rules is None else rules)}
    cfg.ignore |= {rid for rid, on in states.items() if not on}
    # Config.select means "only these": use it only when the editor switched on a rule that is
    # off by default, and then list every rule that should run.
    if any(on and rid in known and not known[rid].enabled_by_default for rid, on in states.items()):
        cfg.select = {
            rid for rid, rule in known.items() if states.get(rid, rule.enabled_by_default)
        }
    cfg.severity.update(s.severity_overrides())
    cfg.allowed_words |= set(s.allowed_words)
    cfg.proper_names |= set(s.proper_names)
    cfg.lang = s.report_lang
    if s.languagetool_url:
        cfg.languagetool_url = s.languagetool_url
    cfg.languagetool_timeout = s.languagetool_timeout
    return cfg


def read_word_file(path: Path) -> list[str]:
    """One entry a line; `#` starts a comment; order kept, duplicates dropped."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return []
    seen: dict[str, None] = {}
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            seen.setdefault(word, None)
    return list(seen)


def write_word_file(path: Path, words: Iterable[str], header: str = "") -> None:
    """Write atomically (temp file + rename) so a crash never leaves half a dictionary."""
    unique: dict[str, None] = {}
    for w in words:
        w = w.strip()
        if w and not w.startswith("#"):
            unique.setdefault(w, None)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = header + "".join(f"{w}\n" for w in unique)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(body)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
