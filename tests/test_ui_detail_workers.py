"""ui.workers: results, errors, progress and cancel arrive on the GUI thread."""

from __future__ import annotations

import logging
import threading


from tracker.errors import UserError
from ui import workers


def _count(n: int, *, progress, cancel, step_event=None) -> int:
    done = 0
    for i in range(n):
        if cancel():
            raise UserError("count: cancelled")
        if step_event is not None:
            step_event.wait(2)
        progress(i + 1, n)
        done += 1
    return done


def test_result_and_progress_on_gui_thread(qtbot):
    seen, threads = [], []
    task = workers.run_task(_count, 3, on_progress=lambda d, t: seen.append((d, t)),
                            on_done=lambda r: threads.append(threading.current_thread()))
    with qtbot.waitSignal(task.finished, timeout=5000) as blocker:
        pass
    assert blocker.args == [3]
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert threads == [threading.main_thread()]


def test_user_error_is_its_one_line(qtbot):
    def bad(*, progress, cancel):
        raise UserError("x.txt: not a report")
    task = workers.run_task(bad)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        pass
    assert blocker.args == ["x.txt: not a report"]


def test_bug_is_logged_and_reported(qtbot, caplog):
    def buggy(*, progress, cancel):
        return {}["missing"]
    caplog.set_level(logging.ERROR, logger="ui.workers")
    task = workers.run_task(buggy)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        pass
    assert blocker.args[0].startswith("内部错误: KeyError")
    assert "Traceback" in caplog.text and "buggy" in caplog.text


def test_cancel_stops_at_next_check(qtbot):
    gate = threading.Event()
    task = workers.run_task(_count, 100, step_event=gate)
    task.cancel()
    gate.set()
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        pass
    assert task.result is None and task.error is None


def test_one_task_at_a_time(qtbot):
    active, peak = [0], [0]
    lock = threading.Lock()

    def job(*, progress, cancel):
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        threading.Event().wait(0.02)
        with lock:
            active[0] -= 1
    tasks = [workers.run_task(job) for _ in range(4)]
    with qtbot.waitSignal(tasks[-1].finished, timeout=5000):
        pass
    assert peak[0] == 1
    assert all(t.is_done() for t in tasks)


class _Result:
    def __init__(self, cancelled: bool) -> None:
        self.cancelled = cancelled


def test_result_marked_cancelled_is_a_cancel(qtbot):
    def stops(*, progress, cancel):
        return _Result(cancelled=True)
    got = []
    task = workers.run_task(stops, on_done=got.append)
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        pass
    assert got == [] and task.result is None


def test_store_work_gets_its_own_connection(qtbot, tmp_path):
    from tracker.store import Store, read_op, write_op
    store = Store.open(tmp_path / "w.db")
    seen = []

    def job(s, word, *, progress, cancel):
        seen.append((s is not store, s.path == store.path, s.read_only is not None, word))
        return s.count()
    for op, read_only in ((read_op(store, job, "x"), True), (write_op(store, job, "y"), False)):
        task = workers.run_task(op)
        with qtbot.waitSignal(task.finished, timeout=5000) as blocker:
            pass
        assert blocker.args == [0] and seen[-1] == (True, True, read_only, op.args[0])
    store.close()


def test_a_typed_cancel_is_a_cancel_whatever_its_name(qtbot):
    """Cancellation is tracker.errors.Cancelled, not an exception whose name sounds like it."""
    from tracker.errors import Cancelled

    class AbortedByUser(Exception):
        pass

    def stops(*, progress, cancel):
        raise Cancelled()

    def fails(*, progress, cancel):
        raise AbortedByUser("a bug, not a cancel")
    task = workers.run_task(stops)
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        pass
    task = workers.run_task(fails)
    task.cancel()
    with qtbot.waitSignal(task.ended, timeout=5000):
        pass
