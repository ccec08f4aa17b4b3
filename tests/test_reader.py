from datetime import date

import pytest

from kg.reader import ReadError, decode, parse, read_file, split_text
from tests.conftest import CHINESE_ONLY, TWO_ARTICLES


def test_seed_bilingual(seed_path):
    [article] = read_file(seed_path)
    assert article.source_name == "000_9a42a4b9297332b5.txt"
    assert article.title_zh == "中共河北省委工业会议决定加强对工业的领导"
    assert article.subtitles_zh[0].startswith("认为省委最近两年来")
    assert article.title_en.startswith("CPC Hebei Provincial Committee Industrial Conference")
    assert article.date == date(1956, 11, 15)
    assert article.page == 2
    assert article.column == ""
    line = article.dateline
    assert (line.agency, line.place, line.date) == ("新华社", "保定", date(1956, 11, 13))
    assert article.en is not None and article.en.sentences[0].text.startswith("Xinhua News Agency")


def test_sentence_offsets_index_the_text(seed_path):
    [article] = read_file(seed_path)
    for text in (article.zh, article.en):
        for sentence in text.sentences:
            assert text.text[sentence.start:sentence.end] == sentence.text
        for paragraph in text.paragraphs:
            assert text.text[paragraph.start:paragraph.end] == paragraph.text


def test_heading_lines_of_the_body_are_marked(seed_path):
    [article] = read_file(seed_path)
    kinds = [p.kind for p in article.zh.paragraphs]
    assert kinds[:2] == ["heading", "heading"] and kinds[2] == "body"


def test_chinese_only_with_author():
    [article] = parse(CHINESE_ONLY, "shanxi.md")
    assert article.title_zh == "中共山西省委召开全省农业会议"
    assert article.subtitles_zh == ["要求各地做好春耕准备"]
    assert article.author == "李明"
    assert article.page == 3 and article.date == date(1957, 3, 12)
    assert article.dateline.place == "太原" and article.dateline.date == date(1957, 3, 10)
    assert article.en is None


def test_several_articles_in_one_file():
    first, second = parse(TWO_ARTICLES, "two.md")
    assert (first.index, second.index) == (1, 2)
    assert first.source == second.source == "two.md"
    assert first.page == 1 and second.page == 2
    assert second.dateline.agency == "本报" and second.dateline.place == "上海"
    assert first.key != second.key


def test_dateline_day_after_publication_day_is_previous_month():
    text = "### 标题\n\n1956-12-02\n第1版()\n\n    新华社北京三十日电　会议闭幕。\n"
    [article] = parse(text, "x.md")
    assert article.dateline.date == date(1956, 11, 30)


def test_dateline_place_from_a_news_source():
    text = "### 标题\n\n1956-11-15\n第5版()\n\n    新华社14日讯　纽约消息：联合国大会举行全体会议。\n"
    [article] = parse(text, "x.md")
    assert (article.dateline.place, article.dateline.date) == ("纽约", date(1956, 11, 14))


def test_other_encodings_and_line_ends(tmp_path):
    path = tmp_path / "gb.md"
    path.write_bytes(CHINESE_ONLY.replace("\n", "\r\n").encode("gb18030"))
    [article] = read_file(path)
    assert article.title_zh == "中共山西省委召开全省农业会议"
    assert "\r" not in article.zh.text


def test_english_only_file():
    text = "Title: Provincial Committee Holds Meeting\nDate: 1956-11-15\nPage: 2\n\nThe committee met.\n"
    [article] = parse(text, "en.txt")
    assert article.title_en == "Provincial Committee Holds Meeting"
    assert article.zh is None and article.en.sentences[0].text == "The committee met."


@pytest.mark.parametrize("data, reason", [(b"", "empty"), (b"   \n", "empty")])
def test_unreadable_input_names_file_and_reason(tmp_path, data, reason):
    path = tmp_path / "bad.md"
    path.write_bytes(data)
    with pytest.raises(ReadError) as err:
        read_file(path)
    assert "bad.md" in str(err.value) and reason in err.value.reason


def test_missing_file_is_a_read_error(tmp_path):
    with pytest.raises(ReadError, match=r"nope\.md"):
        read_file(tmp_path / "nope.md")


def test_text_without_article_is_a_read_error():
    with pytest.raises(ReadError, match="no article"):
        parse("just some words\n", "plain.txt")


def test_decode_prefers_utf8_and_strips_bom():
    assert decode("\ufeff标题".encode()) == "标题"


def test_split_text_keeps_closing_quotes():
    text = split_text([("body", "他说：“好。”然后走了。")], "zh")
    assert [s.text for s in text.sentences] == ["他说：“好。”", "然后走了。"]
