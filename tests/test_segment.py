"""kg.segment's own posseg cut must give exactly the tokens jieba.posseg gives with the same dictionary."""

from __future__ import annotations

import os
import random

import jieba.posseg
import pytest
from jieba.posseg.viterbi import viterbi

from kg import segment

# Written for the tests in People's Daily style: unknown names, numbers, Latin letters, mixed punctuation.
SENTENCES = (
    "新华社石家庄12日电　中共河北省委于11月3日至9日召开扩大会议，省委书记林铁作了报告。",
    "会议认为，今年全省粮食总产量达到158.6亿斤，比1955年增长了12.5%。",
    "邵家屯农业生产合作社社长钮秉谦和副社长祁翠芬带领社员兴修水利。",
    "阿卜杜勒·卡里姆·卡塞姆总理在巴格达会见了我国驻伊拉克大使。",
    "炼钢工人苟振鹏、阎小栓创造了每炉缩短冶炼时间40分钟的新纪录。",
    "我国第一座年产150万吨的钢铁联合企业——鞍山钢铁公司ABC车间，已于1956年投入生产。",
    "毵毵的细雨中，乜家庄、亓官村的干部和群众冒雨抢收晚稻。",
    "    全国人民代表大会常务委员会第五十次会议\r\n决定批准日内瓦公约 (1949) 第3条。",
    "Ｃ２型拖拉机ｘ-15号和Ｔ＆Ｄ机组，3.5吨，v2.0，C++与C#，a_b。",
    "",
    "　",
    "瞿",
)


@pytest.fixture(autouse=True)
def _jieba(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KG_SEGMENTER", raising=False)


def _jieba_tokens(text: str) -> list[tuple[str, str, int, int]]:
    tokens, offset = [], 0
    for pair in segment._tagger().cut(text):
        tokens.append((pair.word, pair.flag, offset, offset + len(pair.word)))
        offset += len(pair.word)
    return tokens


def _tokens(text: str) -> list[tuple[str, str, int, int]]:
    return [(t.word, t.pos, t.start, t.end) for t in segment.cut(text)]


@pytest.mark.parametrize("text", SENTENCES)
def test_cut_is_jiebas_posseg(text: str) -> None:
    assert _tokens(text) == _jieba_tokens(text)


def test_cut_is_jiebas_posseg_again_from_the_cache() -> None:
    first = [_tokens(text) for text in SENTENCES]
    assert segment._cut_unknown.cache_info().currsize > 0
    assert [_tokens(text) for text in SENTENCES] == first == [_jieba_tokens(text) for text in SENTENCES]


def test_cache_is_bounded() -> None:
    assert segment._cut_unknown.cache_info().maxsize == segment.HMM_CACHE_SIZE


def test_tokens_are_tokens() -> None:
    tokens = segment.cut("钮秉谦同志")
    assert tokens[0] == segment.Token(tokens[0].word, tokens[0].pos, 0, len(tokens[0].word))
    assert hash(tokens[0]) == hash(segment.Token(tokens[0].word, tokens[0].pos, 0, len(tokens[0].word)))
    with pytest.raises(AttributeError):
        tokens[0].word = "x"  # type: ignore[misc]


def _tagger_of(folder, dictionary: str) -> jieba.posseg.POSTokenizer:
    """A jieba tagger with only the words of ``dictionary`` (jieba's dictionary format)."""
    path = folder / "dict.txt"
    path.write_text(dictionary, encoding="utf-8")
    tokenizer = jieba.Tokenizer(str(path))
    tokenizer.tmp_dir = str(folder)
    return jieba.posseg.POSTokenizer(tokenizer)


def test_ties_between_paths_go_to_the_longer_first_word(tmp_path) -> None:
    # 研究生|命 and 研究|生命 sum the same two log-frequencies in the same order: an exact tie.
    tagger = _tagger_of(tmp_path, "研究 30 vn\n研究生 30 n\n生命 7 n\n命 7 n\n")
    tagger.tokenizer.add_word("生命", 7)  # the same frequency again: the tie stays, and jieba's total counts 生命 twice
    expected = [(pair.word, pair.flag) for pair in tagger.cut("研究生命")]
    assert expected == [("研究生", "n"), ("命", "n")]
    ours = segment.Dictionary.of(tagger)
    assert segment._pos_cut(ours, "研究生命") == expected
    out: list[tuple[str, str]] = []
    segment._tag_path("研究生命", segment.rust_path(ours)("研究生命", False), ours.freq, ours.tags, out)
    assert out == expected


def test_rjiebas_path_weighs_words_by_jiebas_own_total(tmp_path) -> None:
    # 研究生命 beats 研究|生命 only if 10 > 30 * 30 / total: with jieba's total, 100 (研究 counted twice), not 70.
    tagger = _tagger_of(tmp_path, "研究 30 vn\n生命 30 n\n研究生命 10 n\n")
    tagger.tokenizer.add_word("研究", 30)
    assert [(pair.word, pair.flag) for pair in tagger.cut("研究生命")] == [("研究生命", "n")]
    ours = segment.Dictionary.of(tagger)
    assert segment.rust_path(ours)("研究生命", False) == ["研究生命"]


@pytest.fixture
def rust_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every run of Chinese cut along the path rjieba finds."""
    monkeypatch.setattr(segment, "RUST_PATH_AFTER", 0)


@pytest.mark.parametrize("text", SENTENCES)
def test_rjiebas_path_gives_jiebas_tokens(rust_path, text: str) -> None:
    assert _tokens(text) == _jieba_tokens(text)


def test_rjiebas_path_gives_jiebas_tokens_of_random_text(rust_path) -> None:
    rnd = random.Random(1957)
    known = [word for word, freq in segment._tables().dictionary.freq.items() if freq and len(word) <= 4]
    chars = list(jieba.posseg.char_state_tab_P)
    for _ in range(300):  # dictionary words run together, and characters between: many paths to choose from
        text = "".join(rnd.choice(known if rnd.random() < 0.7 else chars) for _ in range(rnd.randint(1, 30)))
        assert _tokens(text) == _jieba_tokens(text), text


def test_rjiebas_path_is_taken_only_after_enough_text(monkeypatch: pytest.MonkeyPatch) -> None:
    taken, cut = [], segment._rust_path()

    def recorded(block: str, hmm: bool) -> list[str]:
        taken.append(block)
        return cut(block, hmm)

    monkeypatch.setattr(segment, "_rust_path", lambda: recorded)
    monkeypatch.setattr(segment, "_blocks_cut", iter(range(segment.RUST_PATH_AFTER - 1, segment.RUST_PATH_AFTER + 9)))
    text = "召开会议，决定推行，1956年。"  # three runs: the first before the switch
    expected = [(pair.word, pair.flag) for pair in segment._tagger().cut(text)]
    assert segment._pos_cut(segment._tables().dictionary, text) == expected
    assert taken == ["决定推行", "1956年"]


def test_rjiebas_path_gives_jiebas_tokens_of_random_text_with_letters_and_digits(rust_path) -> None:
    rnd = random.Random(1958)
    known = [word for word, freq in segment._tables().dictionary.freq.items() if freq and len(word) <= 4]
    latin = [word for word in known if any(ch.isascii() for ch in word)]  # B超, T恤, AA制, C++, AT&T
    assert len(latin) > 20
    chars = list(jieba.posseg.char_state_tab_P) + list("0123456789abcXYZ.+#_")
    for _ in range(300):
        pool = rnd.choice((known, latin, chars, chars))
        text = "".join(rnd.choice(pool if rnd.random() < 0.5 else chars) for _ in range(rnd.randint(1, 30)))
        assert _tokens(text) == _jieba_tokens(text), text


def test_rjiebas_joins_of_letters_and_digits_are_split_unless_they_spell_a_word(tmp_path) -> None:
    tagger = _tagger_of(tmp_path, "第 30 m\n1 20 m\n0 20 m\n名 20 n\n")
    ours = segment.Dictionary.of(tagger)
    words = segment.rust_path(ours)("第10名", False)
    assert words == ["第", "10", "名"]  # rjieba joins 1|0
    route = segment._route("第10名", words, ours.freq)
    assert route == ["第", "1", "0", "名"]
    out: list[tuple[str, str]] = []
    segment._tag_path("第10名", route, ours.freq, ours.tags, out)
    assert out == segment._pos_cut(ours, "第10名") == [(pair.word, pair.flag) for pair in tagger.cut("第10名")]
    tagger.tokenizer.add_word("10", 5)  # the path may now go through the word 10 or through 1|0
    ours = segment.Dictionary.of(tagger)
    assert segment._route("第10名", segment.rust_path(ours)("第10名", False), ours.freq) is None


def test_random_text_is_cut_as_jieba_cuts_it() -> None:
    rnd = random.Random(1956)
    known = list(jieba.posseg.char_state_tab_P)
    unknown = [chr(c) for c in range(0x4E00, 0x9FD6) if chr(c) not in jieba.posseg.char_state_tab_P]
    other = list("abcXYZ0123456789.+#&_ \t\r\n　，。、：；“”（）％·—ＡＢ１２")
    for _ in range(100):
        pools = rnd.choices((known, unknown, other), weights=(12, 1, 2), k=rnd.randint(1, 40))
        text = "".join(rnd.choice(pool) for pool in pools)
        assert _tokens(text) == _jieba_tokens(text), text


def test_viterbi_is_jiebas_including_ties_and_unseen_characters() -> None:
    rnd = random.Random(1995)
    known = list(jieba.posseg.char_state_tab_P)
    unknown = [chr(c) for c in range(0x4E00, 0x9FD6) if chr(c) not in jieba.posseg.char_state_tab_P]
    p = jieba.posseg
    for _ in range(400):
        block = "".join(rnd.choice(unknown if rnd.random() < 0.15 else known) for _ in range(rnd.randint(1, 8)))
        route = [segment._tables().hmm.states[state] for state in segment._viterbi(block)]
        assert route == viterbi(block, p.char_state_tab_P, p.start_P, p.trans_P, p.emit_P)[1], block


@pytest.fixture
def own_cache(tmp_path, monkeypatch: pytest.MonkeyPatch):
    """The segmenter's tables made and kept under ``tmp_path``; the process's own tables again afterwards."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    segment._tables.cache_clear()
    yield tmp_path / "rmrb-kg"
    segment._tables.cache_clear()


def test_tables_kept_in_a_file_are_the_tables_jieba_gives(own_cache) -> None:
    made = segment._tables()
    files = list(own_cache.glob("segmenter-*.marshal"))
    assert files == [segment._tables_file()]
    segment._tables.cache_clear()
    loaded = segment._tables()
    assert loaded is not made and loaded == made
    assert loaded.dictionary == segment.Dictionary.of(segment._tagger())
    assert [_tokens(text) for text in SENTENCES] == [_jieba_tokens(text) for text in SENTENCES]


def test_a_damaged_tables_file_is_made_again(own_cache) -> None:
    path = segment._tables_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not marshal data")
    tables = segment._tables()
    assert tables.dictionary.freq["省委"] and path.stat().st_size > 1_000_000
    segment._tables.cache_clear()
    assert segment._tables() == tables


def test_tables_of_other_words_are_replaced(own_cache, monkeypatch: pytest.MonkeyPatch) -> None:
    segment._tables()
    first = segment._tables_file()
    monkeypatch.setattr(segment, "_EXTRA_WORDS", (*segment._EXTRA_WORDS, ("新词语", "n")))
    segment._tagger.cache_clear()
    segment._tables.cache_clear()
    segment._tables()
    assert segment._tables_file() != first
    assert list(own_cache.glob("segmenter-*.marshal")) == [segment._tables_file()]
    assert segment.word_frequency("新词语") == 2000
    segment._tagger.cache_clear()  # the tagger without the new word again


def test_without_a_writable_cache_folder_the_tables_are_made(own_cache) -> None:
    own_cache.parent.chmod(0o500)
    try:
        if os.access(own_cache.parent, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        assert segment._tables().dictionary.freq["省委"]
        assert not own_cache.exists()
    finally:
        own_cache.parent.chmod(0o700)
