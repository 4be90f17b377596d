"""The fast details pass of readers.workbook gives exactly what the openpyxl reference gives.

Each workbook here is written XML by XML, to reach what openpyxl-written files never contain: shared
and array formulas, error cells, dates out of range, merged ranges over values, duplicate cells,
cells and rows without a reference, inline and shared strings starting with "=", hidden rows in
the spellings openpyxl accepts, hidden and very hidden sheets, a chart sheet; and the cases the fast
pass hands to openpyxl (hyperlinks, dataTable formulas, unusual references, style indexes out of
range), whose result must be openpyxl's, exception included.
"""
from __future__ import annotations

import zipfile

import pytest

from auditor.readers import workbook as W

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet {NS}>
 <numFmts count="3"><numFmt numFmtId="164" formatCode="#,##0.000"/><numFmt numFmtId="165" formatCode="0.00%"/>
  <numFmt numFmtId="166" formatCode="yyyy-mm-dd"/></numFmts>
 <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
 <fills count="1"><fill><patternFill patternType="none"/></fill></fills>
 <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
 <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
 <cellXfs count="7">
  <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
  <xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
  <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
  <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
  <xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
  <xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
  <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
 </cellXfs>
 <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""

STRINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst {NS} count="5" uniqueCount="5">
 <si><t>Uraian</t></si>
 <si><t>=not a formula</t></si>
 <si><r><t>=ri</t></r><r><rPr><b/></rPr><t>ch</t></r></si>
 <si><t xml:space="preserve"> x005F_x000D_ spaced </t></si>
 <si><t/></si>
</sst>"""


def _book(path, sheets: dict[str, str], *, states: dict[str, str] | None = None, chart: bool = False,
          date1904: bool = False, styles: str | None = STYLES, strings: str | None = STRINGS) -> str:
    """A workbook from raw sheet XML bodies (what goes inside <worksheet>)."""
    states = states or {}
    names = list(sheets)
    ct = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
          '<Default Extension="xml" ContentType="application/xml"/>',
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'spreadsheetml.sheet.main+xml"/>']
    rels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    pr = ' date1904="1"' if date1904 else ""
    wb = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook {NS}>',
          f'<workbookPr{pr}/><sheets>']
    parts = {}
    for i, name in enumerate(names, 1):
        ct.append(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-'
                  f'officedocument.spreadsheetml.worksheet+xml"/>')
        rels.append(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    f'relationships/worksheet" Target="worksheets/sheet{i}.xml"/>')
        state = f' state="{states[name]}"' if name in states else ""
        wb.append(f'<sheet name="{name}" sheetId="{i}"{state} r:id="rId{i}"/>')
        parts[f"xl/worksheets/sheet{i}.xml"] = \
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet {NS}>{sheets[name]}</worksheet>'
    if chart:
        n = len(names) + 1
        ct.append(f'<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
                  f'officedocument.spreadsheetml.chartsheet+xml"/>')
        rels.append(f'<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    f'relationships/chartsheet" Target="chartsheets/sheet1.xml"/>')
        wb.append(f'<sheet name="Grafik" sheetId="{n}" r:id="rId{n}"/>')
        parts["xl/chartsheets/sheet1.xml"] = f'<?xml version="1.0" encoding="UTF-8"?><chartsheet {NS}>' \
                                             f'<sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>'
        parts["xl/chartsheets/_rels/sheet1.xml.rels"] = '<?xml version="1.0" encoding="UTF-8"?><Relationships ' \
            'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
    k = len(names) + 2
    if styles is not None:
        ct.append('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                  'spreadsheetml.styles+xml"/>')
        rels.append(f'<Relationship Id="rId{k}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    f'relationships/styles" Target="styles.xml"/>')
        parts["xl/styles.xml"] = styles
    if strings is not None:
        ct.append('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                  'officedocument.spreadsheetml.sharedStrings+xml"/>')
        rels.append(f'<Relationship Id="rId{k + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    f'relationships/sharedStrings" Target="sharedStrings.xml"/>')
        parts["xl/sharedStrings.xml"] = strings
    ct.append("</Types>")
    rels.append("</Relationships>")
    wb.append("</sheets></workbook>")
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.'
                 'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
                 'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                 '</Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "".join(ct))
        z.writestr("_rels/.rels", root_rels)
        z.writestr("xl/workbook.xml", "".join(wb))
        z.writestr("xl/_rels/workbook.xml.rels", "".join(rels))
        for name, data in parts.items():
            z.writestr(name, data)
    return str(path)


def _reference(path):
    try:
        return W._openpyxl_details(path)
    except Exception as e:  # noqa: BLE001 - compared as such
        return ("raises", type(e).__name__)


def _fast(path):
    try:
        return W._details(path)
    except Exception as e:  # noqa: BLE001
        return ("raises", type(e).__name__)


RICH = """<sheetData>
 <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s" s="6"><v>1</v></c><c r="C1" t="s"><v>2</v></c>
  <c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>
 <row r="2" spans="1:6"><c r="A2" s="1"><v>1250000</v></c><c r="B2" s="2"><v>1.5</v></c><c r="C2" s="3"><v>0.825</v></c>
  <c r="D2" s="4"><v>45292</v></c><c r="E2" s="5"><v>99999999</v></c><c r="F2" s="2"/></row>
 <row r="3" hidden="1"><c r="A3" s="1"><f>SUM(A2:A2)</f><v>1250000</v></c><c r="B3" s="2"><f>B2*2</f></c>
  <c r="C3" t="e"><v>#DIV/0!</v></c><c r="D3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E3" t="str"><v>=text</v></c></row>
 <row r="4" hidden="true" ht="0"><c r="A4"><f t="shared" ref="A4:A6" si="0">B4+C4</f><v>1</v></c>
  <c r="B4" t="b"><v>1</v></c><c r="C4" t="d"><v>2024-01-31T00:00:00</v></c></row>
 <row r="5" hidden="0"><c r="A5"><f t="shared" si="0"/><v>2</v></c><c r="B5" t="inlineStr"><is><t>=inline</t></is></c>
  <c r="C5" t="inlineStr"><is><r><t>ru</t></r><r><t>ns</t></r></is></c><c r="D5" t="inlineStr"/></row>
 <row r="6" hidden="False" customHeight="1"><c r="A6"><f t="shared" si="0"/></c>
  <c r="B6"><f t="array" ref="B6:B7">SUM(A2:A3*2)</f><v>5</v></c><c r="C6" t="n"><v></v></c></row>
 <row r="7" hidden="f"><c r="A7" s="2"><v>7</v></c><c r="A7" s="1"><v>8</v></c><c r="C7" s="3"><v>1</v></c>
  <c r="C7"/></row>
 <row r="8" visible="0"><c r="A8" s="2"><v>3</v></c><c s="2"><v>4</v></c><c><v>5</v></c><c r="E8" s="1"><v>6</v></c></row>
 <row><c r="A9" s="2"><v>9</v></c></row>
 <row r="10"><c r="B10" s="2"><v>10</v></c><c r="C10" s="2"><v>11</v></c><c r="D10" s="2"><v>12</v></c></row>
 <row r="11"><c r="B11" s="2"><v>13</v></c><c r="C11" s="3"><f>B11</f><v>13</v></c><c r="D11" t="e"><v>#N/A</v></c></row>
</sheetData>
<mergeCells count="2"><mergeCell ref="B10:D11"/><mergeCell ref="G1:H2"/></mergeCells>"""


def test_fast_details_match_openpyxl_on_every_feature(tmp_path):
    path = _book(tmp_path / "rich.xlsx", {"Data": RICH, "Sembunyi": RICH, "Rahasia": RICH, "Kosong": "<sheetData/>"},
                 states={"Sembunyi": "hidden", "Rahasia": "veryHidden"}, chart=True)
    ref = W._openpyxl_details(path)
    fast = W._fast_details(path)
    assert fast == ref
    formats, formulas, hidden_rows, sheet_hidden, errors = fast["Data"]
    assert formulas[(3, 0)] == "=B4+C4" and formulas[(4, 0)] == "=B5+C5"   # shared formula, translated
    assert formulas[(5, 1)].startswith("==")                              # array formula, as recorded today
    assert (0, 1) in formulas and (4, 1) in formulas and (2, 4) in formulas  # text cells that start with "="
    assert errors[(2, 2)] == "#DIV/0!" and errors[(1, 4)] == "#VALUE!"    # a date beyond year 9999
    assert (9, 2) not in formats and (9, 1) in formats                    # merged: only the top-left keeps it
    assert hidden_rows == {2, 3, 5} and sheet_hidden is False   # "False" is true to openpyxl
    assert fast["Sembunyi"][3] is True and fast["Rahasia"][3] is True and "Grafik" not in fast


def test_fast_details_1904_and_no_shared_strings(tmp_path):
    body = '<sheetData><row r="1"><c r="A1" s="4"><v>3000000</v></c><c r="B1" s="4"><v>100</v></c></row></sheetData>'
    path = _book(tmp_path / "mac.xlsx", {"S": body}, date1904=True, strings=None)
    assert W._fast_details(path) == W._openpyxl_details(path)


@pytest.mark.parametrize("body", [
    # handed to openpyxl: hyperlinks can give an empty cell a value
    '<sheetData><row r="1"><c r="A1" s="2"/></row></sheetData><hyperlinks><hyperlink ref="A1" '
    'location="Sheet!A1" display="x"/></hyperlinks>',
    # handed to openpyxl: dataTable formula
    '<sheetData><row r="1"><c r="A1"><f t="dataTable" ref="A1:B2" dt2D="0" dtr="0" r1="C1"/><v>1</v></c></row>'
    '</sheetData>',
    # unusual references, both spellings openpyxl takes and ones it refuses
    '<sheetData><row r="1"><c r="$A$1" s="2"><v>1</v></c><c r="b1" s="2"><v>2</v></c></row></sheetData>',
    '<sheetData><row r="1"><c r="A0" s="2"><v>1</v></c></row></sheetData>',
    # style index out of range, bad numbers, shared string index out of range: openpyxl raises
    '<sheetData><row r="1"><c r="A1" s="99"><v>1</v></c></row></sheetData>',
    '<sheetData><row r="1" s="99" customFormat="1"><c r="A1"><v>1</v></c></row></sheetData>',
    '<sheetData><row r="1"><c r="A1"><v>abc</v></c></row></sheetData>',
    '<sheetData><row r="1"><c r="A1" t="s"><v>42</v></c></row></sheetData>',
    '<sheetData><row r="1.5"><c r="A1"><v>1</v></c></row></sheetData>',
    '<sheetData><row r="1.0"><c s="2"><v>1</v></c></row><row><c s="2"><v>2</v></c></row></sheetData>',
    '<sheetData><row r="2.0" hidden="1"><c r="A2"><v>1</v></c></row></sheetData>',
    '<sheetData><row r="1" ht="tall"><c r="A1"><v>1</v></c></row></sheetData>',
    '<cols><col min="1" max="2" width="wide"/></cols><sheetData/>',
    '<cols><col min="1" max="2" width="9" style="99"/></cols><sheetData/>',
    # whole-column merge, an element that is not a cell inside a row
    '<sheetData><row r="1"><c r="A1" s="2"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A:B"/></mergeCells>',
    '<sheetData><row r="1"><c r="A1" s="2"><v>1</v></c><extLst/></row></sheetData>',
])
def test_cases_the_fast_pass_hands_over_end_as_openpyxl_does(tmp_path, body):
    path = _book(tmp_path / "odd.xlsx", {"S": body})
    assert _fast(path) == _reference(path)


def test_a_chart_sheet_openpyxl_cannot_read_fails_the_same(tmp_path):
    path = _book(tmp_path / "chart.xlsx", {"S": RICH}, chart=True)
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist() if "chartsheets/_rels" not in n}
    with zipfile.ZipFile(path, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    assert _reference(path)[0] == "raises"
    assert _fast(path) == _reference(path)


def test_odd_sheet_titles_and_missing_styles(tmp_path):
    body = '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>'
    for sheets in ({"A/B": body}, {"Data": body, "data": body}):
        path = _book(tmp_path / "t.xlsx", sheets)
        assert _fast(path) == _reference(path)
    path = _book(tmp_path / "nostyle.xlsx", {"S": body}, styles=None)
    assert _fast(path) == _reference(path)


def test_read_workbook_uses_the_fast_pass(tmp_path, monkeypatch):
    path = _book(tmp_path / "rich.xlsx", {"Data": RICH})
    calls = []
    monkeypatch.setattr(W, "_openpyxl_details", lambda p: calls.append(p) or {})
    g = W.read_workbook(path)[0]
    assert not calls
    assert g.hidden_rows == {2, 3, 5} and g.values[2][2] == "#DIV/0!" and (2, 1) in g.uncached
