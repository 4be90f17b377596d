"""The fast paths of the Word reader and of the narrative analysis give exactly what the plain ways give.

* ``readers.document`` reads the body in one pass over its lxml elements instead of through python-docx's
  proxy objects. Its result is compared with a straightforward python-docx walk (``iter_inner_content``,
  ``Table._tbl.tr_lst``, ``CT_Tc.grid_span`` / ``vMerge``, ``Paragraph.text`` / ``style``) on a document
  built here to hold what the walk must take or skip — gridSpan, vMerge (restart, continue, bare),
  nested tables, hyperlinks, runs inside w:ins / w:smartTag / w:fldSimple / a text box, paragraphs, rows
  and cells inside w:sdt, every kind of run content, a second w:tcPr / w:pPr — on malformed cells and
  styles (python-docx's exception, same message), and on the sample LKIP.
* ``text.sentences`` finds sentence ends and the word before them without scanning the whole text, and
  skips sentences without digits when looking for numbers: compared with the original patterns.
* ``text.claims`` does not hand a sentence to an extractor when it has none of the words the
  extractor's patterns need: every keyword list is checked against its pattern on generated text, and
  an analysis with every keyword test turned off finds the same claims.
"""
from __future__ import annotations

import os
import random
import re
import string
import sys

import pytest

from auditor.loader import load_all
from auditor.readers import document as D
from auditor.text import claims as C
from auditor.text import keywords as K
from auditor.text import sentences as S

SAMPLE = os.path.join(os.path.dirname(__file__), os.pardir, "samples", "kalisat-2024")
SAMPLE_DOCX = os.path.join(SAMPLE, "lkip-2024.docx")
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


# -- the reference: python-docx's own objects, as readers.document read them before --------------------
def reference_read(path: str) -> D.Document:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = docx.Document(path)
    grids, paragraphs, section = [], [], []
    last_caption = pending_caption = None
    pidx = last_table_para = 0
    for item in doc.iter_inner_content():
        if isinstance(item, Table):
            rows = []
            for tr in item._tbl.tr_lst:
                rows.append([(tc.grid_span or 1, tc.vMerge,
                              "\n".join(Paragraph(p, item).text for p in tc.p_lst).strip())
                             for tc in tr.tc_lst])
            caption = pending_caption or last_caption
            # the layout step is shared (unchanged by the fast walk); what is compared is the walk
            grid = D._lay_out(path, rows, len(grids) + 1, caption)
            grid.preamble = [p.text for p in paragraphs[-4:] if p.index > last_table_para]
            grids.append(grid)
            last_table_para, last_caption, pending_caption = pidx, caption, None
            continue
        text = item.text.strip()
        st = item.style
        style = st.name if st is not None else ""
        if not text:
            continue
        pidx += 1
        m = re.match(r"heading\s*(\d)", style or "", re.I)
        level = int(m.group(1)) if m else (1 if style and style.lower() == "title" else None)
        if level is not None:
            section = section[: level - 1] + [text]
            pending_caption = text[:60] if text.lower().startswith("lampiran") else None
            last_caption = None
        m = D.CAPTION_RE.match(text)
        if m and len(text) < 200 and level is None:
            pending_caption = f"Tabel {m.group(2)}"
        paragraphs.append(D.Paragraph(path=path, index=pidx, text=text, style=style, section=list(section),
                                      near_table=pending_caption or last_caption))
    return D.Document(path=path, grids=grids, paragraphs=paragraphs)


def as_data(doc: D.Document):
    grids = [{k: getattr(g, k) for k in ("path", "sheet", "values", "merged", "caption", "preamble", "source",
                                         "formats", "formulas", "uncached", "hidden_rows", "hidden", "row0", "col0")}
             for g in doc.grids]
    return doc.path, grids, doc.paragraphs


# -- a document with what the walk must take and what it must skip ---------------------------------------
def R(text, extra=""):
    return f'<w:r>{extra}<w:t xml:space="preserve">{text}</w:t></w:r>'


def P(*runs, ppr=""):
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def TC(*paras, pr=""):
    return f"<w:tc>{pr}{''.join(paras)}</w:tc>"


def TBL(*rows):
    return (f"<w:tbl {W}><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
            + "".join(f"<w:tr>{r}</w:tr>" if not r.startswith("<w:sdt") else r for r in rows) + "</w:tbl>")


def span(n):
    return f'<w:tcPr><w:gridSpan w:val="{n}"/></w:tcPr>'


def vmerge(val=None):
    return "<w:tcPr><w:vMerge/></w:tcPr>" if val is None else f'<w:tcPr><w:vMerge w:val="{val}"/></w:tcPr>'


TEXTBOX = ('<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
           + P(R("in a text box")) + TBL(TC(P(R("table in a text box"))))
           + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>")
RUN_CONTENT = ('<w:r><w:t>a</w:t><w:br/><w:t>b</w:t><w:br w:type="textWrapping"/><w:t>c</w:t>'
               '<w:br w:type="page"/><w:br w:type="column"/><w:br w:type=""/><w:cr/><w:tab/>'
               '<w:ptab w:relativeTo="margin" w:alignment="left" w:leader="none"/><w:noBreakHyphen/>'
               '<w:softHyphen/><w:sym w:font="Symbol" w:char="F0B7"/><w:t/><w:t>x<!-- c -->y</w:t>'
               '<w:rPr><w:b/></w:rPr><w:t> d </w:t></w:r>')
SKIPPED_RUNS = ('<w:ins w:id="1" w:author="a">' + R("inserted") + "</w:ins>"
                '<w:del w:id="2" w:author="a"><w:r><w:delText>deleted</w:delText></w:r></w:del>'
                '<w:smartTag w:uri="u" w:element="e">' + R("smart") + "</w:smartTag>"
                '<w:fldSimple w:instr="PAGE">' + R("7") + "</w:fldSimple>"
                "<w:hyperlink>" + R("link ") + "<w:hyperlink>" + R("inner link") + "</w:hyperlink>"
                + R("end") + "</w:hyperlink>")


def body_items():
    """(style, text) for python-docx paragraphs, or raw XML for the rest, in order."""
    return [
        ("Title", "Laporan Kinerja"),
        ("Heading 1", "BAB I PENDAHULUAN"),
        P(R("Teks "), SKIPPED_RUNS, R(" setelah."), TEXTBOX, R(" dan sesudah kotak teks")),
        P(RUN_CONTENT),
        f'<w:sdt><w:sdtContent>{P(R("Tabel 9.9 di dalam sdt"))}</w:sdtContent></w:sdt>',
        ("Heading 2", "A. Realisasi"),
        (None, "Tabel 2.1 Realisasi Anggaran"),
        (None, "Sub Kegiatan : Penyusunan Dokumen"),
        (None, "   "),
        (None, "Lokasi : Kalisat"),
        TBL(TC(P(R("No"))) + TC(P(R("Uraian")), pr=span(2)) + TC(P(R("Nilai"))),
            TC(P(R("1")), pr=vmerge("restart")) + TC(P(R("Belanja")), pr='<w:tcPr><w:gridSpan w:val="2"/>'
                                                    '<w:vMerge w:val="restart"/></w:tcPr>')
            + TC(P(R("Rp1.000")), P(R("  baris dua  "))),
            TC(P(), pr=vmerge("continue")) + TC(P(R("hidden")), pr='<w:tcPr><w:gridSpan w:val="2"/><w:vMerge/>'
                                                 '</w:tcPr>') + TC(P(R("5"))),
            TC(P(R("2"))) + TC(P(R("x"))) + TC(P(R("y"))) + TC(P(R("z"))),
            TC(P(R("3")), pr=vmerge("continue")) + TC(P(R("no open merge")), pr=vmerge()) + TC("", pr=span(2)),
            TC(P(R("wide")), pr=span(5)),
            TC(P(R("sdt cell follows"))) + f"<w:sdt><w:sdtContent>{TC(P(R('in sdt')))}</w:sdtContent></w:sdt>"
            + TC(P(R("after"))),
            f"<w:sdt><w:sdtContent><w:tr>{TC(P(R('row in sdt')))}</w:tr></w:sdtContent></w:sdt>",
            TC(P(R("nested")), TBL(TC(P(R("inner a"))) + TC(P(R("inner b")))), P(R("after nested")))
            + TC(P(R("zero")), pr=span(0)) + TC(P(R("spaced")), pr='<w:tcPr><w:gridSpan w:val=" 2 "/></w:tcPr>'),
            TC(P(R("link in cell: "), "<w:hyperlink>" + R("here") + "</w:hyperlink>", TEXTBOX))
            + TC(P(R("two tcPr")), pr='<w:tcPr/><w:tcPr><w:gridSpan w:val="3"/><w:vMerge w:val="restart"/></w:tcPr>')
            + TC(P(R("two spans")), pr='<w:tcPr><w:gridSpan w:val="2"/><w:gridSpan w:val="4"/></w:tcPr>'),
            TC(P(R("bad tcPr later")), pr='<w:tcPr/><w:tcPr><w:gridSpan/></w:tcPr>')
            + TC(P(R("cell style without val"), ppr="<w:pPr><w:pStyle/></w:pPr>"))
            + TC(P(R("r")), pr=vmerge("continue")),
            ""),
        (None, "Sumber: Tabel 2.1"),
        TBL(TC(P(R("back to back")))),
        TBL(TC(P(R("merged down")), pr='<w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr>'),
            TC(P(), pr='<w:tcPr><w:gridSpan w:val="2"/><w:vMerge/></w:tcPr>')),
        TBL(),
        ("Heading 1", "Lampiran 1 Perjanjian Kinerja Tahun 2024 yang judulnya melebihi enam puluh karakter"),
        TBL(TC(P(R("under a lampiran")))),
        (None, "TABLE 3.4.1 english caption"),
        ("Heading 3", "tabel 4 as a heading"),
        (None, " . Tabel 5.2 dotted"),
        (None, "Tabel 6.1 " + "x" * 210),
        TBL(TC(P(R("after a long caption")))),
        ("Caption", "Caption paragraph"),
        P(R("unknown style id"), ppr='<w:pPr><w:pStyle w:val="NoSuchStyle"/></w:pPr>'),
        P(R("B. heading by style id"), ppr='<w:pPr><w:pStyle w:val="Heading2"/></w:pPr>'),
        P(R("style in the second pPr"), ppr='<w:pPr/><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'),
        P(R("bad style in the second pPr"), ppr="<w:pPr/><w:pPr><w:pStyle/></w:pPr>"),
        P(R("pPr after the run"), ppr="").replace("</w:p>", '<w:pPr><w:pStyle w:val="Heading3"/></w:pPr></w:p>'),
        P(R("changed style"), ppr='<w:pPr><w:pPrChange w:id="3" w:author="a"><w:pPr><w:pStyle w:val="Heading1"/>'
                                 '</w:pPr></w:pPrChange></w:pPr>'),
        P(R("two pStyles"), ppr='<w:pPr><w:pStyle w:val="Heading4"/><w:pStyle w:val="Heading1"/></w:pPr>'),
        P(R("empty style id"), ppr='<w:pPr><w:pStyle w:val=""/></w:pPr>'),
        ("Heading 9", "Heading nine"),
        (None, "after nine"),
    ]


def build(path, items) -> str:
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    body = d.element.body
    for item in items:
        if isinstance(item, tuple):
            style, text = item
            d.add_paragraph(text, style=style)
        else:
            for el in list(parse_xml(f"<w:body {W}>{item}</w:body>")):
                body.insert(len(body) - 1, el)          # before the w:sectPr
    d.save(str(path))
    return str(path)


@pytest.fixture(scope="module")
def edge_docx(tmp_path_factory):
    return build(tmp_path_factory.mktemp("walk") / "edge.docx", body_items())


def test_edge_document_reads_as_python_docx_reads_it(edge_docx):
    got, want = D.read_document(edge_docx), reference_read(edge_docx)
    assert as_data(got) == as_data(want)
    # the document holds what it is meant to hold (a builder slip would make the comparison weaker)
    texts = [p.text for p in got.paragraphs]
    assert "Teks link end setelah. dan sesudah kotak teks" in texts
    assert "a\nb\nc\n\t\t-x d" in texts
    assert not any("inserted" in t or "text box" in t or "sdt" in t for t in texts)
    styles = {p.text: p.style for p in got.paragraphs}
    assert [styles[t] for t in ("style in the second pPr", "pPr after the run", "changed style", "two pStyles")] \
        == ["Normal", "Heading 3", "Normal", "Heading 4"]
    t1 = got.grids[0]
    assert t1.values[1][3] == "Rp1.000\n  baris dua"
    assert (1, 1, 2, 2) in t1.merged and (0, 1, 0, 2) in t1.merged
    assert t1.values[7] == ["nested\nafter nested", "zero", "spaced", None, None]
    assert t1.values[8][:3] == ["link in cell: here", "two tcPr", "two spans"]
    assert got.grids[3].values == []


def test_sample_document_reads_as_python_docx_reads_it():
    assert as_data(D.read_document(SAMPLE_DOCX)) == as_data(reference_read(SAMPLE_DOCX))


def test_python_docx_merges_read_alike(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("Tabel 3.2 Pengukuran Kinerja")
    t = d.add_table(rows=5, cols=4)
    t.cell(0, 0).merge(t.cell(1, 0))
    t.cell(0, 1).merge(t.cell(0, 3))
    t.cell(2, 1).merge(t.cell(4, 2))
    for i, row in enumerate(t.rows):
        for j, cell in enumerate(row.cells):
            if not cell.text:
                cell.text = f"{i}.{j}"
    t.cell(3, 3).add_table(rows=1, cols=2).cell(0, 0).text = "nested"
    path = str(tmp_path / "merges.docx")
    d.save(path)
    got = D.read_document(path)
    assert as_data(got) == as_data(reference_read(path))
    assert sorted(got.grids[0].merged) == [(0, 0, 1, 0), (0, 1, 0, 3), (2, 1, 4, 2)]


@pytest.mark.parametrize("bad", [
    TBL(TC(P(R("a")), pr="<w:tcPr><w:gridSpan/></w:tcPr>")),            # gridSpan's w:val is required
    TBL(TC(P(R("a")), pr='<w:tcPr><w:gridSpan w:val="two"/></w:tcPr>')),
    P(R("a"), ppr="<w:pPr><w:pStyle/></w:pPr>"),                          # pStyle's w:val is required
])
def test_malformed_documents_fail_as_python_docx_fails(tmp_path, bad):
    path = build(tmp_path / "bad.docx", [(None, "before"), bad, P(R("after"), ppr="<w:pPr><w:pStyle/></w:pPr>")])
    with pytest.raises(Exception) as want:
        reference_read(path)
    with pytest.raises(Exception) as got:
        D.read_document(path)
    assert (type(got.value), str(got.value)) == (type(want.value), str(want.value))


# -- sentences ---------------------------------------------------------------------------------------------
ORIGINAL_END = re.compile(r"(?<![.\u2026])([.!?])(\s+)(?=[\"'“(\[]?[A-Z0-9])")


def random_texts(alphabet: str, n: int, seed: int, longest: int = 14):
    rnd = random.Random(seed)
    for _ in range(n):
        yield "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, longest)))


def test_sentence_ends_and_the_word_before_them():
    for text in random_texts(".!?\u2026  \tAaZz09(\"'“[xé,-ſ", 40000, 1):
        assert [(m.span(), m.groups()) for m in S._END.finditer(text)] == \
            [(m.span(), m.groups()) for m in ORIGINAL_END.finditer(text)], text
        w = S._WORD_BEFORE.search(text)
        assert S._word_before(text) == (w.group(1) if w else ""), text


ORIGINAL_NUMBER = re.compile(
    r"(?<![\w/.,])(?P<rp>Rp\.?\s?)?(?P<core>\d+(?:[.,]\d+)*)(?P<dash>,-{1,2}|,[-\u2013])?(?P<pct>\s?%)?(?![\w/])",
    re.I)


def test_number_pattern_with_its_quick_start():
    for text in random_texts("Rp rP. ,-%0129\u0663\u00bd\u2013ab/_", 40000, 7, longest=18):
        assert [(m.span(), m.groupdict()) for m in S.NUMBER.finditer(text)] == \
            [(m.span(), m.groupdict()) for m in ORIGINAL_NUMBER.finditer(text)], text


def test_squeeze_is_split_and_join():
    for text in random_texts(" \t\n\r\u00a0\u2028\u3000\x1c\x85ab.\u00ad\u200b", 100000, 8, longest=9):
        assert S.squeeze(text) == " ".join(text.split()), repr(text)


def test_no_list_marker_starts_with_a_capital():
    upper = [chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF and chr(i).isupper()]
    for c in upper:
        for text in (c + " x", c + ". x", c + ") x", c + "1. x"):
            assert S.strip_marker(text) == S.LIST_MARKER.sub("", text, count=1)


def test_tokens_skip_texts_without_digits():
    def original(text):
        out = []
        for m in S.NUMBER.finditer(text):
            raw = m.group(0)
            norm = raw.strip()
            if m.group("dash"):
                norm = norm[: norm.rfind(",")] + ",-"
            n = S.parse_text(norm.replace(" %", "%"))
            if n is None or (m.group("rp") and not n.rupiah):
                continue
            out.append(S.Token(m.start(), m.end(), raw.strip(), n))
        return out

    for text in random_texts("Rp. ,-%0129\u0663\u00bd\u2013ab", 20000, 2):
        assert S.tokens(text) == original(text), text


# -- keyword tests of the narrative analysis -------------------------------------------------------------
def test_odd_case_folds_are_all_known():
    """Every character re.IGNORECASE matches to an ASCII letter but str.lower() does not make that letter."""
    every = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF)
    odd = {m.group() for x in string.ascii_lowercase for m in re.finditer(x, every, re.I) if m.group().lower() != x}
    assert odd == set(K._FOLD_ODD)


LABELS = ["sangat tinggi", "tinggi", "sedang", "rendah", "sangat rendah"]
PREDIKAT_WORDS = re.compile(r"\b(?:predikat|kategori|kriteria|tergolong|peringkat)(?:\s+(?:nilai|kinerja|capaian))?"
                            r"\s+(?P<w>" + "|".join(map(re.escape, LABELS)) + r")\b", re.I)
PREDIKAT_COUNT = re.compile(r"\b(?P<n>\d+)\s+(?:\(\s*\w+(?:\s\w+)?\s*\)\s+)?indikator\b(?P<mid>[^.;\d]{0,60}?)\b"
                            r"(?:kategori|predikat|kriteria)\s+(?P<w>" + "|".join(map(re.escape, LABELS)) + r")\b",
                            re.I)
PATTERN_KEYS = [
    (C.BUDGET_WORD, C.BUDGET_KEYS), (C.SHORTAGE, C.SHORTAGE_KEYS), (C.MALE, C.MALE_KEYS),
    (C.CHANGE, C.CHANGE_KEYS), (C.NUM_WORDS_RE, C.NUM_WORDS_KEYS), (C.LEVEL_COUNT, C.LEVEL_COUNT_KEYS),
    (C.SDM_TOTAL, C.SDM_KEYS), (C.CAPAIAN_WORD, C.CAPAIAN_KEYS),
    (C.TABLE_REF, C.TABLE_REF_KEYS), (PREDIKAT_WORDS, C.PREDIKAT_KEYS), (PREDIKAT_COUNT, C.IND_KEYS),
    (C.LIST_ITEM, ("%",)), (C.TARGET_BEFORE, C.TARGET_KEYS), (C.NOT_CAPAIAN, C.NOT_CAPAIAN_KEYS),
    (C.REFERS_SASARAN, C.REFERS_SASARAN_KEYS),
] + [(rx, keys) for rx, needs in zip(C.PLACEHOLDERS, C.PLACEHOLDER_NEEDS) for keys in needs]
WORDS = sorted({k for _, keys in PATTERN_KEYS for k in keys} | set(LABELS) | {
    "Rp", "Rp.", "sebesar", "dari", "12", "3,5", "2024", "%", "(dua belas)", "laki-laki", "perempuan",
    "peningkatan", "sub kegiatan", "sumber daya manusia", "berjumlah", "sebanyak", "sejumlah", "jiwa", "kk",
    "yaitu:", "sebagai berikut", "terdiri atas", "terdiri dari", "yakni", "meliputi", "orang", "12 desa",
    "tabel 3.1", "s.d", "XX", "....", "…", ",-", ":", ";", ".",
    "sasaran", "kinerja", "nilai", "indikator kinerja", "belanja modal", "program", "Rp ......"})


def folds(word: str, rnd: random.Random) -> str:
    out = []
    for ch in word:
        x = rnd.random()
        if ch in "sS" and x < 0.15:
            ch = "\u017f"                                  # long s
        elif ch in "iI" and x < 0.15:
            ch = rnd.choice("\u0130\u0131")                # dotted capital I, dotless i
        elif x < 0.3:
            ch = ch.upper()
        out.append(ch)
    return "".join(out)


SEEDS = [
    "Realisasi anggaran sebesar Rp3.625.226.754,00", "Efisiensi: $efesiensi", "kekurangan 6 orang", "laki-laki 6.100 jiwa",
    "mengalami peningkatan 5%", "12 (dua belas) orang", "melaksanakan 3 program dan 9 kegiatan",
    "Sumber daya manusia kecamatan berjumlah 25 orang", "dengan capaian 95%", "membawahi 3 desa yaitu:",
    "lihat Tabel 3.1 s.d. Tabel 3.4", "dengan predikat kinerja sangat tinggi",
    "terdapat 5 (lima) indikator dengan kategori tinggi", "Petani 50% sebanyak 500 jiwa",
    "sebesar Rp ....... ,-", "sebesar ... %", "Rp xx", "sebanyak orang", "mencapai … %",
    "realisasi keuangan", "efisiensi anggaran", "nilai capaian sasaran", "dengan target",
]


def generated_texts(n: int, seed: int):
    """Sentences that match the patterns (and others), with the letters' case and folds changed."""
    rnd = random.Random(seed)
    for _ in range(n):
        if rnd.random() < 0.5:
            words = rnd.choice(SEEDS).split()
            for _ in range(rnd.randint(0, 2)):
                words.insert(rnd.randint(0, len(words)), rnd.choice(WORDS))
        else:
            words = [rnd.choice(WORDS) for _ in range(rnd.randint(1, 9))]
        words = [folds(w, rnd) if rnd.random() < 0.5 else w for w in words]
        yield " ".join(words) if rnd.random() < 0.9 else "".join(words)


def test_keywords_stand_for_their_patterns():
    hits = dict.fromkeys(range(len(PATTERN_KEYS)), 0)
    for text in generated_texts(15000, 3):
        for i, (rx, keys) in enumerate(PATTERN_KEYS):
            if rx.search(text):
                hits[i] += 1
                assert K.may_match(text, keys), (rx.pattern, keys, text)
    assert all(v >= 20 for v in hits.values()), hits       # every pattern was matched, folded or not


def test_digit_keys_are_those_of_extractors_that_need_a_digit():
    """Analysis.run looks for DIGIT_KEYS only in sentences with a digit: every pattern they stand for
    needs one (_budget, _shares, _shortage, _partition and _change return at once when the sentence has
    no number token, made by NUMBER), and no extractor that can do without a digit is gated by one."""
    assert C.DIGIT_KEYS == set(C.BUDGET_KEYS + C.SHORTAGE_KEYS + C.MALE_KEYS + C.CHANGE_KEYS + C.NUM_WORDS_KEYS
                               + C.LEVEL_COUNT_KEYS + C.IND_KEYS + C.SDM_KEYS + C.TABLE_REF_KEYS)
    others = set(C.PLACEHOLDER_KEYS + C.SASARAN_KEYS)
    others |= {k for needs in C.PLACEHOLDER_NEEDS for keys in needs for k in keys}
    assert not C.DIGIT_KEYS & others
    needs_digit = [C.NUM_WORDS_RE, C.LEVEL_COUNT, C.SDM_TOTAL, C.TABLE_REF, PREDIKAT_COUNT, S.NUMBER]
    for text in generated_texts(15000, 11):
        if not S._DIGIT.search(text):
            assert not any(rx.search(text) for rx in needs_digit), text


def test_captions_start_as_may_be_caption_says():
    # _may_be_caption stands for this pattern: its first character is white space, "." or t (re.I)
    assert C.CAPTION_RE.pattern == r"^\s*\.?\s*(tabel|table)\s+(\d+(?:\.\d+)*)" and C.CAPTION_RE.flags & re.I
    every = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF)
    for m in re.finditer(r"\s|\.|t", every, re.I):
        assert C._may_be_caption(m.group() + "abel 3.1"), hex(ord(m.group()))
    assert C._may_be_caption("") and not C._may_be_caption("Lihat tabel 3.1")


def test_number_reading_extractors_do_nothing_without_a_digit():
    an = object.__new__(C.Analysis)
    an.claims, an.year, an._clause_cache, an._keys_by_id = [], 2024, {}, {}
    texts = ["Realisasi anggaran belanja modal sebesar Rp tiga miliar atau sembilan puluh persen dari pagu.",
             "Kekurangan pegawai sebanyak lima orang dari kebutuhan ideal.",
             "Penduduk laki-laki dan perempuan berjumlah seribu jiwa.",
             "Capaian mengalami peningkatan dibandingkan tahun sebelumnya."]
    for text in texts:
        u = S.Unit(path="x.docx", para=1, section="", sections=[], near_table=None, style="", text=text,
                   para_text=text, tokens=S.tokens(text), digits=False)
        for fn in (an._budget, an._shares, an._shortage, an._partition, an._change):
            fn(u)
    assert an.claims == []


def test_end_words_stand_for_their_patterns():
    """may_end_with (a test of a paragraph's last word) is False only when the list patterns, searched
    in the paragraph without its list marker, cannot match it."""
    rnd = random.Random(5)
    ends = ["", " ", ":", " : ", ".", ";", ",", "\n", " ,\t", "::", "x", " \u00a0"]
    heads = ["", "1. ", "a) ", "- ", "(iv) ", "  "]
    hits = {"intro": 0, "item": 0}
    for text in generated_texts(20000, 6):
        text = rnd.choice(heads) + text + rnd.choice(ends)
        body = C.LIST_MARKER.sub("", text, count=1).strip()
        if C.LIST_INTRO.search(body):
            hits["intro"] += 1
            assert C.may_end_with(text, C.LIST_INTRO_ENDS, ":"), repr(text)
        if C.LIST_ITEM.match(body):
            hits["item"] += 1
            assert C.may_end_with(text, C.LIST_ITEM_ENDS, ".;,"), repr(text)
    assert all(v >= 20 for v in hits.values()), hits


def test_reference_words_found_from_the_end():
    words = ["nomor", "no", "no.", "nip.", "pasal", "ayat", "tahun", "tanggal", "tgl.", "tabel", "lampiran",
             "sasaran", "sasaran strategis", "sasaran \n strategis", "strategis", "tujuan", "indikator  tujuan",
             "program", "kegiatan", "misi", ":", " ", "\n", "\t", "\u00a0", "x", ".", "12", "NIP", "KEGIATAN"]
    rnd = random.Random(4)
    found = 0
    for _ in range(30000):
        text = folds("".join(rnd.choice(words) for _ in range(rnd.randint(0, 5))), rnd)
        want = bool(C._REF_BEFORE.search(text))
        assert C.ref_before(text) == want, repr(text)
        found += want
    assert found > 5000


def narrative_doc(path) -> str:
    """Sentences for every extractor, some written with the odd case folds."""
    import docx

    lines = [
        "Realisasi anggaran sebesar Rp3.625.226.754,00 dari pagu Rp3.800.000.000,00 atau 95,40%.",
        "Belanja operasi sebesar Rp3.000.000.000 atau 78,95% dari total belanja.",
        "Jumlah penduduk 12.000 jiwa terdiri dari laki-laki 6.100 jiwa dan perempuan 5.950 jiwa.",
        "Kebutuhan pegawai 20 orang, tersedia 15 orang, sehingga kekurangan 6 orang atau 30%.",
        "Capaian mengalami peningkatan 5% dibandingkan tahun sebelumnya 80%.",
        "Kecamatan melaksanakan 3 program, 9 kegiatan dan 20 sub kegiatan.",
        "Terdapat 5 (lima) indikator dengan kategori Sangat Tinggi.",
        "Sumber daya manusia kecamatan berjumlah 25 orang.",
        "Rincian dapat dilihat pada Tabel 3.9 dan Tabel 3.1 sampai dengan Tabel 3.4.",
        "Anggaran sebesar Rp ....... belum ditetapkan dan sebanyak ... %.",
        "ſEBANYAK 12 (dua belas) orang İNDİKATOR predikat Tınggi; kekurangan 3 orang.",
        "Capaıan kinerja sasaran 1 sebesar 95% dengan predikat Sangat Tinggi.",
        "Kecamatan membawahi 3 desa yaitu:",
        "1. Desa A", "2. Desa B", "3. Desa C",
        "Penduduk sebanyak 1.000 jiwa, antara lain:",
        "Petani 50% sebanyak 500 jiwa", "Pedagang 30% sebanyak 300 jiwa", "Lainnya 20% sebanyak 200 jiwa",
    ]
    d = docx.Document()
    d.add_heading("BAB III AKUNTABILITAS KINERJA", level=1)
    for line in lines:
        d.add_paragraph(line)
    d.save(str(path))
    return str(path)


def test_keyword_tests_change_no_claim(tmp_path, monkeypatch):
    files, _ = load_all([SAMPLE, narrative_doc(tmp_path / "narasi.docx")])
    want = C.claims_summary(files)
    monkeypatch.setattr(C, "keyword_text", lambda text: None)    # every sentence to every extractor
    assert C.claims_summary(files) == want
    assert any(c["mode"] == "placeholder" for c in want) and any(c["mode"] == "count" for c in want)
