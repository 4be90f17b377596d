"""Table kinds: the header vocabulary each kind is recognised by, and its canonical columns.

A column pattern is a regular expression searched in the column's flattened, normalised header
(lower case, punctuation to spaces, header rows joined top to bottom). A pattern with a named group
`key` makes one canonical column per key ("target@2024", "mark@sangat tinggi"). Within a kind the
first matching column spec wins, so specific patterns come before general ones.
Detection is by vocabulary and content only, never by file or sheet name.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Col:
    name: str
    pattern: str
    numeric: bool = False
    required: bool = False
    group: bool = False          # a grouping column whose merged/blank cells carry down (Sasaran over rows)
    multi: bool = False          # several columns may match: the first is `name`, the next name@2, name@3…

    @property
    def rx(self) -> re.Pattern:
        return _compile(self.pattern)


# A total row's label is the total word alone ("JUMLAH", "Total", "Jumlah Total"), never a name that
# merely starts with it ("Jumlah Dokumen Perencanaan" is an indicator).
TOTAL_LABELS = (r"^(jumlah( total| keseluruhan| seluruhnya)?|total( keseluruhan)?|grand total"
                r"|rata[- ]?rata( capaian)?( kinerja)?( \(?%\)?)?)\s*[:.]?$")


@dataclass(frozen=True)
class Kind:
    name: str
    title: str                    # Indonesian, as users call it
    title_en: str
    cols: tuple[Col, ...]
    label_cols: tuple[str, ...] = ("label",)   # where a row's label is read, in order of preference
    total_labels: str = TOTAL_LABELS
    min_score: int = 2            # matched columns needed besides the required ones
    hierarchy: bool = False       # rows form a program/kegiatan/sub kegiatan tree
    flat: bool = False            # machine export: one header row, no sections or totals
    level_cols: tuple[tuple[str, str], ...] = ()  # (column, level): a row with text in column is at level
    notes: str = ""

    def spec(self, canon: str) -> Col:
        """The column spec of a canonical column name ("target@2024" -> target)."""
        base = canon.split("@")[0]
        got = self._specs.get(base)
        return got if got is not None else next(s for s in self.cols if s.name == base)

    @functools.cached_property
    def _specs(self) -> dict[str, Col]:
        """Column spec by name, the first of a name winning (as a search of `cols` finds it); asked for
        every column of every table detected."""
        return {s.name: s for s in reversed(self.cols)}

    @property
    def total_rx(self) -> re.Pattern:
        return _compile(self.total_labels)


_RX: dict[str, re.Pattern] = {}


def _compile(p: str) -> re.Pattern:
    rx = _RX.get(p)
    if rx is None:
        rx = _RX[p] = re.compile(p)
    return rx


YEAR = r"(?P<key>20[0-9]{2})"
LABEL_PK = r"(program.*kegiatan|^uraian$|^program$|kegiatan.*sub)"

# The program/kegiatan/sub kegiatan code and name columns every SIPD export carries.
SIPD_CODES = (
    Col("kode_sub", r"^kode sub kegiatan$", required=True),
    Col("nama_sub", r"^nama sub kegiatan$"),
    Col("kode_program", r"^kode program$"),
    Col("nama_program", r"^nama program$"),
    Col("kode_kegiatan", r"^kode kegiatan$"),
    Col("nama_kegiatan", r"^nama kegiatan$"),
)

KINDS: tuple[Kind, ...] = (
    Kind("sipd_realisasi", "SIPD Laporan Realisasi Per Dokumen", "SIPD realisation export", SIPD_CODES + (
        Col("kode_rekening", r"^kode rekening$"),
        Col("nama_rekening", r"^nama rekening$"),
        Col("nilai_realisasi", r"^nilai realisasi$", numeric=True, required=True),
        Col("nilai_setoran", r"^nilai setoran$", numeric=True),
        Col("nomor_sp2d", r"^nomor sp2d$"),
        Col("nilai_sp2d", r"^nilai sp2d$", numeric=True),
        Col("nomor_dokumen", r"^nomor dokumen$"),
    ), label_cols=("nama_sub",), flat=True),
    Kind("sipd_pagu", "SIPD rekap pagu (DPA)", "SIPD budget export", SIPD_CODES + (
        Col("kode_rekening", r"^kode rekening$", required=True),
        Col("nama_rekening", r"^nama rekening$"),
        Col("pagu", r"^(pagu|nilai pagu|anggaran)$", numeric=True, required=True),
        Col("tahun", r"^tahun$"),
    ), label_cols=("nama_sub",), flat=True),
    Kind("sdm", "Komposisi pegawai (SDM)", "Staff composition", (
        Col("label", r"^jabatan$", required=True),
        Col("keb_total", r"^kebutuhan (σ|∑|jumlah|jml|total)$", numeric=True, required=True),
        Col("keb", r"^kebutuhan (?P<key>sd|smp|sma|smk|d1|d2|d3|d4|s1|s2|s3)$", numeric=True),
        Col("bez_total", r"^(bezetting|pegawai yang ada).*(σ|∑|jumlah|jml|total)$", numeric=True, required=True),
        Col("bez", r"^(bezetting|pegawai yang ada).* (?P<key>sd|smp|sma|smk|d1|d2|d3|d4|s1|s2|s3)$", numeric=True),
        Col("l", r"^(l|laki laki|pria)$", numeric=True),
        Col("p", r"^(p|perempuan|wanita)$", numeric=True),
    )),
    Kind("sarpras", "Sarana dan prasarana", "Facilities", (
        Col("no", r"^no$"),
        Col("label", r"^(sarana( dan)? prasarana|jenis( barang)?|nama barang|uraian)$", required=True),
        Col("jumlah_ideal", r"^(jumlah|jml) (ideal|kebutuhan)$", numeric=True),
        Col("jumlah", r"^(jumlah|jml)( unit| barang)?$", numeric=True, required=True),
        Col("kondisi", r"^kondisi$", required=True),
    ), min_score=0),
    Kind("program_pendukung", "Program pendukung sasaran", "Programmes supporting each target", (
        Col("sasaran", r"^sasaran( strategis)?$", group=True, required=True),
        Col("label", LABEL_PK, required=True),
        Col("pagu", r"^(anggaran|pagu)\b", numeric=True, required=True),
        Col("realisasi", r"^realisasi\b", numeric=True, required=True),
        Col("persen", r"serapan|penyerapan", numeric=True, required=True),
    ), label_cols=("label",), hierarchy=True, min_score=0),
    Kind("anggaran", "Anggaran / realisasi anggaran (DPA, LRA)", "Budget / budget realisation", (
        Col("no", r"^no$"),
        Col("kode", r"^kode( rekening| program| sub ?kegiatan| kegiatan| urusan| bidang( urusan)?| opd| skpd| unit)?$",
            multi=True),
        Col("label", LABEL_PK, required=True),
        Col("pagu", r"^(anggaran|pagu)\b(?!.*realisasi)", numeric=True, required=True),
        Col("realisasi", r"^realisasi\b(?!.* %$)", numeric=True),
        # "%", "% Realisasi", "Persentase (%)", "Capaian (%)", "Realisasi (%)" next to "Realisasi (Rp)"
        Col("persen", r"^(%|persen(tase)?|capaian|serapan|penyerapan)( realisasi| serapan| penyerapan)?( anggaran)?"
                      r"( %)?$|^realisasi( anggaran)? %$", numeric=True),
        # LRA: "Bertambah/(Berkurang)" over "Rp | %" (realisasi − anggaran; some write anggaran − realisasi)
        Col("selisih", r"^(bertambah|lebih)\b.*(berkurang|kurang)\b( rp)?$|^selisih( rp)?$", numeric=True),
    ), hierarchy=True, min_score=0),
    Kind("pk_anggaran", "Perjanjian Kinerja: program dan anggaran", "Performance agreement: programmes and budget", (
        Col("label", r"^program$", required=True),
        Col("pagu", r"^(anggaran|pagu)\b", numeric=True, required=True),
        Col("keterangan", r"^keterangan$", required=True),
    ), hierarchy=True, min_score=0),
    Kind("skala", "Skala nilai peringkat kinerja", "Rating scale", (
        Col("no", r"^no$"),
        Col("interval", r"(interval|rentang|nilai realisasi|skala nilai|skor|range)", required=True),
        Col("label", r"(kriteria|predikat|kategori|penilaian)", required=True),
        Col("kode", r"^kode$"),
    ), min_score=0),
    Kind("rekap_predikat", "Rekapitulasi predikat capaian", "Summary of achievement ratings", (
        Col("label", r"^sasaran.*indikator|^sasaran$|^indikator", required=True),
        Col("capaian", r"^% capaian|^capaian", numeric=True, required=True),
        Col("mark", r"^predikat( kinerja)? (?P<key>sangat tinggi|tinggi|sedang|rendah|sangat rendah|sangat baik|baik|cukup|kurang|sangat kurang)$", required=True),
    ), total_labels=r"^(jumlah|total)\s*[:.]?$", min_score=0),
    Kind("efisiensi", "Efisiensi penggunaan sumber daya", "Resource efficiency", (
        Col("label", r"^sasaran", required=True),
        Col("capaian", r"capaian", numeric=True, required=True),
        Col("serapan", r"serapan|penyerapan", numeric=True, required=True),
        Col("kategori", r"(kategori|efisiensi)", required=True),
    ), min_score=0),
    Kind("pengukuran", "Pengukuran kinerja (target, realisasi, capaian)", "Performance measurement", (
        Col("no", r"^no$"),
        Col("sasaran", r"^sasaran", group=True),
        Col("indikator", r"^indikator", required=True),
        Col("capaian_akhir", r"capaian.*(akhir|renstra)", numeric=True),
        Col("target_akhir", r"^target akhir", numeric=True),
        Col("capaian", r"capaian", numeric=True, required=True),
        Col("target", r"^target", numeric=True, required=True),
        Col("realisasi", r"^realisasi", numeric=True, required=True),
    ), label_cols=("indikator", "sasaran"), min_score=0),
    Kind("realisasi_tahunan", "Realisasi kinerja per tahun", "Performance by year", (
        Col("no", r"^no$"),
        Col("sasaran", r"^sasaran", group=True),
        Col("indikator", r"^indikator", required=True),
        Col("realisasi", r"^realisasi.*" + YEAR + r"$", numeric=True, required=True),
        Col("target", r"^target.*" + YEAR + r"$", numeric=True),   # "Target 2024" beside past realisasi
    ), label_cols=("indikator", "sasaran"), min_score=0),
    Kind("perbandingan", "Perbandingan realisasi dengan nasional/regional", "Comparison with national figures", (
        Col("no", r"^no$"),
        Col("sasaran", r"^sasaran", group=True),
        Col("indikator", r"^indikator", required=True),
        Col("realisasi_nasional", r"realisasi( th)?( 20[0-9]{2})? (nasional|regional|provinsi|kabupaten)", numeric=True, required=True),
        Col("realisasi", r"^realisasi", numeric=True, required=True),
        Col("ket", r"^ket"),
    ), label_cols=("indikator", "sasaran"), min_score=0),
    Kind("tc25", "Renstra T-C.25: tujuan dan sasaran", "Strategic plan T-C.25 targets", (
        Col("no", r"^no$"),
        Col("tujuan", r"^tujuan$", group=True),
        Col("indikator_tujuan", r"^indikator tujuan$", group=True),
        Col("sasaran", r"^sasaran$", group=True, required=True),
        Col("indikator", r"^indikator( sasaran| kinerja)?( tujuan sasaran)?$", required=True),
        Col("target", r"^target kinerja.*" + YEAR + r"$", numeric=True, required=True),
        # the Permendagri 86 template numbers the years: `pada Tahun ke-` over `1 2 3 4 5` -> target@1 …
        Col("target", r"^target kinerja.*tahun ke (?P<key>[1-9])$", numeric=True),
        Col("strategi", r"strategi"),
    ), label_cols=("indikator", "sasaran"), min_score=0),
    Kind("pk", "Perjanjian Kinerja: sasaran dan target", "Performance agreement: targets", (
        Col("no", r"^no$"),
        Col("sasaran", r"^(?!indikator).*(sasaran strategis|kinerja utama)|^sasaran$", group=True, required=True),
        Col("indikator", r"^indikator( kinerja)?( utama)?$", required=True),
        Col("target", r"^target\b", numeric=True, required=True),
    ), label_cols=("indikator", "sasaran"), min_score=0),
    Kind("io_detail", "Rincian input/output sub kegiatan", "Sub-activity input/output detail", (
        Col("jenis", r"^$|^(jenis|komponen)$"),
        Col("label", r"^uraian( input)?( output)?$", required=True),
        Col("satuan", r"^satuan$", required=True),
        Col("target", r"^target$", numeric=True, required=True),
        Col("realisasi", r"^realisasi$", numeric=True, required=True),
    ), min_score=0),
    Kind("iku", "Indikator Kinerja Utama", "Key performance indicators", (
        Col("sasaran", r"^sasaran strategis$", required=True),
        Col("indikator", r"^iku$|^indikator kinerja utama( iku)?$", required=True),
        Col("formulasi", r"formulasi", required=True),
        Col("pj", r"penanggung jawab"),
        Col("sumber", r"sumber data"),
    ), label_cols=("indikator",), min_score=0),
    Kind("rpjmd", "Cascading RPJMD", "Regional plan cascade", (
        Col("misi", r"^misi$", group=True, required=True),
        Col("tujuan", r"^tujuan rpjmd$|^tujuan$", group=True, required=True),
        Col("indikator_tujuan", r"^indikator tujuan$", group=True),
        Col("sasaran", r"^sasaran rpjmd$|^sasaran$", required=True),
        Col("indikator", r"^indikator sasaran$"),
    ), label_cols=("sasaran",), min_score=0),
)

# SIPD's "Rekapitulasi Belanja menurut Urusan, Organisasi, Program, Kegiatan beserta Hasil dan Sub Kegiatan"
# (the LRA per sub kegiatan): codes over up to four columns, Kelompok Belanja (Operasi / Modal / Tak
# Terduga / Transfer, or by jenis belanja) each over Anggaran | Realisasi, and the columns users append.
_GROUP = (r"(?:(?:kelompok|jenis) belanja |belanja )?(?P<key>operasi|modal|tak terduga|tidak terduga|transfer"
          r"|pegawai|barang( dan)? jasa|hibah|bantuan sosial|bagi hasil|bantuan keuangan|subsidi|bunga)")
KINDS = KINDS + (
    Kind("rekap_belanja", "SIPD Rekapitulasi Belanja (LRA per sub kegiatan)", "SIPD expenditure summary (LRA)", (
        Col("kode", r"^kode\b", multi=True, required=True),
        Col("label", r"^uraian", required=True),
        Col("anggaran", "^" + _GROUP + r" (anggaran|pagu)( rp)?$", numeric=True, required=True),
        Col("realisasi", "^" + _GROUP + r" realisasi( rp)?$", numeric=True),
        Col("total_anggaran", r"^(total|jumlah)( belanja)? (anggaran|pagu)( rp)?$", numeric=True),
        Col("total_realisasi", r"^(total|jumlah)( belanja)? realisasi( rp)?$", numeric=True),
        Col("persen_sisa", r"^(% sisa|persen(tase)? sisa)", numeric=True),
        Col("persen", r"^(%|persen(tase)?|serapan|% realisasi|realisasi %)( realisasi| serapan)?( %)?$", numeric=True),
        Col("sisa", r"^sisa( anggaran)?( rp)?$", numeric=True),
        Col("pagu_akas", r"\bakas\b", numeric=True),
    ), hierarchy=True, min_score=0),
    # RAK / anggaran kas: the same code columns, Anggaran | Total RAK | Realisasi | Januari … Desember
    Kind("rak", "Rencana Anggaran Kas (RAK)", "Cash budget plan (RAK)", (
        Col("kode", r"^kode\b", multi=True),
        Col("label", r"^uraian|^(nama )?(program|kegiatan|sub kegiatan)", required=True),
        Col("persen_rak", r"^% ?rak$|^persen(tase)? rak$", numeric=True),
        Col("total_rak", r"^(total|jumlah) rak$|^rak( total)?$|^total anggaran kas$", numeric=True, required=True),
        Col("pagu", r"^(anggaran|pagu)( dpa)?( rp)?$", numeric=True),
        Col("realisasi", r"^realisasi( rp)?$", numeric=True),
        Col("bulan", r"^((rak|anggaran kas|rencana anggaran kas|bulan) )?(?P<key>januari|februari|maret|april|mei|juni|juli|agustus|september|oktober"
                     r"|november|desember)$", numeric=True, required=True),
    ), hierarchy=True, min_score=0),
)

# Realisation per month beside the budget (Bapenda / BPKAD "Rekap Pelaporan Pendapatan", LRA bulanan):
# Uraian over a block of columns in which each level writes its code and name one column further
# right (an HTML export's colspans), APBD | Jan … Des.
_MONTH = (r"(?P<key>jan(uari)?|feb(ruari)?|mar(et)?|apr(il)?|mei|jun(i)?|jul(i)?|agu(s|stus)?|sep(t|tember)?"
          r"|okt(ober)?|nov(ember)?|des(ember)?)")
KINDS = KINDS + (
    Kind("realisasi_bulanan", "Realisasi per bulan (pendapatan / belanja)", "Realisation per month", (
        Col("no", r"^no$"),
        Col("kode", r"^kode\b", multi=True),
        Col("label", r"^uraian", multi=True, required=True),
        Col("pagu", r"^(apbd|apbd p|apbd perubahan|anggaran|pagu|target)( murni| perubahan)?( tahun)?( 20\d\d)?"
                    r"( rp)?$", numeric=True, required=True),
        Col("bulan", r"^(realisasi )?(bulan )?" + _MONTH + r"( 20\d\d)?$", numeric=True, required=True),
    ), hierarchy=True, min_score=0),
)

# RKT and T-C.27 carry program rows and sasaran rows in one table; their specs are wide.
KINDS = KINDS + (
    Kind("rkt", "Rencana Kinerja Tahunan (RKT)", "Annual performance plan", (
        Col("tujuan", r"^tujuan( pd)? uraian$|^tujuan$", group=True),
        Col("indikator_tujuan", r"^tujuan( pd)? indikator tujuan$|^indikator tujuan$", group=True),
        Col("sasaran", r"^sasaran( pd)? uraian$", group=True, required=True),
        Col("indikator_sasaran", r"^sasaran( pd)? indikator sasaran$", group=True, required=True),
        Col("target_sasaran", r"^sasaran( pd)? target$", numeric=True, group=True),
        Col("label", r"^program kegiatan nama program kegiatan$|^nama program( kegiatan)?$", required=True),
        Col("indikator_program", r"^program kegiatan indikator$"),
        Col("target_program", r"^program kegiatan target$", numeric=True),
        Col("sub_kegiatan", r"^sub kegiatan nama sub kegiatan$|^nama sub kegiatan$", required=True),
        Col("indikator_output", r"^sub kegiatan indikator|indikator kegiatan output"),
        Col("target_output", r"^sub kegiatan target$", numeric=True),
        Col("pagu", r"anggaran|pagu", numeric=True, required=True),
    ), label_cols=("sub_kegiatan", "label"), min_score=0, level_cols=(("sub_kegiatan", "sub_kegiatan"),)),
    Kind("tc27", "Renstra T-C.27: program, kegiatan, pendanaan", "Strategic plan T-C.27", (
        Col("tujuan", r"^tujuan$", group=True),
        Col("sasaran", r"^sasaran$", group=True),
        Col("kode", r"^kode$", required=True),
        Col("label", r"^program( dan)? kegiatan$", required=True),
        Col("indikator", r"^indikator kinerja", required=True),
        Col("kondisi_awal", r"data capaian.*awal|kondisi awal"),
        Col("realisasi", r"realisasi.*" + YEAR, numeric=True),
        Col("target", r"target kinerja.*" + YEAR + r".*target$", numeric=True),
        Col("rp", r"target kinerja.*" + YEAR + r".*rp$", numeric=True),
        Col("target_akhir", r"kondisi kinerja.*akhir.*target$", numeric=True),
        Col("rp_akhir", r"kondisi kinerja.*akhir.*rp$", numeric=True),
        Col("unit", r"unit kerja|penanggung"),
        Col("lokasi", r"^lokasi$"),
    ), label_cols=("label", "indikator"), min_score=0),
)

BY_NAME = {k.name: k for k in KINDS}

# Every word a header of any kind is made of: a row rich in these is a header row.
HEADER_WORDS = frozenset("""
no nomor kode uraian program kegiatan sub anggaran pagu realisasi serapan sasaran strategis indikator
target capaian tingkat tahun renstra akhir jabatan kebutuhan bezetting pegawai jumlah kondisi ideal
sarana prasarana interval kriteria penilaian predikat kategori efisiensi satuan input output tujuan
iku formulasi penanggung jawab sumber misi rpjmd keterangan nama rekening nilai setoran sp2d dokumen
urusan skpd bidang unit lokasi kinerja rp % σ persen tahunan nasional perbandingan
skor rentang penyerapan apbd januari februari maret april mei juni juli agustus september oktober november
desember jan feb mar apr jun jul agus sept okt nov des
""".split())

# -- Evaluasi hasil Renja (Tabel E.81) / RKPD (E.80), Permendagri 86/2017 and 54/2010 (branch `relations`) --
# Columns 6-16 are each split into K (kinerja) and Rp: one canonical column per split, keyed k / rp
# ("tw_rp@iv" is the Rp of triwulan IV). The relations between them are those the column-number row
# states (checks.relations); rules/relations.yaml says them again for forms whose row only numbers.
_KRP = r" (?P<key>k|rp)$"
_TW = r"triwulan (?P<key>iv|iii|ii|i|1|2|3|4) "
KINDS = KINDS + (
    Kind("evaluasi_renja", "Evaluasi hasil Renja / RKPD (Tabel E.81 / E.80)", "Renja / RKPD evaluation (E.81 / E.80)", (
        Col("no", r"^no$"),
        Col("sasaran", r"^sasaran$", group=True),
        Col("kode", r"^kode$"),
        Col("indikator", r"^indikator"),       # before label: "Indikator Kinerja Program (outcome)/Kegiatan"
        Col("label", r"urusan.*program|program.*kegiatan|^program$"),
        Col("tingkat_renstra", r"^tingkat capaian.*renstra.*" + _KRP, numeric=True),
        Col("tingkat_renja", r"^tingkat capaian.*(renja|rkpd).*" + _KRP, numeric=True),
        Col("tw_k", _TW + r"k$", numeric=True),
        Col("tw_rp", _TW + r"rp$", numeric=True, required=True),
        Col("target_renstra", r"^target.*(renstra|rpjmd).*akhir.*" + _KRP, numeric=True),
        Col("realisasi_lalu", r"^realisasi.*(renstra|rpjmd).*(lalu|sebelum).*" + _KRP, numeric=True),
        Col("target_renja", r"^target.*(renja|rkpd).*" + _KRP, numeric=True, required=True),
        Col("realisasi_renja", r"^realisasi.*(renja|rkpd).*evaluasi.*" + _KRP, numeric=True),
        Col("realisasi_renstra", r"^realisasi.*(renstra|rpjmd).*" + _KRP, numeric=True),
        Col("predikat", r"^(predikat|kriteria|kategori)( capaian| kinerja)*$"),
        Col("unit", r"penanggung ?jawab"),
        Col("keterangan", r"^keterangan$"),
    ), hierarchy=True, min_score=2),     # rows linked by their codes (tables.codetree): checks.code_tree
)
BY_NAME = {k.name: k for k in KINDS}

# -- Rencana Aksi (attached to the PK): annual target beside monthly or quarterly targets (branch `relations`) --
_PERIOD = (r"(^|\s)(?P<key>januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november"
           r"|desember|tw iv|tw iii|tw ii|tw i|triwulan iv|triwulan iii|triwulan ii|triwulan i)$")
KINDS = KINDS + (
    Kind("rencana_aksi", "Rencana Aksi (target bulanan/triwulanan)", "Action plan (monthly/quarterly targets)", (
        Col("no", r"^no$"),
        Col("sasaran", r"^sasaran", group=True),
        Col("periode", _PERIOD, numeric=True, required=True),
        Col("indikator", r"^indikator", required=True),
        Col("satuan", r"^satuan$"),
        Col("target", r"^target( kinerja)?( tahun(an)?)?( 20[0-9]{2})?$|^target (pk|perjanjian kinerja)", numeric=True,
            required=True),
    ), label_cols=("indikator", "sasaran"), min_score=0),
)
BY_NAME = {k.name: k for k in KINDS}

# -- Capaian kinerja triwulan (monitoring): target PK, realisasi per triwulan, capaian (branch `relations`) --
KINDS = KINDS + (
    Kind("monitoring_kinerja", "Monitoring capaian kinerja triwulan", "Quarterly performance monitoring", (
        Col("no", r"^no$"),
        Col("sasaran", r"^sasaran", group=True),
        Col("indikator", r"^indikator", required=True),
        Col("capaian", r"^capaian( kinerja)?( terhadap target( pk| perjanjian kinerja)?)?( %)?$", numeric=True,
            required=True),
        Col("target_pk", r"^target (pk|perjanjian kinerja)( tahun(an)?)?( 20[0-9]{2})?( %)?$", numeric=True,
            required=True),
        Col("realisasi", r"^(realisasi )?(s d |sampai dengan )?(triwulan|tw) (i|ii|iii|iv|1|2|3|4)( berjalan)?"
                         r"( realisasi)?( %)?$", numeric=True, required=True),
        Col("satuan", r"^satuan$"),
    ), label_cols=("indikator", "sasaran"), min_score=0),
)
BY_NAME = {k.name: k for k in KINDS}


def compile_all() -> None:
    """Compile every kind's header and total-label patterns now (detection compiles them on first use;
    a batch's fork server calls this so its workers do not each do it: auditor.batch_warm)."""
    for kind in KINDS:
        kind.total_rx
        for col in kind.cols:
            col.rx
