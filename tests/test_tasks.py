from kinerja_desktop.db.queries import statistics
from kinerja_desktop.errors import DataTidakValid
from kinerja_desktop.ui.tasks import TaskRunner


def test_job_reads_the_database_off_the_gui_thread_and_reports_back(qtbot, db):
    runner = TaskRunner()
    results, progress = [], []

    def job(state):
        state.progress(1, 2, "menghitung")
        return statistics().indikator

    runner.run(
        job,
        on_done=results.append,
        on_error=results.append,
        on_progress=lambda d, t, label: progress.append((d, t, label)),
    )
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == [84]
    assert progress == [(1, 2, "menghitung")]


def test_refusal_comes_back_as_the_typed_error(qtbot, db):
    runner = TaskRunner()
    errors = []

    def job(state):
        raise DataTidakValid("Tahun 1800 tidak masuk akal.")

    runner.run(job, on_done=errors.append, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], DataTidakValid)
    assert errors[0].pesan == "Tahun 1800 tidak masuk akal."
