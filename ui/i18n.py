"""UI translations: English source strings, Simplified Chinese through Qt's .ts/.qm files.

`resources/i18n/proofreader_zh_CN.ts` is the source (made by `pyside6-lupdate ui/*.py`,
translated by hand); the compiled `.qm` beside it is committed, so the app needs no build
step. Qt's own strings (standard buttons, file dialogs) come from Qt's `qtbase_zh_CN.qm`.
"""

from __future__ import annotations

from pathlib import Path

from proofreader import resources
from ui.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator

CATALOG = "proofreader"

# Translators installed by install_translator, kept alive here (Qt does not own them).
_installed: list[QTranslator] = []


def qm_path(lang: str) -> Path:
    return resources.path("i18n", f"{CATALOG}_{lang}.qm")


def ts_path(lang: str) -> Path:
    return resources.path("i18n", f"{CATALOG}_{lang}.ts")


def install_translator(app: QCoreApplication, lang: str) -> bool:
    """Install the translators for lang ("zh_CN" or "en"), replacing earlier ones.

    Returns False when the app's own catalogue for lang could not be loaded (the UI then
    shows the English source strings). Widgets built before the call keep their text.
    """
    remove_translators(app)
    if lang.startswith("en"):
        QLocale.setDefault(QLocale("en_US"))
        return True
    QLocale.setDefault(QLocale(lang))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    ours = QTranslator(app)
    path = qm_path(lang)
    if not (path.is_file() and ours.load(str(path))):
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    return True


def remove_translators(app: QCoreApplication) -> None:
    while _installed:
        app.removeTranslator(_installed.pop())

