"""A PDF beside the .docx it renders is audited once, through the .docx; any other PDF is read in full
(readers/twin.py). The comparison must never take a PDF that says something else for a rendering."""
from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from auditor.engine import audit
from auditor.loader import load_all
from auditor.readers.twin import page_streams, same_text, word_units

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "kalisat-2024"
SAMPLE_PDF = ROOT / "samples" / "kalisat-2024-pdf" / "lkip-2024.pdf"

HEADER = ["No", "Uraian", "Pagu (Rp)", "Realisasi (Rp)"]
ROWS = [["1", "Belanja Alat Tulis Kantor", "1.250.000", "1.175.500"],
        ["2", "Rapat Koordinasi Kecamatan", "980.000", "955.250"],
        ["3", "Pemeliharaan Gedung Kantor", "42.500.000", "42.350.000"]]


# ---- the comparison itself, on texts ----------------------------------------------------------------

def _items(rows=ROWS, merged_rows: tuple = ()):
    """_walk_body-shaped items: a title, a table (rows in `merged_rows` tied to the one above by a
    vertically merged first column), a closing paragraph."""
    table = [[(1, None, h) for h in HEADER]]
    for i, r in enumerate(rows):
        first = (1, "continue" if i in merged_rows else ("restart" if i + 1 in merged_rows else None),
                 "" if i in merged_rows else r[0])
        table.append([first] + [(1, None, v) for v in r[1:]])
    return [("p", None, "Tabel 3.5 Realisasi Anggaran Tahun 2024", None), ("tbl", table),
            ("p", None, "Serapan anggaran mencapai 98,95 %.", None)]


def _page(*lines, number=None):
    body = "\r\n".join(lines)
    return body + (f"\r\nHalaman {number}" if number else "")


def _rendered(rows=ROWS):
    return ["Tabel 3.5 Realisasi Anggaran Tahun 2024", " ".join(HEADER)] + [" ".join(r) for r in rows] + \
           ["Serapan anggaran mencapai 98,95 %."]


def _same(items, pages) -> bool:
    streams = page_streams(pages)
    return streams is not None and same_text(*word_units(items), streams) is None


def test_the_same_text_on_one_page_is_a_rendering():
    assert _same(_items(), [_page(*_rendered(), number=1)])


def test_page_numbers_and_running_lines_are_not_content():
    lines = _rendered()
    pages = [_page("LKIP Kecamatan Kalisat 2024", *lines[:3], number=1),
             _page("LKIP Kecamatan Kalisat 2024", *lines[3:], number=2)]
    assert _same(_items(), pages)


def test_header_row_repeated_where_the_table_goes_on_the_next_page():
    lines = _rendered()
    pages = [_page(*lines[:3]), _page(" ".join(HEADER), *lines[3:])]
    assert _same(_items(), pages)


def test_a_table_starting_a_page_keeps_its_first_row():
    lines = _rendered()
    # the header row at the top of page 2 is the table's own first row, not a repetition
    assert _same(_items(), [_page(lines[0]), _page(*lines[1:])])
    # ... so a page that shows it twice holds more than the .docx
    assert not _same(_items(), [_page(lines[0]), _page(" ".join(HEADER), *lines[1:])])


def test_a_word_broken_in_a_narrow_cell_is_still_its_letters():
    lines = _rendered()
    lines[3] = lines[3].replace("Koordinasi", "Koordi\r\nnasi")
    assert _same(_items(), [_page(*lines)])


@pytest.mark.parametrize("change", [
    lambda rows: [rows[0], [rows[1][0], rows[1][1], "980.000", "955.520"], rows[2]],      # two digits swapped
    lambda rows: [rows[0], [rows[1][0], rows[1][1], "980.000", "955.251"], rows[2]],      # one digit
    lambda rows: [[*rows[0][:3], "955.250"], [*rows[1][:3], "1.175.500"], rows[2]],         # values swapped between rows
    lambda rows: [rows[0], [rows[1][0], rows[1][1], "955.250", "980.000"], rows[2]],      # pagu and realisasi swapped
    lambda rows: [rows[0], rows[2]],                                                      # a row less
    lambda rows: rows + [["4", "Belanja Listrik", "1.000", "900"]],                        # a row more
    lambda rows: [rows[0], [rows[1][0], "Rapat Koordinasi Desa", *rows[1][2:]], rows[2]],  # a name changed
])
def test_any_other_content_is_not_a_rendering(change):
    assert _same(_items(), [_page(*_rendered(), number=1)])
    assert not _same(_items(), [_page(*_rendered(change(ROWS)), number=1)])


def test_a_merged_cells_text_may_stand_elsewhere_in_its_rows_but_not_change():
    items = _items(merged_rows=(2,))            # rows 2 and 3 share the "No" cell (2), centred beside them
    lines = _rendered()
    row2, row3 = lines[3].replace("2 ", "", 1), lines[4].replace("3 ", "", 1)
    assert _same(items, [_page(*lines[:3], row2, "2", row3, lines[5])])
    assert _same(items, [_page(*lines[:3], row2, row3, "2", lines[5])])
    assert not _same(items, [_page(*lines[:3], row2, "7", row3, lines[5])])
    assert not _same(items, [_page(*lines[:3], row2, row3, lines[5], "2")])     # outside its rows


def test_a_page_without_text_is_never_a_rendering():
    assert page_streams(["Tabel 3.5", ""]) is None


def test_text_after_the_last_paragraph_is_more_than_the_docx():
    assert not _same(_items(), [_page(*_rendered(), "Lampiran: foto kegiatan")])


# ---- in the audit: the sample's .docx and its LibreOffice PDF -----------------------------------------

def _folder(tmp_path: Path, pdf: Path) -> Path:
    for p in SAMPLES.iterdir():
        shutil.copy(p, tmp_path / p.name)
    shutil.copy(pdf, tmp_path / pdf.name)
    return tmp_path


def test_the_samples_pdf_is_audited_through_its_docx(tmp_path):
    files, _ = load_all([str(_folder(tmp_path, SAMPLE_PDF))])
    by_name = {Path(f.path).name: f for f in files}
    pdf = by_name["lkip-2024.pdf"]
    assert pdf.same_as == str(tmp_path / "lkip-2024.docx")
    assert pdf.tables == [] and pdf.pages == 43
    assert [Path(f.path).name for f in files] == sorted(p.name for p in tmp_path.iterdir())   # order kept
    rep = audit([str(tmp_path)])
    alone = audit([str(SAMPLES)])
    key = lambda r: Counter((f["rule"], f["location"].get("sheet"), f["location"].get("cell"), str(f["reported"]))
                            for f in r["findings"])
    assert key(rep) == key(alone)
    (entry,) = [f for f in rep["files"] if f["path"].endswith(".pdf")]
    assert entry["same_as"].endswith("lkip-2024.docx") and entry["coverage"]["same_as"] == entry["same_as"]
    assert rep["summary"]["coverage"]["numbers"] == alone["summary"]["coverage"]["numbers"]


def test_a_pdf_in_another_folder_is_read_in_full(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    shutil.copy(SAMPLES / "lkip-2024.docx", a / "lkip-2024.docx")
    shutil.copy(SAMPLE_PDF, b / "lkip-2024.pdf")
    files, _ = load_all([str(a), str(b)])
    pdf = [f for f in files if f.path.endswith(".pdf")][0]
    assert pdf.same_as is None and pdf.tables


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_a_pdf_of_another_version_of_the_docx_is_read_in_full(tmp_path):
    """The PDF exported from a .docx where one amount differs: its tables are read and audited."""
    import docx

    src = tmp_path / "src"
    src.mkdir()
    d = docx.Document(str(SAMPLES / "lkip-2024.docx"))
    changed = 0
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    for r in p.runs:
                        if not changed and r.text == "Rp781.140.000":
                            r.text = "Rp781.410.000"
                            changed += 1
    assert changed == 1
    d.save(str(src / "lkip-2024.docx"))
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(src), str(src / "lkip-2024.docx")],
                   check=True, capture_output=True, timeout=180)
    folder = tmp_path / "kec"
    folder.mkdir()
    files, _ = load_all([str(_folder(folder, src / "lkip-2024.pdf"))])
    pdf = [f for f in files if f.path.endswith(".pdf")][0]
    assert pdf.same_as is None and len(pdf.tables) > 10
    # the PDF exported from the unchanged .docx is its rendering
    shutil.copy(SAMPLES / "lkip-2024.docx", src / "lkip-2024.docx")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(src), str(src / "lkip-2024.docx")],
                   check=True, capture_output=True, timeout=180)
    shutil.copy(src / "lkip-2024.pdf", folder / "lkip-2024.pdf")
    files, _ = load_all([str(folder)])
    assert [f for f in files if f.path.endswith(".pdf")][0].same_as is not None


# ---- the fast letters-and-digits and page streams give what the plain ways give ---------------------

def _plain_chars(text: str) -> str:
    import re
    return re.sub(r"[\W_]+", "", text)


def _plain_page_streams(pages: list[str]) -> list[str] | None:
    """page_streams as first written: every line stripped, the running ones dropped, the rest joined."""
    import re

    from auditor.readers.pdf import PAGE_NUMBER as _PAGE_NUMBER
    from auditor.readers.twin import _NUMBER
    lines_of = [[ln.strip() for ln in t.splitlines() if ln.strip()] for t in pages]
    if any(not ls for ls in lines_of):
        return None
    edge: Counter = Counter()
    for ls in lines_of:
        for ln in {ls[0], ls[-1]}:
            edge[_NUMBER.sub("#", ln)] += 1
    repeated = {t for t, n in edge.items() if n >= max(2, (len(pages) + 1) // 2)}

    def running(ln):
        return bool(_PAGE_NUMBER.match(ln)) or _NUMBER.sub("#", ln) in repeated

    out = []
    for ls in lines_of:
        if ls and running(ls[0]):
            ls = ls[1:]
        if ls and running(ls[-1]):
            ls = ls[:-1]
        out.append(re.sub(r"[\W_]+", "", " ".join(ls)))
    return out


def test_letters_and_digits_as_the_pattern_takes_them():
    import random

    from auditor.readers.twin import _chars
    every = "".join(chr(i) for i in range(0x110000))         # lone surrogates included
    assert _chars(every) == _plain_chars(every)
    rnd = random.Random(5)
    alphabet = [chr(i) for i in range(0x250)] + list("•–✓×≤±\ufffeΣ▪²“”≥\uf0b7é١٢ⅻ½_\ud800𝟘😀\u2028\x85")
    for _ in range(50000):
        s = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12)))
        assert _chars(s) == _plain_chars(s), repr(s)


def test_page_streams_as_first_written():
    import random
    rnd = random.Random(7)
    pieces = ["Halaman 3", "hal. 12", "- 4 -", "iv", "LKIP Kecamatan 2024", "LKIP Kecamatan 2025", "Tabel 3.1", "  ",
              "", "Realisasi Rp 1.000,00", "x", "•", "é", "\t", "12", "page 2 of 9", "Σ ²", "ab_cd"]
    seps = ["\r\n", "\n", "\r", "\u2028", "\x0b", "\x0c", "\x1c", "\x85", "  \n"]
    for _ in range(20000):
        pages = []
        for _ in range(rnd.randint(1, 6)):
            n = rnd.randint(0, 5)
            pages.append("".join(rnd.choice(pieces) + (rnd.choice(seps) if k < n - 1 or rnd.random() < 0.3 else "")
                                 for k in range(n)))
        assert page_streams(pages) == _plain_page_streams(pages), pages
    sample = [ln for ln in _rendered()]
    assert page_streams([_page(*sample, number=1)]) == _plain_page_streams([_page(*sample, number=1)])


def test_inspect_says_where_a_rendered_pdf_was_read(tmp_path):
    from auditor.inspect import inspect_paths

    data = inspect_paths([str(_folder(tmp_path, SAMPLE_PDF))])
    (pdf,) = [f for f in data["files"] if f["path"].endswith(".pdf")]
    assert pdf["same_as"] == str(tmp_path / "lkip-2024.docx") and pdf["pages"] == 43 and pdf["tables"] == []
    alone = inspect_paths([str(SAMPLE_PDF)])["files"][0]
    assert "same_as" not in alone and len(alone["tables"]) > 10
