"""`tracker-app`: start-up of the desktop app (store choice, files to import, --screenshot).

Which store opens: --db PATH if given, else the user's store (ui/welcome.py: the last
store used that is not the 示例台账, else the default store `tracker` uses too). A new
store starts empty and shows the welcome panel. Files named on the command line (as a
desktop "open with" passes them) are imported once the window is shown, and selected.
--samples opens the read-only 示例台账 instead (the README's first command: a fresh machine
shows what the app does), leaving the user's store as it is.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication

from tracker.errors import UserError
from ui.compact import warn_plain
from ui.welcome import user_store_path

ORGANISATION = "CommitmentTracker"
APPLICATION = "承诺台账"


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Command-line options of tracker-app."""
    parser = argparse.ArgumentParser(prog="tracker-app",
                                     description="承诺台账 desktop app (Commitment Tracker)")
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="报告文件 reports to import into the store and select")
    parser.add_argument("--db", metavar="PATH", help="台账文件 store file to open")
    parser.add_argument("--samples", action="store_true",
                        help="打开示例台账 open the read-only sample store (your own store is not changed)")
    parser.add_argument("--screenshot", metavar="FILE.png",
                        help="render the main window to FILE.png and exit")
    parser.add_argument("--size", metavar="WxH", default="1360x820",
                        help="window size for --screenshot (default 1360x820)")
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument("--install-desktop", action="store_true",
                         help="加入应用菜单 add the app (icon, file types) to the desktop's applications menu")
    desktop.add_argument("--uninstall-desktop", action="store_true",
                         help="从应用菜单移除 remove it from the applications menu")
    return parser.parse_args(argv)


def desktop_menu(uninstall: bool) -> int:
    """--install-desktop / --uninstall-desktop: the files written or removed, one a line."""
    from ui import desktop_entry
    try:
        paths = desktop_entry.uninstall() if uninstall else desktop_entry.install()
    except (OSError, KeyError) as exc:
        print(f"tracker-app: {getattr(exc, 'filename', None) or ''}: 无法{'移除' if uninstall else '安装'}"
              f"应用菜单项 / cannot {'remove' if uninstall else 'install'} the menu entry ({exc})",
              file=sys.stderr)
        return 1
    for path in paths:
        print(path)
    return 0


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with names, icon and Chinese translations set up once."""
    from ui import i18n
    from ui.icons import icon
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setWindowIcon(icon("app"))
    app.setDesktopFileName("commitment-tracker")   # the desktop matches windows to the menu entry
    i18n.install(app)
    return app


def choose_store_path(db: str | None) -> Path:
    """--db, else the user's store (its folder made when missing)."""
    if db:
        return Path(db).expanduser()
    path = user_store_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def screenshot(window, out: str, size: str) -> int:
    """Render window at size (WxH) into the PNG out; exit code."""
    try:
        width, height = (int(v) for v in size.lower().split("x"))
    except ValueError:
        print(f"tracker-app: {size}: size must be WxH, e.g. 1360x820", file=sys.stderr)
        return 2
    window.resize(width, height)
    window.show()
    app = QApplication.instance()
    for _ in range(5):   # let layouts settle and the visible rows be fetched
        app.processEvents()
    if window.model.rowCount() and window.current_id() is None:
        window.select_id(window.model.id_at(0))
        app.processEvents()
    if not window.grab().save(out):
        print(f"tracker-app: {out}: cannot write the PNG", file=sys.stderr)
        return 1
    print(out)
    return 0


def _install_excepthook() -> None:
    """A bug in a slot: traceback to the log, one line in a warning box, app keeps running."""
    from ui.workers import internal_error_message

    def hook(kind, exc, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        logging.getLogger("tracker-app").error("unhandled error", exc_info=(kind, exc, tb))
        message = str(exc) if isinstance(exc, UserError) else internal_error_message(exc)
        warn_plain(QApplication.activeWindow(), APPLICATION, message)

    sys.excepthook = hook


def _wait_for(task) -> None:
    """Run the event loop until task has ended (None: return at once)."""
    if task is None or task.is_done():
        return
    from PySide6.QtCore import QEventLoop
    loop = QEventLoop()
    task.ended.connect(loop.quit)
    loop.exec()


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `tracker-app` console script."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.install_desktop or args.uninstall_desktop:
        return desktop_menu(args.uninstall_desktop)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app = make_application([sys.argv[0]])
    from ui.mainwindow import MainWindow, open_store_file
    path = choose_store_path(args.db)
    try:
        store = open_store_file(Path(path) if path else None)
    except UserError as exc:
        if args.screenshot:
            print(f"tracker-app: {exc}", file=sys.stderr)
            return 1
        warn_plain(None, APPLICATION, str(exc))
        store = None   # the window opens empty; File ▸ Open/New store still work
    window = MainWindow(store)
    if not args.screenshot:
        _install_excepthook()
    files = [str(Path(f).expanduser().absolute()) for f in args.files]
    if args.screenshot:
        if files and store is not None:
            _wait_for(window.open_files(files))
        elif args.samples:
            window.open_samples()
            _wait_until(window.showing_samples, seconds=300)
            if not window.showing_samples():
                print("tracker-app: 示例台账未能打开 / the sample store did not open", file=sys.stderr)
                return 1
        code = screenshot(window, args.screenshot, args.size)
        window.close()
        return code
    window.show_when_ready()
    if files and store is not None:
        QTimer.singleShot(100, lambda: window.open_files(files))
    elif args.samples:
        QTimer.singleShot(100, window.open_samples)
    return app.exec()


def _wait_until(done, seconds: float) -> None:
    """Run the event loop until done() (the samples are built on the worker) or seconds pass."""
    from PySide6.QtCore import QDeadlineTimer
    deadline = QDeadlineTimer(int(seconds * 1000))
    app = QApplication.instance()
    while not done() and not deadline.hasExpired():
        app.processEvents()
        QThread.msleep(20)


if __name__ == "__main__":
    sys.exit(main())
