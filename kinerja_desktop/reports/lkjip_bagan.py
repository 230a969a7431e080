"""The Laporan Kinerja's pictures as :class:`~kinerja_desktop.reports.gambar.Gambar`: the
organisation chart drawn from the jabatan tree, and the capaian per sasaran as bars.

The chart puts the Camat on top and one column under him for each jabatan directly under the
Camat; each column lists that jabatan's subordinates below it, indented by depth and joined by
lines, each box with the holder's name. Columns wrap into a second band when there are more
than fit the page width, so any kecamatan's tree is drawn, however wide.
"""

from kinerja_desktop.domain.value_text import format_angka
from kinerja_desktop.reports.gambar import Gambar, Garis, Kotak, Tulisan, wrap_lines
from kinerja_desktop.reports.lkjip_angka import NA, SasaranLkjip, UnitOrganisasi

MM = 72 / 25.4
KOLOM_MAKS = 6  # columns per band: at 180 mm each box is still 27 mm wide
JARAK = 3 * MM  # between columns
INDEN = 3 * MM  # per level of depth inside a column
PAD = 1.6  # inside a box
UKURAN_ATAS, UKURAN = 6.5, 5.8
WARNA_ATAS, WARNA_STAF = "#dfe9f5", "#ffffff"
TANPA_PEMANGKU = "(belum ada pemangku)"


def _kotak_lines(nama: str, pemangku: str, lebar: float, ukuran: float, tebal: bool) -> list:
    """The lines of a box: the jabatan (bold for the top), then its holder."""
    baris = [(t, tebal, ukuran) for t in wrap_lines(nama, lebar - 2 * PAD, ukuran, tebal)]
    baris += [(t, False, ukuran - 0.6) for t in wrap_lines(pemangku, lebar - 2 * PAD, ukuran - 0.6)]
    return baris


def _tinggi(baris: list) -> float:
    return sum(u * 1.22 for _, _, u in baris) + 2 * PAD


def _kotak(g: Gambar, x: float, atas: float, lebar: float, baris: list, isi: str) -> float:
    """Draw a box whose top is at ``atas``; return its bottom."""
    tinggi = _tinggi(baris)
    g.bentuk.append(Kotak(x, atas - tinggi, lebar, tinggi, isi=isi))
    y = atas - PAD
    for teks, tebal, ukuran in baris:
        y -= ukuran * 1.22
        g.bentuk.append(Tulisan(x + lebar / 2, y + ukuran * 0.25, teks, ukuran, tebal, "tengah"))
    return atas - tinggi


def _pemangku(u: UnitOrganisasi) -> str:
    return ", ".join(u.pemangku) if u.pemangku else TANPA_PEMANGKU


def bagan_organisasi(
    unit: tuple[UnitOrganisasi, ...], camat: str, jabatan_camat: str, lebar: float
) -> Gambar:
    """The organisation chart of ``unit`` (tree order) under the Camat, ``lebar`` points wide."""
    kolom: list[list[UnitOrganisasi]] = []
    for u in unit:
        if u.kedalaman == 0 or not kolom:
            kolom.append([])
        kolom[-1].append(u)
    per_band = max(1, min(KOLOM_MAKS, len(kolom)))
    lebar_kolom = (lebar - JARAK * (per_band - 1)) / per_band
    # draw top-down on a tall canvas, then move everything up to the used height
    g = Gambar(lebar, 0)
    atas = 0.0
    lebar_camat = min(70 * MM, lebar)
    isi_camat = _kotak_lines(jabatan_camat or "CAMAT", camat or TANPA_PEMANGKU, lebar_camat,
                           UKURAN_ATAS + 0.5, True)  # fmt: skip
    x_tengah = lebar / 2
    bawah_camat = _kotak(g, x_tengah - lebar_camat / 2, atas, lebar_camat, isi_camat, WARNA_ATAS)
    atas = bawah_camat - 5 * MM
    terendah = atas
    # a later band hangs from the first band's line through the gap between the middle columns
    x_gap = (per_band // 2) * (lebar_kolom + JARAK) - JARAK / 2
    bus_pertama: float | None = None
    for b in range(0, len(kolom), per_band):
        band = kolom[b : b + per_band]
        xs = [i * (lebar_kolom + JARAK) for i in range(len(band))]
        bus = atas + 2.5 * MM
        if bus_pertama is None:
            g.bentuk.append(Garis(x_tengah, bawah_camat, x_tengah, bus))
            masuk = x_tengah
            bus_pertama = bus
        else:
            g.bentuk.append(Garis(x_gap, bus_pertama, x_gap, bus))
            masuk = x_gap
        pusat = [x + lebar_kolom / 2 for x in xs]
        g.bentuk.append(Garis(min(pusat[0], masuk), bus, max(pusat[-1], masuk), bus))
        for x, daftar in zip(xs, band, strict=True):
            g.bentuk.append(Garis(x + lebar_kolom / 2, bus, x + lebar_kolom / 2, atas))
            terendah = min(terendah, _kolom(g, x, atas, lebar_kolom, daftar))
        atas = terendah - 8 * MM
    tinggi = -terendah + 2
    geser = [_move_down(s, tinggi) for s in g.bentuk]
    return Gambar(lebar, tinggi, geser)


def _kolom(g: Gambar, x: float, atas: float, lebar: float, daftar: list[UnitOrganisasi]) -> float:
    """One column: the top jabatan and its subordinates; return the lowest point drawn."""
    puncak = daftar[0]
    bawah = _kotak(g, x, atas, lebar, _kotak_lines(puncak.nama, _pemangku(puncak), lebar,
                                                  UKURAN_ATAS, True), WARNA_ATAS)  # fmt: skip
    # where each jabatan's connector leaves: the left edge of its box plus half an indent
    keluar: dict[int, tuple[float, float]] = {puncak.id: (x + INDEN / 2, bawah)}
    kedalaman0 = puncak.kedalaman
    for u in daftar[1:]:
        tingkat = u.kedalaman - kedalaman0
        kiri = x + tingkat * INDEN
        lebar_u = lebar - tingkat * INDEN
        atas_u = bawah - 1.6 * MM
        isi = _kotak_lines(u.nama, _pemangku(u), lebar_u, UKURAN, False)
        tengah_y = atas_u - _tinggi(isi) / 2
        asal = keluar.get(u.atasan_id or -1, (x + INDEN / 2, bawah))
        g.bentuk.append(Garis(asal[0], asal[1], asal[0], tengah_y, tebal=0.4))
        g.bentuk.append(Garis(asal[0], tengah_y, kiri, tengah_y, tebal=0.4))
        bawah = _kotak(g, kiri, atas_u, lebar_u, isi, WARNA_STAF)
        keluar[u.id] = (kiri + INDEN / 2, bawah)
    return bawah


def _move_down(s: Kotak | Garis | Tulisan, tinggi: float) -> Kotak | Garis | Tulisan:
    if isinstance(s, Kotak):
        return Kotak(s.x, s.y + tinggi, s.w, s.h, s.isi, s.garis, s.tebal)
    if isinstance(s, Garis):
        return Garis(s.x1, s.y1 + tinggi, s.x2, s.y2 + tinggi, s.tebal, s.putus, s.warna)
    return Tulisan(s.x, s.y + tinggi, s.teks, s.ukuran, s.tebal, s.rata, s.warna)


def grafik_sasaran(
    sasaran: tuple[SasaranLkjip, ...], warna: dict[str, str], lebar: float
) -> Gambar:
    """Horizontal bars of the mean capaian of each sasaran, coloured by band, a line at 100%.

    ``warna`` gives each band's colour by name; a sasaran without capaian says n/a.
    """
    bar, gap, label_w, ukuran = 4.5 * MM, 2 * MM, 62 * MM, 6.5
    n = len(sasaran)
    tinggi = 9 * MM + n * (bar + gap) + 7 * MM
    g = Gambar(lebar, tinggi)
    g.bentuk.append(Tulisan(0, tinggi - 5 * MM, "Capaian per sasaran (%)", 9, True))
    nilai = [s.capaian for s in sasaran if s.capaian is not None]
    skala = max([120.0, *nilai])
    area = lebar - label_w - 14 * MM
    x100 = label_w + area * 100 / skala
    for i, s in enumerate(sasaran):
        y = tinggi - 9 * MM - (i + 1) * (bar + gap)
        label = wrap_lines(f"S{i + 1}. {s.teks}", label_w - 2 * MM, ukuran)
        teks = label[0] if len(label) == 1 else label[0].rstrip() + "…"
        g.bentuk.append(Tulisan(0, y + 1.3, teks, ukuran))
        if s.capaian is None:
            g.bentuk.append(Tulisan(label_w + 1, y + 1.3, NA, ukuran, warna="#666666"))
        else:
            w = max(0.5, area * s.capaian / skala)
            g.bentuk.append(
                Kotak(label_w, y, w, bar, warna.get(s.kategori, "#bbbbbb"), "#555555", 0.3)
            )
            g.bentuk.append(Tulisan(label_w + w + 1.5, y + 1.3, format_angka(s.capaian, 1), ukuran))
        g.bentuk.append(Garis(x100, y - gap / 2, x100, y + bar + gap / 2, 0.6, True))
    g.bentuk.append(Tulisan(x100, 2 * MM, "100%", 7, rata="tengah"))
    return g
