"""`proofreader-gui [PATHS...]`: the desktop application's entry point."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from ui.qt import QApplication

    qt_args = [sys.argv[0], *[a for a in args if a.startswith("-")]]
    app = QApplication.instance() or QApplication(qt_args)
    app.setApplicationName("proofreader")
    app.setOrganizationName("proofreader")
    app.setApplicationDisplayName("校对 Proofreader")

    settings = None
    config = None
    try:
        from ui.settings import Settings

        settings = Settings()
        config = settings.engine_config()
    except ImportError:
        pass
    try:
        from ui import i18n

        i18n.install_translator(app, getattr(settings, "language", "zh_CN") or "zh_CN")
    except ImportError:
        pass
    try:
        from ui import errors

        errors.install()
    except ImportError:
        pass

    from ui.mainwindow import MainWindow
    from ui.workers import WarmUp

    # load the engine's dictionaries (jieba, OpenCC) off the GUI thread while the window is
    # built, so the first draft opens without a two-second pause; kept alive until exit
    warm_up = WarmUp(config).start()  # noqa: F841

    window = MainWindow(config=config, settings=settings)
    geometry = settings.window_geometry() if settings is not None else None
    if geometry is not None:
        window.restoreGeometry(geometry)
    state = settings.window_state() if settings is not None else None
    if state is not None:
        window.restoreState(state)
    window.show()
    paths = [a for a in args if not a.startswith("-")]
    if paths:
        window.open_paths(paths)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
