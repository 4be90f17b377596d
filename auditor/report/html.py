"""A single self-contained HTML report: no network, inline CSS and a small filtering script.

Every string that comes from the report (messages, quotes, sheet names, paths — all of which come
from user files) goes through ``esc``. The inline script contains no report data at all; it reads
the ``data-*`` attributes of the finding elements.
"""
from __future__ import annotations

import html as _html
from typing import Any

from auditor.report import labels as L
from auditor.report import coverage as C

YEAR = ("Tahun", "Year")      # the year each file was taken as (periods.years)


def esc(v: Any) -> str:
    return _html.escape("" if v is None else str(v), quote=True)


_CSS = """
:root{--bg:#f6f7f9;--card:#fff;--ink:#1d2430;--mute:#5b6574;--line:#dde1e7;
--err:#b3261e;--err-bg:#fde8e7;--warn:#8a5a00;--warn-bg:#fff3cd;--info:#1f5fa8;--info-bg:#e3eefb;
--diag:#fff8dc;--diag-line:#e8c547}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);
font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif}
.wrap{max-width:1100px;margin:0 auto;padding:12px}
header.top{background:#243447;color:#fff;padding:14px 12px}
header.top .wrap{padding:0 12px}
header.top h1{font-size:1.25rem;margin:0 0 4px}
header.top .meta{font-size:.85rem;opacity:.9;overflow-wrap:anywhere}
header.top code{color:#fff;background:rgba(255,255,255,.12)}
h2{font-size:1.1rem;margin:18px 0 8px}
h3{font-size:.95rem;margin:10px 0 6px;color:var(--mute)}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
code{background:#eef0f3;padding:0 4px;border-radius:3px;overflow-wrap:anywhere}
.panel{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px;margin:12px 0}
.panel>h2:first-child{margin-top:0}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
details.more>summary{cursor:pointer;color:var(--mute);font-size:.9rem;margin-top:10px}
.stats{display:flex;flex-wrap:wrap;gap:8px;margin:0;padding:0;list-style:none}
.stat{flex:1 1 96px;border:1px solid var(--line);border-radius:6px;padding:8px 10px;background:#fbfcfd}
.stat b{display:block;font-size:1.3rem;line-height:1.1;font-variant-numeric:tabular-nums}
.stat span{font-size:.8rem;color:var(--mute)}
.stat.error{border-left:4px solid var(--err)}.stat.warning{border-left:4px solid #d9a400}
.stat.info{border-left:4px solid var(--info)}
.cols{display:grid;grid-template-columns:1fr;gap:12px}
@media(min-width:800px){.cols{grid-template-columns:1fr 1fr}}
table.mini{border-collapse:collapse;width:100%;font-size:.88rem}
table.mini th,table.mini td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:normal}
table.mini .fl{display:block;font-size:.78rem;color:var(--mute)}
table.mini td.n,table.mini th.n{text-align:right;font-variant-numeric:tabular-nums}
.issues{margin:6px 0 0;padding-left:18px;font-size:.88rem}
.issues li{overflow-wrap:anywhere}
.filters{display:none}
.js .filters{display:block}
.filters fieldset{border:0;margin:0 0 8px;padding:0;display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center}
.filters legend{font-weight:600;font-size:.85rem;color:var(--mute);padding:0;margin-bottom:4px;width:100%}
.filters label{display:inline-flex;align-items:center;gap:5px;font-size:.9rem;min-height:32px}
.filters input[type=checkbox]{width:18px;height:18px}
.filters select,.filters input[type=search]{font:inherit;padding:6px 8px;border:1px solid var(--line);
border-radius:6px;max-width:100%;min-width:0;width:100%}
.frow{display:grid;grid-template-columns:1fr;gap:8px}
@media(min-width:700px){.frow{grid-template-columns:1fr 1fr auto}}
.frow button{font:inherit;padding:6px 12px;border:1px solid var(--line);border-radius:6px;background:#fff;cursor:pointer}
.count{font-size:.85rem;color:var(--mute);margin:6px 0 0}
.findings{list-style:none;margin:0;padding:0}
.finding{background:var(--card);border:1px solid var(--line);border-left:5px solid var(--line);
border-radius:8px;padding:10px 12px;margin:0 0 10px;overflow-wrap:anywhere}
.finding.error{border-left-color:var(--err)}.finding.warning{border-left-color:#d9a400}
.finding.info{border-left-color:var(--info)}
.finding[hidden]{display:none}
.fhead{display:flex;flex-wrap:wrap;gap:6px 8px;align-items:baseline}
.badge{display:inline-block;font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em;
padding:2px 7px;border-radius:10px;white-space:nowrap}
.badge.error{background:var(--err-bg);color:var(--err)}
.badge.warning{background:var(--warn-bg);color:var(--warn)}
.badge.info{background:var(--info-bg);color:var(--info)}
.rule{font-weight:700;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.rname{color:var(--mute);font-size:.9rem}
.where{font-size:.85rem;color:var(--mute);margin:4px 0 0}
.where .file{font-weight:600;color:var(--ink)}
.msg{margin:6px 0;font-size:1rem}
blockquote{margin:6px 0;padding:6px 10px;border-left:3px solid var(--line);background:#f3f4f6;
font-style:italic;font-size:.92rem}
.vals{display:flex;flex-wrap:wrap;gap:6px;margin:6px 0;padding:0;list-style:none}
.vals li{border:1px solid var(--line);border-radius:6px;padding:3px 8px;background:#fbfcfd;font-size:.9rem}
.vals li span{display:block;font-size:.72rem;color:var(--mute);text-transform:uppercase;letter-spacing:.02em}
.vals li b{font-variant-numeric:tabular-nums}
.vals li.exp b{color:#0b6b2e}.vals li.rep.diff b{color:var(--err)}
.diag{background:var(--diag);border:1px solid var(--diag-line);border-radius:6px;padding:6px 10px;margin:6px 0;font-size:.92rem}
.diag strong{margin-right:4px}
details.rel{font-size:.88rem;margin-top:4px}
details.rel summary{cursor:pointer;color:var(--mute)}
ul.rellist{list-style:none;margin:4px 0 0;padding:0}
ul.rellist li{padding:3px 0;border-bottom:1px dashed var(--line)}
ul.rellist .role{display:inline-block;min-width:5.5em;color:var(--mute)}
ul.rellist b{font-variant-numeric:tabular-nums}
ul.rellist .lab{color:var(--mute)}
.fp{font-size:.72rem;color:#8a93a0;margin:4px 0 0}
.fp a{color:inherit}
.empty{padding:16px;text-align:center;color:var(--mute)}
footer{font-size:.8rem;color:var(--mute);text-align:center;padding:16px 0 24px}
@media(min-width:900px){
 table.mini .fl{display:inline;margin-left:6px;font-size:.88rem;color:var(--mute)}
 .finding{display:grid;grid-template-columns:minmax(220px,30%) 1fr;column-gap:16px}
 .finding .side{grid-column:1}.finding .main{grid-column:2}
}
@media print{.filters{display:none!important}.finding{break-inside:avoid}header.top{background:#fff;color:#000}
header.top code{color:#000}}
"""

# No report data in here: it only reads data-* attributes and form controls.
_JS = """
(function(){
var d=document;d.documentElement.className+=' js';
function ready(fn){if(d.readyState!=='loading'){fn();}else{d.addEventListener('DOMContentLoaded',fn);}}
ready(function(){
 if(window.matchMedia&&window.matchMedia('(max-width: 700px)').matches){
  [].slice.call(d.querySelectorAll('details.more')).forEach(function(x){x.removeAttribute('open');});}
 var items=[].slice.call(d.querySelectorAll('.finding'));
 var boxes=[].slice.call(d.querySelectorAll('.filters input[type=checkbox]'));
 var fileSel=d.getElementById('flt-file');var q=d.getElementById('flt-q');
 var shown=d.getElementById('flt-shown');var reset=d.getElementById('flt-reset');
 var empty=d.getElementById('flt-empty');
 function checked(name){var s={};boxes.forEach(function(b){if(b.name===name&&b.checked){s[b.value]=1;}});return s;}
 function apply(){
  var sev=checked('severity'),fam=checked('family');var file=fileSel?fileSel.value:'';
  var needle=q?q.value.toLowerCase().trim():'';var n=0;
  items.forEach(function(el){
   var ok=sev[el.getAttribute('data-severity')]&&fam[el.getAttribute('data-family')]&&
    (!file||el.getAttribute('data-file')===file)&&
    (!needle||el.textContent.toLowerCase().indexOf(needle)>=0);
   if(ok){el.removeAttribute('hidden');n++;}else{el.setAttribute('hidden','');}
  });
  if(shown){shown.textContent=String(n);}
  if(empty){if(n===0&&items.length>0){empty.removeAttribute('hidden');}else{empty.setAttribute('hidden','');}}
 }
 boxes.forEach(function(b){b.addEventListener('change',apply);});
 if(fileSel){fileSel.addEventListener('change',apply);}
 if(q){q.addEventListener('input',apply);}
 if(reset){reset.addEventListener('click',function(){boxes.forEach(function(b){b.checked=true;});
  if(fileSel){fileSel.value='';}if(q){q.value='';}apply();});}
 apply();
});
})();
"""


def _findings(report: dict) -> list[dict]:
    return [f for f in (report.get("findings") or []) if isinstance(f, dict)]


def _severity_counts(findings: list[dict]) -> dict[str, int]:
    return L.count_by(findings, lambda f: str(f.get("severity") or "info"))


def _family_counts(findings: list[dict]) -> dict[str, int]:
    return L.count_by(findings, L.finding_family)


def _summary(report: dict, lang: str, findings: list[dict]) -> str:
    summ = report.get("summary") or {}
    files = report.get("files") or []
    sev = _severity_counts(findings) if findings or not summ.get("by_severity") else dict(summ["by_severity"])
    fam = _family_counts(findings) if findings or not summ.get("by_family") else dict(summ["by_family"])
    n_files = summ.get("files", len(files))
    n_tables = summ.get("tables", sum(len(f.get("tables") or []) for f in files))
    skipped = report.get("skipped") or []
    unreadable = [f for f in files if f.get("error")]
    unrec = [(f.get("path"), u) for f in files for u in (f.get("unrecognised") or [])]
    out = [f'<section class="panel" aria-labelledby="h-summary"><h2 id="h-summary">{esc(L.label(lang, "summary"))}</h2>']
    out.append('<ul class="stats">')
    for s in L.SEVERITY_ORDER:
        out.append(f'<li class="stat {esc(s)}"><b>{sev.get(s, 0)}</b><span>{esc(L.severity_label(lang, s))}</span></li>')
    out.append(f'<li class="stat"><b>{esc(n_files)}</b><span>{esc(L.label(lang, "files_read"))}</span></li>')
    out.append(f'<li class="stat"><b>{esc(n_tables)}</b><span>{esc(L.label(lang, "tables"))}</span></li>')
    cov_run = summ.get("coverage")
    if cov_run is not None:     # coverage: how many of the numbers read took part in a check
        out.append(f'<li class="stat" title="{esc(C.coverage_line(cov_run, lang))}">'
                   f'<b>{esc(C.pct_text(cov_run.get("percent"), lang))}</b>'
                   f'<span>{esc(C.short(cov_run, lang))}</span></li>')
    if skipped or unreadable:
        out.append(f'<li class="stat"><b>{len(skipped) + len(unreadable)}</b>'
                   f'<span>{esc(L.label(lang, "not_read"))}</span></li>')
    if report.get("suppressed"):
        out.append(f'<li class="stat"><b>{esc(report.get("suppressed"))}</b><span title="{esc(L.label(lang, "suppressed"))}">{esc(L.label(lang, "suppressed_short"))}</span></li>')
    out.append('</ul>')

    out.append(f'<details class="more" open><summary>{esc(L.label(lang, "details"))}</summary><div class="cols">')
    # by family x severity
    out.append(f'<div><h3>{esc(L.label(lang, "by_family"))}</h3><div class="scroll"><table class="mini"><thead><tr>'
               f'<th>{esc(L.label(lang, "family"))}</th>')
    for s in L.SEVERITY_ORDER:
        out.append(f'<th class="n">{esc(L.severity_label(lang, s))}</th>')
    out.append(f'<th class="n">{esc(L.label(lang, "total"))}</th></tr></thead><tbody>')
    cross: dict[tuple[str, str], int] = {}
    for f in findings:
        k = (L.finding_family(f), str(f.get("severity") or "info"))
        cross[k] = cross.get(k, 0) + 1
    for fm in L.ordered(fam.keys(), L.FAMILY_ORDER):
        out.append(f'<tr><td><code>{esc(fm)}</code><span class="fl">{esc(L.family_label(lang, fm))}</span></td>')
        for s in L.SEVERITY_ORDER:
            out.append(f'<td class="n">{cross.get((fm, s), 0) or ""}</td>')
        out.append(f'<td class="n"><b>{fam.get(fm, 0)}</b></td></tr>')
    if not fam:
        out.append(f'<tr><td colspan="{len(L.SEVERITY_ORDER) + 2}">{esc(_clean(report, lang))}</td></tr>')
    out.append('</tbody></table></div></div>')

    # files
    out.append(f'<div><h3>{esc(L.label(lang, "files_read"))}</h3><div class="scroll"><table class="mini"><thead><tr>'
               f'<th>{esc(L.label(lang, "file"))}</th><th class="n">{esc(L.label(lang, "tables"))}</th>'
               f'<th class="n">{esc(L.label(lang, "findings"))}</th><th>{esc(C.label(lang, "coverage"))}</th>'
               f'<th class="n">{esc(YEAR[lang == "en"])}</th></tr></thead><tbody>')
    per_file = L.count_by(findings, lambda f: (f.get("location") or {}).get("path") or "")
    roots = report.get("paths") or []
    for fi in files:
        p = fi.get("path") or ""
        out.append(f'<tr><td class="mono">{esc(L.display_path(p, roots))}</td>'
                   f'<td class="n">{len(fi.get("tables") or [])}</td><td class="n">{per_file.get(p, 0)}</td>'
                   f'<td>{esc(C.short(fi.get("coverage"), lang) if "coverage" in fi else "")}</td>'
                   f'<td class="n">{esc(str(fi.get("year") or ""))}</td></tr>')
    out.append('</tbody></table></div>')
    notes = []
    for sk in skipped:
        notes.append(f'<li><span class="mono">{esc(L.display_path(sk.get("path"), roots))}</span> — '
                     f'{esc(L.label(lang, "skipped").lower())}: {esc(sk.get("reason"))}'
                     + (f' ({esc(sk.get("message"))})' if sk.get("message") else "") + '</li>')
    for fi in unreadable:
        notes.append(f'<li><span class="mono">{esc(L.display_path(fi.get("path"), roots))}</span> — '
                     f'{esc(L.label(lang, "unreadable").lower())}: {esc(fi.get("error"))}</li>')
    for p, u in unrec:
        notes.append(f'<li><span class="mono">{esc(L.display_path(p, roots))}</span> '
                     f'<code>{esc(u.get("sheet"))}</code> — {esc(L.label(lang, "unrecognised").lower())}: '
                     f'{esc(u.get("reason"))}</li>')
    for spot, why in C.not_audited(report, skipped=False):
        notes.append(f'<li><span class="mono">{esc(spot)}</span> — {esc(C.label(lang, "not_audited").lower())}: '
                     f'{esc(why)}</li>')
    if notes:
        out.append('<ul class="issues">' + "".join(notes) + '</ul>')
    out.append('</div></div>')

    settings = report.get("settings") or {}
    if settings:
        out.append(f'<h3>{esc(L.label(lang, "settings"))}</h3><table class="mini"><tbody>')
        for k, v in settings.items():
            out.append(f'<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>')
        out.append('</tbody></table>')
    out.append('</details></section>')
    return "".join(out)


def _filters(lang: str, findings: list[dict], roots: list[str]) -> str:
    sevs = L.ordered({str(f.get("severity") or "info") for f in findings}, L.SEVERITY_ORDER)
    fams = L.ordered({L.finding_family(f) for f in findings}, L.FAMILY_ORDER)
    files = []
    for f in findings:
        p = (f.get("location") or {}).get("path") or ""
        if p not in files:
            files.append(p)
    sc = _severity_counts(findings)
    fc = _family_counts(findings)
    out = [f'<section class="panel filters" aria-labelledby="h-filters"><h2 id="h-filters">{esc(L.label(lang, "filters"))}</h2>']
    out.append(f'<fieldset><legend>{esc(L.label(lang, "severity"))}</legend>')
    for s in sevs:
        out.append(f'<label><input type="checkbox" name="severity" value="{esc(s)}" checked> '
                   f'<span class="badge {esc(s)}">{esc(L.severity_label(lang, s))}</span> {sc.get(s, 0)}</label>')
    out.append('</fieldset>')
    out.append(f'<fieldset><legend>{esc(L.label(lang, "family"))}</legend>')
    for fm in fams:
        out.append(f'<label title="{esc(L.family_label(lang, fm))}"><input type="checkbox" name="family" value="{esc(fm)}" checked> '
                   f'<code>{esc(fm)}</code> {fc.get(fm, 0)}</label>')
    out.append('</fieldset>')
    out.append('<div class="frow">')
    out.append(f'<select id="flt-file" aria-label="{esc(L.label(lang, "file"))}">'
               f'<option value="">{esc(L.label(lang, "all_files"))}</option>')
    for p in files:
        out.append(f'<option value="{esc(p)}">{esc(L.display_path(p, roots))}</option>')
    out.append('</select>')
    out.append(f'<input type="search" id="flt-q" aria-label="{esc(L.label(lang, "search"))}" '
               f'placeholder="{esc(L.label(lang, "search_placeholder"))}">')
    out.append(f'<button type="button" id="flt-reset">{esc(L.label(lang, "reset"))}</button>')
    out.append('</div>')
    out.append(f'<p class="count">{esc(L.label(lang, "showing"))} <b id="flt-shown">{len(findings)}</b> '
               f'{esc(L.label(lang, "of"))} {len(findings)}</p>')
    out.append('</section>')
    return "".join(out)


def _values(f: dict, lang: str) -> str:
    rep, exp, imb = f.get("reported"), f.get("expected"), f.get("imbalance")
    if rep is None and exp is None and imb is None:
        return ""
    out = ['<ul class="vals">']
    if rep is not None:
        diff = " diff" if exp is not None and rep != exp else ""
        out.append(f'<li class="rep{diff}"><span>{esc(L.label(lang, "reported"))}</span><b>{esc(L.format_value(rep, lang))}</b></li>')
    if exp is not None:
        out.append(f'<li class="exp"><span>{esc(L.label(lang, "expected"))}</span><b>{esc(L.format_value(exp, lang))}</b></li>')
    if imb is not None:
        out.append(f'<li class="imb"><span>{esc(L.label(lang, "imbalance"))}</span><b>{esc(L.format_signed(imb, lang))}</b></li>')
    out.append('</ul>')
    return "".join(out)


def _related(f: dict, lang: str) -> str:
    rel = [r for r in (f.get("related") or []) if isinstance(r, dict)]
    if not rel:
        return ""
    path = (f.get("location") or {}).get("path")
    out = [f'<details class="rel"{" open" if len(rel) <= 4 else ""}><summary>{esc(L.label(lang, "related"))} ({len(rel)})</summary>'
           '<ul class="rellist">']
    for r in rel:
        lab = r.get("label")
        out.append(f'<li><span class="role">{esc(L.role_label(lang, r.get("role")))}</span> '
                   f'<code>{esc(L.related_ref(r, path))}</code> = <b>{esc(L.format_value(r.get("value"), lang))}</b>'
                   + (f' <span class="lab">({esc(L.truncate(lab, 60))})</span>' if lab else "") + '</li>')
    out.append('</ul></details>')
    return "".join(out)


def _finding(f: dict, lang: str, roots: list[str], fid: str) -> str:
    loc = f.get("location") or {}
    sev = str(f.get("severity") or "info")
    fam = L.finding_family(f)
    path = loc.get("path") or ""
    where = L.location_text(loc, lang, with_quote=False)
    out = [f'<li class="finding {esc(sev)}" id="{esc(fid)}" data-rule="{esc(f.get("rule"))}" '
           f'data-severity="{esc(sev)}" data-family="{esc(fam)}" data-file="{esc(path)}">']
    out.append('<div class="side"><div class="fhead">'
               f'<span class="badge {esc(sev)}">{esc(L.severity_label(lang, sev))}</span>'
               f'<span class="rule">{esc(f.get("rule"))}</span>'
               f'<span class="rname">{esc(f.get("name"))}</span></div>')
    out.append(f'<p class="where"><span class="file">{esc(L.display_path(path, roots))}</span>')
    if where:
        out.append(f'<br><span class="mono">{esc(where)}</span>')
    out.append('</p></div>')
    out.append('<div class="main">')
    out.append(f'<p class="msg">{esc(f.get("message"))}</p>')
    if loc.get("quote"):
        out.append(f'<blockquote>{esc(loc.get("quote"))}</blockquote>')
    out.append(_values(f, lang))
    if f.get("diagnosis"):
        out.append(f'<p class="diag"><strong>{esc(L.label(lang, "diagnosis"))}:</strong>{esc(f.get("diagnosis"))}</p>')
    out.append(_related(f, lang))
    if f.get("fingerprint"):
        out.append(f'<p class="fp mono"><a href="#{esc(fid)}">#{esc(f.get("fingerprint"))}</a></p>')
    out.append('</div></li>')
    return "".join(out)


def _clean(report: dict, lang: str) -> str:
    """"No findings", with what it covers (when the report carries coverage)."""
    return C.clean_text(report) if "coverage" in (report.get("summary") or {}) else L.label(lang, "no_findings")


def render_html(report: dict) -> str:
    """Render the report dict as one self-contained HTML5 document (a string)."""
    lang = L.lang_of(report)
    findings = _findings(report)
    roots = [str(p) for p in (report.get("paths") or [])]
    title = L.label(lang, "title")
    date = L.report_date(report)

    parts = ['<!DOCTYPE html>', f'<html lang="{esc(lang)}">', '<head>', '<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             # Nothing may be fetched: no network for scripts, styles, images, fonts, forms.
             "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
             "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; form-action 'none'\">",
             '<meta name="referrer" content="no-referrer">',
             f'<title>{esc(title)} — {esc(", ".join(L.file_name(p) for p in roots) or report.get("tool", "lkip-audit"))}</title>',
             f'<style>{_CSS}</style>', f'<script>{_JS}</script>', '</head>', '<body>']
    parts.append('<header class="top"><div class="wrap">')
    parts.append(f'<h1>{esc(title)}</h1><div class="meta">'
                 f'{esc(L.label(lang, "generated_by"))} {esc(report.get("tool", "lkip-audit"))} '
                 f'{esc(report.get("version", ""))}')
    if date:
        parts.append(f' · {esc(L.label(lang, "date"))}: {esc(date)}')
    if roots:
        parts.append(f'<br>{esc(L.label(lang, "paths"))}: ' + ", ".join(f'<code>{esc(p)}</code>' for p in roots))
    parts.append('</div></div></header>')
    parts.append('<main class="wrap">')
    parts.append(_summary(report, lang, findings))
    if findings:
        parts.append(_filters(lang, findings, roots))
    parts.append(f'<section aria-labelledby="h-findings"><h2 id="h-findings">{esc(L.label(lang, "findings"))} ({len(findings)})</h2>')
    if findings:
        parts.append('<ol class="findings">')
        seen: dict[str, int] = {}
        for i, f in enumerate(findings, 1):
            base = "f-" + (str(f.get("fingerprint") or "") or f"n{i}")
            seen[base] = seen.get(base, 0) + 1
            fid = base if seen[base] == 1 else f"{base}-{seen[base]}"
            parts.append(_finding(f, lang, roots, fid))
        parts.append('</ol>')
        parts.append(f'<p class="panel empty" id="flt-empty" hidden>{esc(L.label(lang, "no_findings"))}</p>')
    else:
        parts.append(f'<p class="panel empty">{esc(_clean(report, lang))}</p>')
    parts.append('</section></main>')
    parts.append(f'<footer>{esc(report.get("tool", "lkip-audit"))} {esc(report.get("version", ""))}</footer>')
    parts.append('</body></html>')
    return "\n".join(parts) + "\n"
