"""Read input files into cleaned Articles.

Every problem with the inputs is found here, before any model loads, so a
bad file costs the user seconds rather than a model download.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import functools
import hashlib
import io
import json
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import charset_normalizer
import dateparser
import trafilatura
from lingua import Language, LanguageDetectorBuilder
from markdown_it import MarkdownIt
from tqdm import tqdm

from factcheck.config import Options
from factcheck.types import Article, Dropped, InputError

SUPPORTED = (".txt", ".md", ".html", ".htm", ".jsonl", ".csv")
ROW_FIELDS = ("outlet", "title", "date", "url", "language")
Row = tuple[str, str, dict]  # file, raw text, metadata
Fail = Callable[[InputError], None]  # raises, or records a skipped input

# --- dates ------------------------------------------------------------------

MONTHS = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "february": 2, "feb": 2, "peb": 2,
    "maret": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agu": 8, "agt": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}
WEEKDAYS = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4,
    "sabtu": 5, "minggu": 6, "ahad": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}


def _names(words) -> str:
    # Longest first, so "Juni" is not read as "Jun" followed by junk.
    return "|".join(sorted(words, key=len, reverse=True))


MONTH = rf"(?i:{_names(MONTHS)})\.?"
WEEKDAY = rf"\b(?i:{_names(WEEKDAYS)})\b"
TIME = r"\b\d{1,2}[:.]\d{2} *(?:WIB|WITA|WIT|GMT|UTC)?\b"
FULL_DATE = re.compile(
    r"\b(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4}|\d{2})\b"
    r"|\b(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})\b"
    rf"|\b(?P<td>\d{{1,2}}) +(?P<tm>{MONTH}),? +(?P<ty>\d{{4}})\b"
    rf"|\b(?P<em>{MONTH}) +(?P<ed>\d{{1,2}}),? +(?P<ey>\d{{4}})\b"
)
# "Rabu (19/6)" or "Rabu (19 Juni)": Indonesian papers often omit the year.
WEEKDAY_DATE = re.compile(
    rf"(?P<w>{WEEKDAY}),? *\(?(?P<d>\d{{1,2}})(?:/(?P<m>\d{{1,2}})| +(?P<mn>{MONTH}))\)?(?![/.]?\d)"
)
# A short line carrying a date and a weekday or clock time: a publication
# stamp such as "Tri Umardini | Kamis, 20/06/2024 04:04 WIB".
STAMP_LINE = (
    rf"^(?=[^\n]{{0,100}}$)(?=[^\n]*(?:{WEEKDAY}|{TIME}))(?=[^\n]*(?:{FULL_DATE.pattern}))"
    r"[^\n]*[^.!?\n]$"
)
STAMP = re.compile(STAMP_LINE, re.MULTILINE)
# Where a publication date sits: the masthead, before the story proper.
DATE_SEARCH_CHARS = 2000

# --- page noise ---------------------------------------------------------------

UPPER_AGENCIES = r"REUTERS|AFP|AP Photo|ANTARA FOTO|ANTARA|KCNA|XINHUA|EPA(?:-EFE)?|RUPTLY|TEMPO|BERNAMA|YONHAP"
AGENCIES = UPPER_AGENCIES + r"|Reuters|AP|Antara|Xinhua|Getty Images|Sputnik|Bloomberg|Anadolu|Shutterstock"
# Upper-case agency names (or "via ...") end a photo credit; in running text
# the same names are written normally and the sentence ends with a period.
CREDIT = rf"(?:(?i:via) +(?:{AGENCIES})|(?:{UPPER_AGENCIES})(?:/[^\n/)]{{1,40}})*)\)?"
BYLINE_LABEL = r"(?i:reporter|penulis|editor|redaktur|penyunting|kontributor|fotografer)"
NAME = r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,4}"
READ_ALSO = (
    r"(?:(?:BACA JUGA|Baca [Jj]uga|SIMAK JUGA|Simak [Jj]uga|LIHAT JUGA|Lihat [Jj]uga|MEMBACA"
    r"|READ ALSO|Read [Aa]lso|Also [Rr]ead|ARTIKEL TERKAIT|Artikel [Tt]erkait"
    r"|BERITA TERKAIT|Berita [Tt]erkait) *:?|(?:BACA|Baca|Simak|Lihat) *:)"
)


@dataclass(frozen=True)
class Rule:
    reason: str
    pattern: str


# Applied in order to the text, one paragraph per line; each match is cut out
# and kept in Article.dropped. Line rules are anchored ^...$, inline rules cut
# a span and leave the rest of the paragraph.
NOISE_RULES = [
    Rule(  # everything after a "related"/"recommended" heading is another story
        "related-articles block",
        r"^(?i:rekomendasi artikel|artikel terkait|berita terkait|baca berita lainnya|berita lainnya"
        r"|artikel lainnya|video pilihan|video terkait|berita terpopuler|terpopuler|topik terkait"
        r"|related articles?|recommended(?: for you)?|most popular|more stories|pilihan untukmu"
        r"|rekomendasi untuk anda|komentar) *:?$[\s\S]*",
    ),
    Rule(
        "login or registration prompt",
        r"^(?=[^\n]{0,200}$)(?i:lupa (?:kata sandi|password)|(?:belum|sudah) (?:memiliki|punya) akun"
        r"|atau (?:masuk|daftar|login)\b|konfirmasi email|kirim(?:kan)? (?:lagi|ulang)"
        r"|jika anda tidak menerima email|(?:masuk|daftar|login|log in|sign in|sign up)(?: ?/ ?\w+)?$"
        r"|[^\n]*\blink aktivasi\b)[^\n]*$",
    ),
    Rule(
        "advertisement marker",
        r"^(?i:iklan|advertisement|ads|sponsored|advertorial|konten sponsor\b[^\n]*"
        r"|scroll (?:untuk|to|ke bawah untuk) (?:melanjutkan|continue)[^\n]{0,30}"
        r"|lanjutkan membaca|continue reading|artikel berlanjut[^\n]*|content continues below)$",
    ),
    Rule("section label", r"^[•·»›>|] *[^\n.]{0,40}$"),
    Rule("image placeholder", r"^(?i:image|img)[-_]\w+$"),
    Rule("publication stamp", STAMP_LINE),
    Rule(  # "oleh Chen Yue", "Editor: Budi", or a bare "Editor" label with the name below it
        "byline",
        rf"^(?:(?i:oleh|by|laporan wartawan) +[A-Z][^\n.]{{0,60}}|{BYLINE_LABEL} *:? *{NAME}"
        rf"|{BYLINE_LABEL} *:?(?:\n(?!{BYLINE_LABEL}\b){NAME})?)$",
    ),
    Rule(
        "editor's pick widget",
        r"^(?i:pilihan editor|pilihan redaksi|editor'?s pick|artikel pilihan)\b[^\n]*$",
    ),
    Rule(  # a read-also link on its own line: a headline, no closing period
        "read-also widget",
        rf"^(?=[^\n]{{0,250}}$){READ_ALSO}[^\n]*[^.\n]$",
    ),
    Rule(  # inside a paragraph: the headline runs until the next sentence begins
        "read-also widget",
        rf"(?:^|(?<=[.!?”\"] )){READ_ALSO} *\S+?(?: +\S+?)*?(?= +[A-Z][a-z]* +[a-z]{{3,}}|$)",
    ),
    Rule(  # "caption.\nGavriil Grigorov | Via Reuters"
        "photo caption",
        rf"^(?:[^\n]*\.\n)?[^\n|]{{1,60}}\| *{CREDIT}$",
    ),
    Rule("photo caption", rf"^[^\n]*\S +\(?{CREDIT}$"),
    Rule("photo caption", r"^\(?(?i:foto|photo|sumber foto|ilustrasi) *:[^\n]{0,200}$"),
    Rule(
        "photo credit",
        r" *\((?:(?i:foto|photo|dok|dokumentasi)\.? *:|ANTARA FOTO/|AP Photo/)[^)\n]{0,120}\)",
    ),
    Rule(
        "source sign-off",
        rf"^\(?(?:{UPPER_AGENCIES}|Reuters|Antara)\)?$|^(?i:sumber|source) *:[^\n]{{1,80}}$",
    ),
    Rule("editor's initials", r"[ \t]*\((?:\*|[a-z]{2,5}(?:/[a-z]{2,5})*)\)$"),
    Rule(  # "JAKARTA - ", "TEMPO.CO, Jakarta - ", "Jakarta (ANTARA) - ", "PYONGYANG, June 19 (Reuters) - "
        "dateline",
        r"^(?:[A-Z][A-Za-z]+, *)?(?:[A-Z]{2,}(?:[ .][A-Z]{2,})*|[\w-]+\.(?:co\.id|com|co|id|net)"
        rf"|CNN Indonesia|[A-Z][a-z]+(?= \())(?:, *[A-Z][a-z]+)?(?:, *{MONTH} \d{{1,2}}(?:, \d{{4}})?)?"
        r"(?: \([A-Za-z]+\))? +[-–—]{1,2} +(?=\S)",
    ),
    Rule(
        "share or follow prompt",
        r"^(?i:bagikan|share|salin (?:tautan|link)|copy link|tautan disalin)\b[^\n]{0,40}$"
        r"|^(?=[^\n]{0,300}$)(?=[^\n]*(?i:google news|whatsapp channel|channel whatsapp|saluran whatsapp"
        r"|grup telegram|telegram channel))(?=[^\n]*\b(?i:ikuti|follow|gabung|bergabung|join|dapatkan"
        r"|simak|klik|download|unduh)\b)[^\n]*$",
    ),
    Rule(
        "relative timestamp",
        r"^\d+ +(?i:detik|menit|jam|hari|minggu|bulan|tahun) +(?i:yang +)?lalu$"
        r"|^\d+ +(?i:seconds?|minutes?|hours?|days?|weeks?) +ago$",
    ),
    Rule("copyright line", r"^(?:©|\([cC]\)|(?i:copyright))[^\n]{0,150}$"),
    Rule("tag list", r"^(?i:tags?|topik|kata kunci|keywords?) *:[^\n]*$"),
]
COMPILED_RULES = [(rule.reason, re.compile(rule.pattern, re.MULTILINE)) for rule in NOISE_RULES]

# Scrapers leave JSON-escaped quotes (\” \") and invisible spaces behind.
ESCAPED_QUOTE = re.compile(r"\\(?=[\"“”'‘’])")
# Some sites write every double quote as ”; an opening one must read “ for
# the segmenter to pair quotes up.
OPENING_QUOTE = re.compile(r"(?:^|(?<=[ (\[]))”(?=[^\s.,;:!?])", re.MULTILINE)
INVISIBLE = str.maketrans({"\u00a0": " ", "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None})


def load_articles(
    paths: list[str], options: Options, reference: bool = False
) -> tuple[list[Article], list[tuple[str, str]]]:
    """Read, validate and clean every input. With ``options.skip_bad`` bad
    inputs are returned as (path, problem) instead of raising InputError.
    ``reference=True`` loads trusted reference documents, which need no
    second article to compare with."""
    articles: list[Article] = []
    skipped: list[tuple[str, str]] = []
    seen_paths: dict[Path, str] = {}
    seen_texts: dict[str, str] = {}

    def fail(error: InputError) -> None:
        if not options.skip_bad:
            raise error
        skipped.append((error.path, error.problem))

    bar = tqdm(desc="reading", unit="article", file=sys.stderr, disable=not options.progress, leave=False)
    for path in paths:
        try:
            text, encoding = _read(path, seen_paths, options)
            rows = _split_rows(path, text, fail)
        except InputError as error:
            fail(error)
            continue
        for file, raw, meta in rows:
            digest = hashlib.sha256(" ".join(raw.split()).encode()).hexdigest()
            if digest in seen_texts:
                fail(InputError(path, f"{_row_label(file)}same content as {seen_texts[digest]}"))
                continue
            if len(articles) == options.max_articles:
                # Never skipped: a run that drops the rest is no run over the input.
                raise InputError(
                    path,
                    f"{_row_label(file)}more than {options.max_articles:,} articles in one run (max_articles); "
                    "split the input, e.g. a feed by day",
                )
            seen_texts[digest] = file
            try:
                articles.append(_build_article(path, file, raw, meta, encoding, options, reference))
            except InputError as error:
                fail(error)
            bar.update()
    bar.close()

    if not reference and len(articles) < 2:
        where = ", ".join(paths) or "(no inputs)"
        problem = "only one article: nothing to compare" if articles else "no articles to compare"
        raise InputError(where, problem)
    return articles, skipped


def _read(path: str, seen: dict[Path, str], options: Options) -> tuple[str, str]:
    """The file's text and its encoding's name."""
    file = Path(path)
    if not file.exists():
        raise InputError(path, "no such file")
    if file.is_dir():
        raise InputError(path, "is a directory, not a file")
    if file.suffix.lower() not in SUPPORTED:
        kind = f"'{file.suffix}'" if file.suffix else "(no extension)"
        raise InputError(path, f"unsupported file type {kind}; use one of {', '.join(SUPPORTED)}")
    resolved = file.resolve()
    if resolved in seen:
        raise InputError(path, f"given twice (same file as {seen[resolved]})")
    seen[resolved] = path
    try:
        size = resolved.stat().st_size
        if size > options.max_file_mb * 2**20:
            limit = f"over the limit of {options.max_file_mb:,} MB for one file (max_file_mb)"
            raise InputError(path, f"{size / 2**20:,.0f} MB, {limit}")
        # A character takes at most 4 bytes: a larger text file is one article
        # over max_article_chars, refused before it fills memory.
        if file.suffix.lower() in (".txt", ".md") and size > 4 * options.max_article_chars:
            raise InputError(
                path, f"{size / 2**20:,.1f} MB: too long for one article (max_article_chars {options.max_article_chars:,})"
            )
        data = resolved.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot be read ({error.strerror})") from None
    if not data:
        raise InputError(path, "empty file")
    # UTF-16 is text even though half its bytes are NUL.
    if b"\x00" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(path, "binary file (contains NUL bytes)")
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data).best()
        if best is None:
            raise InputError(path, "not text: its encoding cannot be detected") from None
        text, encoding = str(best), best.encoding
    if not text.strip():
        raise InputError(path, "only whitespace")
    controls = sum(unicodedata.category(c) == "Cc" and c not in "\n\r\t\f" for c in text)
    if controls + text.count("\ufffd") > 0.05 * len(text):
        raise InputError(path, "binary file (mostly non-text)")
    return text, encoding


def _split_rows(path: str, text: str, fail: Fail) -> list[Row]:
    """One row for each article in one input."""
    name = Path(path).name
    suffix = Path(path).suffix.lower()
    if suffix == ".txt":
        return [(name, text, {})]
    if suffix == ".md":
        body, title = _markdown_text(text)
        return [(name, body, {"title": title})]
    if suffix in (".html", ".htm"):
        return [(name, *_html_text(path, text))]
    return _jsonl_rows(path, name, text, fail) if suffix == ".jsonl" else _csv_rows(path, name, text, fail)


def _markdown_text(text: str) -> tuple[str, str | None]:
    """Plain text, one block per line, and the first level-1 heading."""
    lines: list[str] = []
    title = None
    tokens = MarkdownIt("commonmark").parse(text)
    for before, token in zip([None, *tokens], tokens):
        if token.type != "inline":
            continue
        # Images are photos with captions: page noise, not the story.
        parts = [
            " " if child.type in ("softbreak", "hardbreak") else child.content
            for child in token.children or []
            if child.type in ("text", "code_inline", "softbreak", "hardbreak")
        ]
        line = "".join(parts)
        if title is None and before is not None and before.type == "heading_open" and before.tag == "h1":
            title = line
        lines.append(line)
    return "\n".join(lines), title


def _html_text(path: str, text: str) -> tuple[str, dict]:
    page = trafilatura.bare_extraction(text, include_comments=False, with_metadata=True)
    if page is None or not (page.text or "").strip():
        raise InputError(path, "no article text found in the HTML")
    meta = {"title": page.title, "date": page.date, "url": page.url, "outlet": page.sitename or page.hostname}
    return page.text, meta


def _row(path: str, file: str, where: str, record: dict, fail: Fail) -> Row | None:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        fail(InputError(path, f"{where}: no 'text'"))
        return None
    meta = {key: str(record[key]) for key in ROW_FIELDS if record.get(key) not in (None, "")}
    return file, text, meta


def _jsonl_rows(path: str, name: str, text: str, fail: Fail) -> list[Row]:
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            fail(InputError(path, f"line {number}: not valid JSON ({error.msg})"))
            continue
        if not isinstance(record, dict):
            fail(InputError(path, f"line {number}: not a JSON object"))
            continue
        rows.append(_row(path, f"{name}#{number}", f"line {number}", record, fail))
    return [row for row in rows if row]


def _csv_rows(path: str, name: str, text: str, fail: Fail) -> list[Row]:
    reader = csv.DictReader(io.StringIO(text))
    if "text" not in (reader.fieldnames or []):
        raise InputError(path, "no 'text' column")
    records = list(reader)
    if not records:
        raise InputError(path, "no rows under the header")
    rows = [_row(path, f"{name}#{number}", f"row {number}", record, fail) for number, record in enumerate(records, 1)]
    return [row for row in rows if row]


def _build_article(
    path: str, file: str, raw: str, meta: dict, encoding: str, options: Options, reference: bool
) -> Article:
    if len(raw) > options.max_article_chars:
        raise InputError(
            path, f"{_row_label(file)}article of {len(raw):,} characters, over the limit of "
            f"{options.max_article_chars:,} (max_article_chars)"
        )
    raw = _normalize(raw)
    text, dropped = clean_text(raw)
    paragraphs = text.split("\n\n") if text else []
    title = " ".join(meta["title"].split()) if meta.get("title") else None
    # The headline is metadata, not a checkable statement: keep it out of text.
    if _starts_with_headline(paragraphs, title):
        title = paragraphs.pop(0)
        dropped.append(Dropped(title, "headline (kept as title)"))
    if not paragraphs:
        raise InputError(path, f"{_row_label(file)}no article text left after removing page noise")
    text = "\n\n".join(paragraphs)
    date, date_source = _resolve_date(path, file, raw, meta, options)
    url = meta.get("url")
    return Article(
        file=file,
        path=path,
        outlet=meta.get("outlet") or (urlparse(url).hostname if url else None) or _default_outlet(file),
        text=text,
        title=title,
        date=date,
        date_source=date_source,
        language=meta.get("language") or detect_language(text),
        url=url,
        encoding=encoding,
        dropped=dropped,
        is_reference=reference,
    )


def _row_label(file: str) -> str:
    # Problems with one row of a feed name the row; a whole file needs no label.
    return f"{file}: " if "#" in file else ""


def _default_outlet(file: str) -> str:
    # "feed.jsonl#3" -> "feed#3": rows of one feed stay distinct sources.
    stem, _, row = file.partition("#")
    return Path(stem).stem + (f"#{row}" if row else "")


def _normalize(text: str) -> str:
    """One paragraph per line, no blank lines, single spaces."""
    text = ESCAPED_QUOTE.sub("", unicodedata.normalize("NFC", text).translate(INVISIBLE))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return OPENING_QUOTE.sub("“", "\n".join(line for line in lines if line))


def clean_text(text: str) -> tuple[str, list[Dropped]]:
    """Cut page noise out of normalized text; returns the text with
    paragraphs separated by blank lines, and what was cut."""
    dropped: list[Dropped] = []

    def cut(match: re.Match) -> str:
        if match.group().strip():
            dropped.append(Dropped(match.group().strip(), reason))
        return ""

    for reason, pattern in COMPILED_RULES:
        text = pattern.sub(cut, text)
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line), dropped


def _starts_with_headline(paragraphs: list[str], title: str | None) -> bool:
    """The first paragraph is the known title or, with none known, a short
    line without closing punctuation that has a story below it."""
    if not paragraphs:
        return False
    if title is not None:
        return paragraphs[0] == title
    return len(paragraphs) > 1 and len(paragraphs[0]) <= 200 and not paragraphs[0].endswith((".", ",", ";", ":"))


# --- dates ------------------------------------------------------------------


def _resolve_date(path: str, file: str, raw: str, meta: dict, options: Options) -> tuple[dt.date | None, str]:
    given = options.dates.get(file) or options.dates.get(path)
    if given:
        try:
            return dt.date.fromisoformat(given), "option"
        except ValueError:
            raise InputError(path, f"date given for {file} is not YYYY-MM-DD: {given!r}") from None
    if meta.get("date"):
        parsed = dateparser.parse(meta["date"], languages=["id", "en"], settings={"DATE_ORDER": "DMY"})
        if parsed:
            return parsed.date(), "metadata"
    found = find_date(raw)
    return (found, "text") if found else (None, "none")


def find_date(text: str, today: dt.date | None = None) -> dt.date | None:
    """The publication date written near the top of an article: a stamp line
    first, then any full date, then a weekday with day and month whose year
    is the latest one (not after ``today``) where that day has that weekday."""
    top = text[:DATE_SEARCH_CHARS]
    stamps = [FULL_DATE.search(line.group()) for line in STAMP.finditer(top)]
    for match in [*stamps, *FULL_DATE.finditer(top)]:
        date = _full_date(match)
        if date:
            return date
    today = today or dt.date.today()
    for match in WEEKDAY_DATE.finditer(top):
        month = int(match["m"]) if match["m"] else MONTHS[match["mn"].lower().rstrip(".")]
        weekday = WEEKDAYS[match["w"].lower()]
        for year in range(today.year, today.year - 12, -1):
            try:
                date = dt.date(year, month, int(match["d"]))
            except ValueError:
                break
            if date <= today and date.weekday() == weekday:
                return date
    return None


def _full_date(match: re.Match | None) -> dt.date | None:
    if match is None:
        return None
    if match["d"]:
        year = int(match["y"])
        day, month, year = int(match["d"]), int(match["m"]), year + 2000 if year < 100 else year
    elif match["iy"]:
        day, month, year = int(match["id"]), int(match["im"]), int(match["iy"])
    elif match["td"]:
        day, month, year = int(match["td"]), MONTHS[match["tm"].lower().rstrip(".")], int(match["ty"])
    else:
        day, month, year = int(match["ed"]), MONTHS[match["em"].lower().rstrip(".")], int(match["ey"])
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# --- language -----------------------------------------------------------------

# The outlets are Indonesian and the references English; the others are
# there to name an article in the wrong language instead of calling it
# English. Malay is left out: it claims short Indonesian texts.
LANGUAGES = (
    Language.INDONESIAN, Language.ENGLISH, Language.CHINESE, Language.ARABIC, Language.RUSSIAN,
    Language.JAPANESE, Language.KOREAN, Language.FRENCH, Language.GERMAN, Language.SPANISH, Language.DUTCH,
)


@functools.cache
def _detector():
    # Low accuracy mode loads in a fraction of the time and only errs on
    # texts of a few words, shorter than any article.
    return LanguageDetectorBuilder.from_languages(*LANGUAGES).with_low_accuracy_mode().build()


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or "und" when unsure."""
    language = _detector().detect_language_of(text[:3000])
    return language.iso_code_639_1.name.lower() if language else "und"
