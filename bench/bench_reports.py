"""How fast the IKI decree is written, next to baselines measured in the same run.

    .venv/bin/python bench/bench_reports.py [--ulang 5]

Prints, for the built-in 2020 decree (22 jabatan, 84 indicators): reading the data, the whole
PDF (goal ≤ 1 s) and the whole Excel workbook (goal ≤ 0.5 s), each the best of a few runs;
as baselines, a one-page reportlab PDF and a one-cell openpyxl workbook (what the libraries
cost on this machine), and the time LibreOffice takes to turn our own workbook into a PDF
(`libreoffice --headless --convert-to pdf`) when it is installed.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def best_of(n, fn):
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def baseline_pdf(target: Path) -> None:
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from kinerja_desktop.reports.page import styles

    SimpleDocTemplate(str(target)).build([Paragraph("Halaman uji", styles()["normal"])])


def baseline_xlsx(target: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active["A1"] = "uji"
    wb.save(target)


COLD = """
import sys, time
from pathlib import Path
start = time.perf_counter()
from kinerja_desktop.db.connection import open_database
from kinerja_desktop.reports.iki import export_iki
open_database(Path(sys.argv[1]))
export_iki(2020, Path(sys.argv[2]), kertas="f4")
print(time.perf_counter() - start)
"""


def cold_seconds(db: Path, target: Path) -> float:
    """One export in a fresh process: imports, font registration and all, as on first use."""
    result = subprocess.run(
        [sys.executable, "-c", COLD, str(db), str(target)],
        check=True, capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1],
    )  # fmt: skip
    return float(result.stdout.strip().splitlines()[-1])


def libreoffice_seconds(xlsx: Path, work: Path) -> float | None:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        return None
    profile = (work / "lo-profile").as_uri()  # own profile: never touches the user's
    start = time.perf_counter()
    subprocess.run(
        [office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(work / "lo"), str(xlsx)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ulang", type=int, default=5, help="runs per measurement (best kept)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-reports-"))
    os.environ["KINERJA_DATA_DIR"] = str(work / "data")

    from kinerja_desktop.db.connection import open_database
    from kinerja_desktop.reports.fonts import register_fonts
    from kinerja_desktop.reports.iki_data import build_iki_report
    from kinerja_desktop.reports.iki_pdf import render_iki_pdf
    from kinerja_desktop.reports.iki_xlsx import render_iki_xlsx

    open_database(work / "kinerja.sqlite3")
    register_fonts()  # once per process, like the application
    laporan = build_iki_report(2020)
    pdf, xlsx = work / "IKI-2020.pdf", work / "IKI-2020.xlsx"
    n = args.ulang

    rows = [
        ("baseline: 1-page reportlab", best_of(n, lambda: baseline_pdf(work / "b.pdf")), None),
        ("baseline: 1-cell openpyxl", best_of(n, lambda: baseline_xlsx(work / "c.xlsx")), None),
        ("read decree data (22 jabatan)", best_of(n, lambda: build_iki_report(2020)), None),
        ("IKI 2020 PDF, F4 (data + render)",
         best_of(n, lambda: render_iki_pdf(build_iki_report(2020), pdf, "f4")), 1.0),
        ("IKI 2020 Excel (data + render)",
         best_of(n, lambda: render_iki_xlsx(build_iki_report(2020), xlsx, "f4")), 0.5),
    ]  # fmt: skip
    rows.append(("first PDF in a new process", cold_seconds(work / "kinerja.sqlite3", pdf), 1.0))
    rows.append(
        ("first Excel in a new process", cold_seconds(work / "kinerja.sqlite3", xlsx), None)
    )
    lo = libreoffice_seconds(xlsx, work)
    rows.append(("baseline: LibreOffice xlsx -> pdf", lo, None))

    from pypdf import PdfReader

    pages = len(PdfReader(pdf).pages)
    print(f"IKI 2020: {len(laporan.jabatan)} jabatan, "
          f"{sum(len(j.indikator) for j in laporan.jabatan)} indikator, PDF {pages} halaman; "
          f"best of {n} runs")  # fmt: skip
    print(f"{'measurement':<36} {'seconds':>8}  goal")
    for label, seconds, goal in rows:
        if seconds is None:
            print(f"{label:<36} {'-':>8}  (LibreOffice not installed)")
            continue
        verdict = "" if goal is None else f"<= {goal:g} s  {'OK' if seconds <= goal else 'SLOW'}"
        print(f"{label:<36} {seconds:8.3f}  {verdict}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
