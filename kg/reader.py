"""The article reader: files of the People's Daily archive in, ``Article`` objects out.

Two layouts are read:

* bilingual: an English translation (``Title:/Author:/Date:/Page:`` header, paragraphs), a line
  ``<hr />``, a line ``Original:``, then the Chinese original;
* Chinese only: the Chinese original alone, starting at ``### 标题``.

The Chinese original is a ``### `` heading (title and subtitles separated by two or more spaces),
an optional author line, the date, ``第N版(…)``, ``专栏：…`` and the body. A file may hold several
articles, each under its own ``### `` heading.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from charset_normalizer import from_bytes

from kg.article import Article, Dateline, Paragraph, Sentence, Text
from kg.dates import CN_NUMBER, resolve_day, to_int
from kg.sources import Source


class ReadError(Exception):
    """A file that cannot be read as an article; the message names the file and the reason."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


# -- decoding ---------------------------------------------------------------------------------

def decode(data: bytes, path: str | Path = "<bytes>") -> str:
    """Bytes to text: UTF-8 (with or without BOM) first, else what charset-normalizer detects."""
    if not data.strip():
        raise ReadError(path, "the file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise ReadError(path, "the encoding could not be detected (not text?)")
    return str(best)


_TAG = re.compile(r"<(?!hr\b)/?[a-zA-Z][^<>\n]{0,200}>")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(text: str) -> str:
    """Normalise line ends, drop control characters, HTML tags (but ``<hr />``) and entities."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = _TAG.sub("", text)
    return html.unescape(text)


# -- sentences --------------------------------------------------------------------------------

_ZH_END = re.compile(r"[。！？!?]+[”’」』）)]*")
_EN_END = re.compile(r"(?<![A-Z])(?<!\b(?:Mr|Dr|No|St|Mt))[.!?]+[\"')\]]*(?=\s+|$)")


def split_text(paragraphs: Iterable[tuple[str, str]], lang: str) -> Text:
    """Join (kind, text) paragraphs with newlines and split them into sentences with offsets."""
    end_re = _ZH_END if lang == "zh" else _EN_END
    parts: list[str] = []
    paras: list[Paragraph] = []
    sentences: list[Sentence] = []
    offset = 0
    for index, (kind, para) in enumerate(paragraphs):
        if parts:
            offset += 1  # the joining newline
        paras.append(Paragraph(offset, offset + len(para), para, kind))
        start = 0
        for m in end_re.finditer(para):
            _add_sentence(sentences, para, start, m.end(), offset, len(paras) - 1)
            start = m.end()
        _add_sentence(sentences, para, start, len(para), offset, len(paras) - 1)
        parts.append(para)
        offset += len(para)
        del index
    return Text("\n".join(parts), paras, sentences)


def _add_sentence(out: list[Sentence], para: str, start: int, end: int, offset: int, index: int) -> None:
    while start < end and para[start].isspace():
        start += 1
    while end > start and para[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(offset + start, offset + end, para[start:end], index))


# -- datelines --------------------------------------------------------------------------------

AGENCIES = ("新华通讯社", "新华社", "中国新闻社", "中新社", "本报", "塔斯社", "合众社", "美联社",
            "路透社", "法新社", "法新", "合众国际社", "共同社", "中央社")
_NUM = rf"(?:\d{{1,2}}|{CN_NUMBER})"
_DATELINE = re.compile(
    r"^[【\[（(]?(?:据)?"
    rf"(?P<agency>(?:{'|'.join(AGENCIES)})(?:[^\s\d【】\[\]，。]{{1,8}}?(?:总分社|分社|支社))?)"
    r"(?:记者[^\s\d【】，。]{0,4}?)??"
    rf"(?P<place>[^\s\d【】\[\]，。：:]{{0,10}}?)"
    rf"(?:(?P<month>{_NUM})月)?(?:(?P<day>{_NUM})日)?(?:专|急|航讯|讯|电)+[】\]）)]?"
)


_FROM_PLACE = re.compile(r"[\s\u3000]*([^\s\u3000，。：:]{2,6}?)消息[：:]")


def parse_dateline(paragraph: str, published: date | None) -> Dateline | None:
    """The dateline at the start of the first body paragraph (新华社保定13日电), if there is one."""
    text = paragraph.strip()
    m = _DATELINE.match(text[:40])
    if not m:
        return None
    agency, place = m.group("agency"), m.group("place")
    if place in {"记者", "特约记者", "专"}:
        place = ""
    if not place and (news := _FROM_PLACE.match(text, m.end())):  # 新华社14日讯　纽约消息：
        place = news.group(1)
    when = None
    if m.group("day") and published is not None:
        day = to_int(m.group("day"))
        month = to_int(m.group("month")) if m.group("month") else None
        if day and 1 <= day <= 31 and (month is None or 1 <= month <= 12):
            when = resolve_day(published, day, month)
    return Dateline(agency=agency, place=place, date=when, text=m.group(0))


# -- the Chinese original -----------------------------------------------------------------------

_HEADING = re.compile(r"^###\s+(.*)$")
_DATE_LINE = re.compile(r"^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$")
_PAGE_LINE = re.compile(r"^第\s*(\d+|[一二三四五六七八九十]+)\s*版")
_COLUMN_LINE = re.compile(r"^专栏[:：]\s*(.*)$")
_SPACE = "\u3000\t \xa0"


def _parse_date(match: re.Match[str]) -> date | None:
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _split_articles(lines: list[str]) -> list[list[str]]:
    """Chinese lines grouped by ``### `` heading; text before the first heading is its own group."""
    groups: list[list[str]] = [[]]
    for line in lines:
        if _HEADING.match(line.strip()) and groups[-1]:
            groups.append([])
        groups[-1].append(line)
    return [g for g in groups if any(line.strip() for line in g)]


def _read_chinese(lines: list[str], article: Article) -> None:
    """Fill ``article`` from the lines of one Chinese original."""
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    heading: list[str] = []
    if i < len(lines) and (m := _HEADING.match(lines[i].strip())):
        heading = [p.strip() for p in re.split(r"\s{2,}|\u3000+", m.group(1)) if p.strip()]
        i += 1
    # Header lines: author, date, page, column, in that order but each optional.
    header_seen = False
    while i < len(lines):
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        if (m := _DATE_LINE.match(line)) and article.date is None:
            article.date = _parse_date(m)
        elif (m := _PAGE_LINE.match(line)) and article.page is None:
            article.page = to_int(m.group(1))
        elif (m := _COLUMN_LINE.match(line)) is not None:
            article.column = m.group(1).strip()
        elif not header_seen and heading and len(line) <= 20 and lines[i][:1] not in _SPACE:
            article.author = line  # an author line between the heading and the date
        else:
            break
        header_seen = header_seen or bool(_DATE_LINE.match(line) or _PAGE_LINE.match(line))
        i += 1
    body = [line.strip(_SPACE) for line in lines[i:]]
    body = [line for line in body if line]
    if heading:
        article.title_zh, article.subtitles_zh = heading[0], heading[1:]
    elif body:
        article.title_zh = body[0]
        article.warnings.append("no '### ' heading: the first line is taken as the title")
    if article.date is None:
        article.warnings.append("no publication date line (YYYY-MM-DD)")
    # The body starts by repeating the heading, sometimes broken over other lines.
    heading_text = re.sub(r"\s+", "", "".join(heading))
    paragraphs: list[tuple[str, str]] = []
    in_heading = bool(heading_text)
    for line in body:
        compact = re.sub(r"\s+", "", line)
        if in_heading and compact and compact in heading_text:
            paragraphs.append(("heading", line))
            continue
        in_heading = False
        paragraphs.append(("body", line))
    if not any(kind == "body" for kind, _ in paragraphs):
        article.warnings.append("no body text")
    article.zh = split_text(paragraphs, "zh")
    first_body = next((p.text for p in article.zh.paragraphs if p.kind == "body"), "")
    article.dateline = parse_dateline(first_body, article.date)


# -- the English translation --------------------------------------------------------------------

_EN_FIELD = re.compile(r"^(Title|Author|Date|Page)\s*:\s*(.*)$", re.IGNORECASE)


def _read_english(lines: list[str], article: Article) -> None:
    fields: dict[str, str] = {}
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if m := _EN_FIELD.match(line):
            fields[m.group(1).lower()] = m.group(2).strip()
        elif line and fields:
            break
        i += 1
    if not fields:
        i = 0
    article.title_en = fields.get("title", "")
    if not article.author and fields.get("author"):
        article.author = fields["author"]
    if article.date is None and (m := _DATE_LINE.match(fields.get("date", ""))):
        article.date = _parse_date(m)
    if article.page is None and fields.get("page", "").isdigit():
        article.page = int(fields["page"])
    paragraphs, current = [], []
    for line in lines[i:]:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    article.en = split_text((("body", p) for p in paragraphs), "en")


# -- files --------------------------------------------------------------------------------------

_SEPARATOR = re.compile(r"^\s*<hr\s*/?>\s*$", re.IGNORECASE)
_ORIGINAL = re.compile(r"^\s*Original\s*:\s*$", re.IGNORECASE)
_CJK = re.compile(r"[\u4e00-\u9fff]")


def parse(text: str, source: str) -> list[Article]:
    """Articles in the text of one file (raises ReadError when there is none)."""
    lines = clean(text).split("\n")
    english: list[str] = []
    chinese = lines
    for n, line in enumerate(lines):
        if _SEPARATOR.match(line):
            rest = lines[n + 1:]
            k = next((j for j, ln in enumerate(rest) if ln.strip()), None)
            if k is not None and _ORIGINAL.match(rest[k]):
                english, chinese = lines[:n], rest[k + 1:]
            else:
                english, chinese = lines[:n], rest
            break
    else:
        if _EN_FIELD.match(next((ln.strip() for ln in lines if ln.strip()), "")) and not any(
            _HEADING.match(ln.strip()) for ln in lines
        ):
            english, chinese = lines, []

    groups = _split_articles(chinese) if any(_CJK.search(ln) for ln in chinese) else []
    articles: list[Article] = []
    for n, group in enumerate(groups, start=1):
        article = Article(source=source, index=n)
        _read_chinese(group, article)
        articles.append(article)
    if english and any(ln.strip() for ln in english):
        if not articles:
            articles.append(Article(source=source, index=1))
        _read_english(english, articles[0])  # a translation accompanies the first original
    articles = [a for a in articles if (a.zh and a.zh.sentences) or (a.en and a.en.sentences)]
    if not articles:
        raise ReadError(source, "no article found (no '### ' heading, Chinese body or English translation)")
    return articles


def read_file(path: str | Path) -> list[Article]:
    """The articles of one file; raises ReadError naming the file and the reason."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(path, exc.strerror or str(exc)) from exc
    return parse(decode(data, path), str(path))


def read_source(source: Source) -> list[Article]:
    """The articles of a file or archive member; raises ReadError naming it and the reason."""
    if source.problem:
        raise ReadError(source.name, source.problem)
    try:
        data = source.read()
    except OSError as exc:
        raise ReadError(source.name, exc.strerror or str(exc)) from exc
    return parse(decode(data, source.name), source.name)
