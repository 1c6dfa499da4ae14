"""The one exception for anything the user can fix, and the one for work the user cancelled."""


class UserError(Exception):
    """A problem the user can fix (unreadable file, unknown id, not a store).

    Its message is one line that names the file or item and the reason; the CLI
    prints it and exits 1, the GUI shows it in a warning box. Anything else is a bug.
    """


class Cancelled(Exception):
    """Long work stopped because the user cancelled it (its `cancel()` said yes).

    Raised inside a write transaction it rolls the transaction back, so nothing of the
    cancelled work is stored; ui.workers reports it as cancelled, never as an error."""


def check_cancel(cancel) -> None:
    """Raise Cancelled when the cancel() callback (if any) says so."""
    if cancel is not None and cancel():
        raise Cancelled()


def log_bug(exc: BaseException) -> str:
    """Append exc's traceback to the log file (user log folder); the one line to show the user."""
    import traceback
    from datetime import datetime
    from pathlib import Path

    from platformdirs import user_log_dir

    log = Path(user_log_dir("commitment-tracker", appauthor=False)) / "tracker.log"
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n")
            fh.write("".join(traceback.format_exception(exc)))
        where = f"详情见 / details in {log}"
    except OSError:
        where = "无法写入日志 / the log could not be written"
    first = str(exc).splitlines()[0] if str(exc) else ""
    return f"内部错误 / internal error ({type(exc).__name__}: {first}); {where}"
