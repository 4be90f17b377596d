"""HTML tables saved as ".xls" (a web application's "export to Excel") and MHTML ("save page as single
file"), read as Grids like any sheet.

Safety: the file's size is bounded by ``safety.check_file`` (Limits.max_html_bytes) before this runs; the
page is parsed by lxml's HTML parser with network access off and no entity or DTD processing (HTML has
none to resolve; nothing outside the file is ever fetched: images, styles and links are ignored). An
MHTML file is a MIME message: the stdlib ``email`` package takes it apart and decodes its
quoted-printable / base64 HTML part. Spans are clipped to the table (a ``rowspan="65534"`` costs nothing).

Cells keep the text as shown: "1.949.000,00" stays text and is read by the same number rules as a sheet's
text cells; ``rowspan``/``colspan`` become merged ranges, as Excel shows them when it opens the file.
"""
from __future__ import annotations

import re

from .grid import Grid

MAX_SPAN = 1000            # a colspan beyond this is damage or hostility, not layout
MAX_CELLS = 5_000_000      # all tables of a page together
_WS = re.compile(r"\s+")


def _html_bytes(path: str, mime: bool) -> tuple[bytes, str | None]:
    """The page's bytes, and their encoding when known from outside the page (a MIME charset, a BOM)."""
    with open(path, "rb") as f:
        data = f.read()
    if not mime:
        for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
            if data.startswith(bom):
                return data[len(bom):], enc
        return data, None
    import email
    from email import policy

    msg = email.message_from_bytes(data, policy=policy.compat32)
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if payload is None:
                continue
            charset = part.get_content_charset()
            if charset:
                try:
                    "".encode(charset)
                    return payload, charset          # the MIME header's charset wins over the page's <meta>
                except LookupError:
                    pass
            return payload, None
    raise ValueError("the MHTML file holds no HTML part")


def _text(el) -> str:
    # <br> inside a cell is a line break the author made; everything else is whitespace
    for br in el.iter("br"):
        br.tail = "\n" + (br.tail or "")
    parts = [_WS.sub(" ", line).strip() for line in el.text_content().split("\n")]
    return "\n".join(p for p in parts if p)


def _own_rows(table) -> list:
    """The rows of a table (in thead/tbody/tfoot or directly under it), not those of tables nested in it."""
    rows = []
    for child in table:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in ("thead", "tbody", "tfoot"):
            rows.extend(r for r in child if isinstance(r.tag, str) and r.tag == "tr")
        elif tag == "tr":
            rows.append(child)
    return rows


def _lay_out(path: str, table, n: int, budget: list[int]) -> Grid | None:
    rows = _own_rows(table)
    if not rows:
        return None
    taken: dict[tuple[int, int], bool] = {}
    cells: dict[tuple[int, int], str] = {}
    merged: list[tuple[int, int, int, int]] = []
    width = 0
    nrows = len(rows)
    for r, tr in enumerate(rows):
        c = 0
        for td in tr:
            if not isinstance(td.tag, str) or td.tag not in ("td", "th"):
                continue
            while taken.get((r, c)):
                c += 1
            try:
                cs = max(1, min(MAX_SPAN, int(td.get("colspan", "1").strip() or 1)))
            except ValueError:
                cs = 1
            try:
                rs = max(1, min(nrows - r, int(td.get("rowspan", "1").strip() or 1)))
            except ValueError:
                rs = 1
            budget[0] -= cs * rs
            if budget[0] < 0:
                raise ValueError(f"the page's tables hold more than {MAX_CELLS} cells")
            text = _text(td)
            if text:
                cells[(r, c)] = text
            for rr in range(r, r + rs):
                for cc in range(c, c + cs):
                    taken[(rr, cc)] = True
            if cs > 1 or rs > 1:
                merged.append((r, c, r + rs - 1, c + cs - 1))
            c += cs
            width = max(width, c)
    if width == 0:
        return None
    values: list[list] = [[None] * width for _ in range(nrows)]
    for (r, c), v in cells.items():
        values[r][c] = v
    return Grid(path=path, sheet=f"table {n}", values=values, merged=merged, source="html")


def read_html(path: str, mime: bool = False) -> list[Grid]:
    import lxml.html

    data, encoding = _html_bytes(path, mime)
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, huge_tree=False)
    # an encoding known from outside the page is applied here (the page's own <meta> is then not consulted);
    # otherwise libxml2 follows the <meta> charset, as a browser would
    doc = data.decode(encoding, errors="replace") if encoding else data
    root = lxml.html.document_fromstring(doc, parser=parser)
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    grids: list[Grid] = []
    budget = [MAX_CELLS]
    headings: list[str] = []
    for el in root.iter("table", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "title"):
        if el.tag != "table":
            if el.tag != "caption":
                text = _WS.sub(" ", el.text_content()).strip()
                if text:
                    headings.append(text)
            continue
        if any(a.tag == "table" for a in el.iterancestors()):
            continue                      # a table inside a cell is part of that cell's text
        g = _lay_out(path, el, len(grids) + 1, budget)
        if g is None:
            continue
        cap = el.find("caption")
        caption = _WS.sub(" ", cap.text_content()).strip() if cap is not None else None
        g.caption = caption or (headings[-1] if headings else None)
        g.preamble = headings[-4:]         # the title lines above the table, as a sheet has them in rows
        headings = []
        grids.append(g)
    return grids
