"""The fast details pass (readers.xlsx_details) gives exactly what the openpyxl reference gives.

Each workbook here is written XML by XML, to reach what openpyxl-written files never contain: shared
and array formulas, error cells, dates out of range, merged ranges over values, duplicate cells,
cells and rows without a reference, inline and shared strings starting with "=", hidden rows in
the spellings openpyxl accepts, hidden and very hidden sheets, a chart sheet; and the cases the fast
pass hands to openpyxl (hyperlinks, dataTable formulas, unusual references, style indexes out of
range), whose result must be openpyxl's, exception included. Excel-like workbooks (shared strings,
a style on every cell, x14ac row attributes, entities, <x:c> prefixes, indented XML) must take the
pattern pass - neither lxml cell by cell nor the reference - and need no openpyxl import.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile

import pytest

from auditor.readers import xlsx_details as W
from auditor.readers.workbook import read_workbook

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
        return W.details(path)
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
    g = read_workbook(path)[0]
    assert not calls
    assert g.hidden_rows == {2, 3, 5} and g.values[2][2] == "#DIV/0!" and (2, 1) in g.uncached


# ------------------------------------------------------------------------------------------------
# the usual shapes take the pattern pass (no lxml cell by cell, no reference); the rest ends as
# openpyxl ends

EXCEL_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet {NS} xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">
 <numFmts count="5"><numFmt numFmtId="164" formatCode="#,##0.000"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/>
  <numFmt numFmtId="166" formatCode="[h]:mm"/><numFmt numFmtId="14" formatCode="d/m/yyyy"/>
  <numFmt numFmtId="167" formatCode="0.00"/></numFmts>
 <fonts count="2" x14ac:knownFonts="1"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/></font></fonts>
 <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
 <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>
  <border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>
 <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
 <cellXfs count="10">
  <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
  <xf numFmtId="3" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>
  <xf numFmtId="164" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1"/>
  <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
  <xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
  <xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
  <xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
  <xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyAlignment="1"><alignment horizontal="center"
   vertical="center" wrapText="1"/></xf>
  <xf numFmtId="10" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1"><protection locked="0"/></xf>
  <xf numFmtId="170" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
 </cellXfs>
 <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
 <dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>
</styleSheet>"""

EXCEL_STRINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst {NS} count="9" uniqueCount="9">
<si><t>Uraian</t></si><si><t>=not a formula</t></si><si><r><t>=ri</t></r><r><rPr><b/><sz val="11"/></rPr><t>ch</t></r></si>
<si><t xml:space="preserve">x005F_=unescaped</t></si><si><t>&#61;SUM(A1)</t></si><si><t xml:space="preserve"> =padded</t></si>
<si><r><rPr><b/></rPr><t></t></r><r><t>=second run</t></r></si><si><t>plain</t><rPh sb="0" eb="1"><t>=phonetic</t></rPh>
<phoneticPr fontId="1"/></si><si><t>a &gt;= b &amp; c</t></si></sst>"""

EXCEL = """<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:H12"/>
<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>
<cols><col min="1" max="1" width="30.7109375" customWidth="1"/><col min="2" max="8" width="14" style="1" customWidth="1"/></cols>
<sheetData><row r="1" spans="1:8" x14ac:dyDescent="0.25"><c r="A1" s="7" t="s"><v>0</v></c><c r="B1" s="7" t="s"><v>1</v></c><c r="C1" s="7" t="s"><v>2</v></c><c r="D1" s="7" t="s"><v>3</v></c><c r="E1" s="7" t="s"><v>4</v></c><c r="F1" s="7" t="s"><v>5</v></c><c r="G1" s="7" t="s"><v>6</v></c><c r="H1" s="7" t="s"><v>7</v></c></row>
<row r="2" spans="1:8" ht="30" customHeight="1" x14ac:dyDescent="0.25"><c r="A2" s="1"><v>1250000</v></c><c r="B2" s="2"><v>1.5</v></c><c r="C2" s="8"><v>0.825</v></c><c r="D2" s="3"><v>45292</v></c><c r="E2" s="5"><v>99999999</v></c><c r="F2" s="4"><v>1.25</v></c><c r="G2" s="6"><v>3</v></c><c r="H2" s="2"/></row>
<row r="3" spans="1:8" hidden="1" x14ac:dyDescent="0.25"><c r="A3" s="1"><f>SUM(A2:A2)</f><v>1250000</v></c><c r="B3" s="2"><f>IF(B2&gt;0,B2*2,"&lt;none&gt;")</f></c><c r="C3" t="e"><v>#DIV/0!</v></c><c r="D3" s="3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E3" s="1" t="str"><f>"="&amp;"x"</f><v>=x</v></c><c r="F3" t="str"><v>=text &amp; more</v></c><c r="G3" s="1" t="s"><v>8</v></c></row>
<row r="4" spans="1:8" hidden="true" x14ac:dyDescent="0.25"><c r="A4" s="1"><f t="shared" ref="A4:A6" si="0">B4+$C$4</f><v>1</v></c><c r="B4" t="b"><v>1</v></c><c r="C4" s="5"><v>-800000</v></c><c r="D4" s="4"><v>1E+300</v></c></row>
<row r="5" spans="1:8" hidden="0" x14ac:dyDescent="0.25"><c r="A5" s="1"><f t="shared" si="0"/><v>2</v></c><c r="B5" s="1" t="inlineStr"><is><t>=inline</t></is></c><c r="C5" t="inlineStr"><is><t xml:space="preserve">&#61;entity</t></is></c><c r="D5" s="2" t="inlineStr"><is><t/></is></c></row>
<row r="6" spans="1:8" hidden="False" outlineLevel="1" x14ac:dyDescent="0.25"><c r="A6" s="1"><f t="shared" si="0"/></c><c r="B6" s="1"><f t="array" ref="B6:B7">SUM(A2:A3*2)</f><v>5</v></c><c r="C6" s="2"><f aca="false">C2&#13;+1</f><v>2</v></c><c r="D6" s="1"><v></v></c></row>
<row r="7" spans="1:8" visible="0"><c r="A7" s="2"><v>7</v></c><c r="C7" s="3"><f>"x&#10;y"</f><v>1</v></c></row>
<row r="9" s="2" customFormat="1"><c r="B9" s="2"><v>10</v></c><c r="C9" s="2"><v>11</v></c><c r="D9" s="2"><v>12</v></c></row>
<row r="10"><c r="B10" s="2"><v>13</v></c><c r="C10" s="3"><f>B10</f><v>13</v></c><c r="D10" t="e"><v>#N/A</v></c></row>
<row r="12"><c r="A12" s="1" t="d"><v>2024-01-31T00:00:00</v></c><c r="B12" s="2" t="s"><v>5</v></c><c r="C12" s="6"><v>3</v></c></row>
</sheetData><mergeCells count="2"><mergeCell ref="B9:D10"/><mergeCell ref="G1:H2"/></mergeCells>
<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="portrait"/>"""


def _excel_book(path, body=EXCEL, **kw):
    """An Excel-like workbook (shared strings, a style on every cell, x14ac row attributes)."""
    path = _book(path, {"Data": body, "Lagi": body}, styles=kw.pop("styles", EXCEL_STYLES),
                 strings=kw.pop("strings", EXCEL_STRINGS), **kw)
    _rewrite(path, lambda name, data: data.replace(
        b"<worksheet ", b'<worksheet xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" ', 1)
        if name.startswith("xl/worksheets/") else data)
    return path


def _rewrite(path, change) -> None:
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, change(n, data))


def _ways(monkeypatch):
    """How each sheet was read: by the pattern pass, lxml cell by cell, or the reference."""
    seen = {"fast": 0, "lxml": 0, "reference": 0}
    fast, slow, ref = W._fast_cells, W._lxml_cells, W._openpyxl_details

    def fast_(*a):
        out = fast(*a)
        seen["fast"] += out is not None
        return out

    def slow_(*a):
        seen["lxml"] += 1
        return slow(*a)

    def ref_(path):
        seen["reference"] += 1
        return ref(path)

    monkeypatch.setattr(W, "_fast_cells", fast_)
    monkeypatch.setattr(W, "_lxml_cells", slow_)
    monkeypatch.setattr(W, "_openpyxl_details", ref_)
    return seen


def _prefixed(name, data):
    """every SpreadsheetML element of a worksheet spelt <x:...>"""
    if not name.startswith("xl/worksheets/"):
        return data
    data = re.sub(rb"<(/?)([A-Za-z]+)(?=[\s/>])", rb"<\1x:\2", data)
    return data.replace(b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
                        b'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')


def _pretty(name, data):
    """a worksheet written with line breaks and indentation between the tags"""
    if not name.startswith("xl/worksheets/"):
        return data
    return re.sub(rb"><(?!/t>|/v>|/f>)", b">\n  <", data)


@pytest.mark.parametrize("change", [None, _prefixed, _pretty], ids=["plain", "x-prefix", "pretty"])
def test_usual_excel_shapes_take_the_pattern_pass(tmp_path, monkeypatch, change):
    path = _excel_book(tmp_path / "excel.xlsx")
    if change:
        _rewrite(path, change)
    ref = W._openpyxl_details(path)
    seen = _ways(monkeypatch)
    fast = W.details(path)
    assert fast == ref
    assert seen == {"fast": 2, "lxml": 0, "reference": 0}
    formats, formulas, hidden_rows, _, errors = fast["Data"]
    assert formulas[(0, 2)] == "=rich" and formulas[(0, 3)] == "=unescaped" and formulas[(0, 4)] == "=SUM(A1)"
    assert formulas[(0, 6)] == "=second run" and (0, 5) not in formulas and (0, 7) not in formulas
    assert formulas[(2, 1)] == '=IF(B2>0,B2*2,"<none>")' and formulas[(2, 5)] == "=text & more"
    assert formulas[(4, 0)] == "=B5+$C$4" and formulas[(5, 1)].startswith("==") and formulas[(5, 2)] == "=C2\r+1"
    assert formulas[(4, 2)] == "=entity" and formulas[(6, 2)] == '="x\ny"'
    assert errors[(1, 4)] == errors[(3, 2)] == errors[(3, 3)] == "#VALUE!" and errors[(2, 2)] == "#DIV/0!"
    assert formats[(1, 4)] == "d/m/yyyy" and formats[(11, 2)] == "0.00" and formats[(1, 5)] == "[h]:mm"
    assert (1, 6) not in formats and (4, 3) in formats and (5, 3) not in formats
    assert hidden_rows == {2, 3, 5}                                        # visible="0" shows row 7


def test_the_pattern_pass_needs_no_openpyxl(tmp_path):
    """The usual workbook is read without importing openpyxl (a third of a second per process)."""
    body = EXCEL.replace('<f t="shared" ref="A4:A6" si="0">B4+$C$4</f>', "<f>B4+$C$4</f>") \
        .replace('<f t="shared" si="0"/>', "<f>B5+$C$5</f>").replace("-800000", "-8000").replace("1E+300", "1") \
        .replace("99999999", "45000").replace('t="d"><v>2024-01-31T00:00:00', "><v>1")
    path = _excel_book(tmp_path / "excel.xlsx", body)
    code = ("import sys; from auditor.readers import xlsx_details as W; d = W._fast_details(sys.argv[1]); "
            "print(len(d), 'openpyxl' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, path], capture_output=True, text=True, check=True,
                         cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    assert out.stdout.split() == ["2", "False"]


def test_builtin_formats_and_date_detection_match_openpyxl():
    from openpyxl.styles import numbers as N
    assert W._BUILTIN_FORMATS == N.BUILTIN_FORMATS and W._BUILTIN_MAX == N.BUILTIN_FORMATS_MAX_SIZE
    assert W._BUILTIN_REVERSE == N.BUILTIN_FORMATS_REVERSE
    codes = list(N.BUILTIN_FORMATS.values()) + [
        "yyyy-mm-dd", "dd/mm/yyyy", "[h]:mm:ss", "[mm]:ss", "[ss].00", '"Rp"#,##0', "[$-421]dd mmmm yyyy", "0.0%",
        "[Red]0", "d/m/yyyy;@", '_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-', '"days"0', "\\d0", "_d0", "[$Rp-421]#,##0",
        "#,##0.00;[Red]-#,##0.00", "h:mm;@", "0;[h]", "", "General", "@", 'mm"m"', "[DBNum1]0"]
    for code in codes:
        assert W._is_date_format(code) == N.is_date_format(code), code
        assert W._is_timedelta_format(code) == N.is_timedelta_format(code), code


ODD = [
    # handed to lxml, cell by cell
    '<sheetData><row r="1"><c r="A1" s="2"><v>1</v></c><!-- note --><c r="B1" s="2"><v>2</v></c></row></sheetData>',
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[=cdata]]></t></is></c></row></sheetData>',
    '<sheetData><row r="1"><c s="2" r="A1"><v>1</v></c><c r="B1" s="2" cm="1"><f>A1</f><v>1</v></c></row></sheetData>',
    '<sheetData><row r="1"><c r="A1" s="2"><v>1</v></c><c r="A1"><v>2</v></c></row></sheetData>',
    '<sheetData><row r="2" hidden="1"><c r="A2" s="2"><v>1</v></c></row><row r="2"><c r="B2"><v>1</v></c></row>'
    '</sheetData>',
    '<sheetData><row r="1"><c r="A1" s="2"><v>1</v><f>A2</f></c><c r="B1" t="x"><v>=odd type</v></c></row></sheetData>',
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><r><t>=ri</t></r><r><t>ch</t></r></is></c></row></sheetData>',
    '<sheetData><row r="1"><c r="A1" s="2"><v> 12 </v></c><c r="B1" t="b"><v>1</v></c></row></sheetData>',
    '<sheetData><row r="1"><c r="A1" s="2"><v>1</v></c></row><row><c r="A2" s="2"><v>2</v></c></row></sheetData>',
    # openpyxl raises (a style out of range, a bad number, a prefix or an entity XML does not know...)
    '<sheetData><row r="1"><c r="A1" s="10"/></row></sheetData>',
    '<sheetData><row r="1"><c r="A1" t="b"><v>1.0</v></c></row></sheetData>',
    '<sheetData><row r="1"><c r="A1" t="s"><v>1.0</v></c></row></sheetData>',
    '<sheetData><row r="1"><c r="A1" t="d"><v>31/01/2024</v></c></row></sheetData>',
    '<sheetData><row r="1" y:foo="1"><c r="A1"><v>1</v></c></row></sheetData>',
    '<sheetData><row r="1" hidden="1" hidden="0"><c r="A1"><v>1</v></c></row></sheetData>',
    '<sheetData><row r="1"><c r="A1" t="str"><v>=a &foo; b</v></c></row></sheetData>',
    '<sheetData><row r="1"><c r="A1" t="str"><v>=a &#1; b</v></c></row></sheetData>',
    '<sheetData><row r="1"><c r="A1" t="str"><v>a \x01 b</v></c></row></sheetData>',
    '<sheetData><row r="1"><c r="A1" t="str"><v>a ]]&gt; b ]]> c</v></c></row></sheetData>',
    '<sheetData xmlns="urn:other"><row r="1"><c r="A1"><v>1</v></c></row></sheetData>',
    '<sheetData><row r="1" xmlns="urn:other"><c r="A1"><v>1</v></c></row></sheetData>',
    # a number format openpyxl cannot resolve: only a cell with a value reads it
    '<sheetData><row r="1"><c r="A1" s="9"><v>1</v></c></row></sheetData>',
    '<sheetData><row r="1"><c r="A1" s="9"/><c r="B1" s="9"><v>1</v></c></row></sheetData>'
    '<mergeCells><mergeCell ref="A1:B1"/></mergeCells>',
    '<sheetData><row r="1"><c r="A1" s="1"><v>1</v></c></row></sheetData><sheetData><row r="2"><c r="A2"><v>1</v>'
    '</c></row></sheetData>',
    '<sheetData/><hyperlinks><hyperlink ref="A1" location="S!A1"/></hyperlinks>',
    '<sheetData><row r="1"><c r="A1" s="1"><v>1</v></c></row></sheetData><cols><col min="1" max="1" phonetic="1"/>'
    '</cols>',
]


@pytest.mark.parametrize("body", ODD)
def test_unusual_sheets_end_as_openpyxl_does(tmp_path, body):
    path = _excel_book(tmp_path / "odd.xlsx", body)
    assert _fast(path) == _reference(path)


def _parts(name, data, old, new):
    return data.replace(old, new) if name == "xl/workbook.xml" or name.startswith("xl/worksheets/") else data


@pytest.mark.parametrize("old,new", [
    # strict OOXML, another encoding, no namespace
    (b"http://schemas.openxmlformats.org/spreadsheetml/2006/main", b"http://purl.oclc.org/ooxml/spreadsheetml/main"),
    (b'encoding="UTF-8"', b'encoding="ISO-8859-1"'),
    # print titles openpyxl cannot read, or can
    (b"</sheets>", b'</sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">Data!foo'
                   b"</definedName></definedNames>"),
    (b"</sheets>", b'</sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">Data!$1:$2'
                   b'</definedName><definedName name="_xlnm.Print_Area" localSheetId="1">#REF!</definedName>'
                   b"</definedNames>"),
    (b'<sheet name="Data"', b'<sheet name="Da/ta"'),
    (b'<sheet name="Lagi" sheetId="2"', b'<sheet name="Lagi" sheetId="2" state="none"'),
])
def test_unusual_workbooks_end_as_openpyxl_does(tmp_path, old, new):
    path = _excel_book(tmp_path / "odd.xlsx")
    _rewrite(path, lambda name, data: _parts(name, data, old, new))
    assert _fast(path) == _reference(path)


@pytest.mark.parametrize("old,new", [
    (b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
     b'<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0"/>'),      # style 0 a date
    (b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
     b'<xf numFmtId="172" fontId="0" fillId="0" borderId="0" xfId="0"/>'),     # style 0 unresolvable
    (b'<alignment horizontal="center"', b'<alignment horizontal="middle"'),
    (b'<borders count="2">', b'<borders count="2"><border/>'),
    (b'<cellStyle name="Normal" xfId="0"', b'<cellStyle name="Normal" xfId="3"'),
    (b'borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>', b'borderId="7" xfId="0"/>'),  # merges read it
])
def test_unusual_styles_end_as_openpyxl_does(tmp_path, old, new):
    body = EXCEL.replace('s="9"', 's="1"')
    path = _excel_book(tmp_path / "odd.xlsx", body, styles=EXCEL_STYLES.replace(old.decode(), new.decode()))
    assert _fast(path) == _reference(path)


def test_a_chart_sheet_with_a_drawing_goes_to_openpyxl(tmp_path):
    path = _book(tmp_path / "chart.xlsx", {"S": RICH}, chart=True)
    _rewrite(path, lambda name, data: data.replace(b"</Relationships>", b'<Relationship Id="rId1" Type="http://'
             b'schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/d1.xml"/>'
             b"</Relationships>") if name == "xl/chartsheets/_rels/sheet1.xml.rels" else data)
    assert _fast(path) == _reference(path)
