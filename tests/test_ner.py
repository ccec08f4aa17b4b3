import itertools
import json

from kg.cli import main
from kg.ner import spans


def _typed(sentence: str) -> set[tuple[str, str]]:
    return {(sentence[s:e], t) for s, e, t in spans(sentence)}


def test_spans_by_type_without_overlap():
    found = _typed("中共河北省委书记林铁在保定会见了国务院的代表。")
    assert ("中共河北省委", "ORG") in found and ("保定", "LOC") in found and ("国务院", "ORG") in found
    offsets = sorted((s, e) for s, e, _ in spans("中共河北省委书记林铁在保定会见了国务院的代表。"))
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(offsets))


def test_known_names_inside_longer_words():
    assert ("邓小平", "PER") in _typed("认真学习邓小平理论。")


def test_common_words_jieba_calls_names_are_not_persons():
    assert not {w for w, t in _typed("卫星发射成功，午后有雷阵雨。") if t == "PER"}


def test_generic_bodies_count_as_organizations_here():
    assert ("县委", "ORG") in _typed("县委决定召开大会。")


def test_cli_one_json_list_per_line(tmp_path, capsys):
    source = tmp_path / "s.txt"
    source.write_text("周恩来总理到达北京。\n\n英法侵略埃及。\n", encoding="utf-8")
    assert main(["ner", str(source)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and json.loads(lines[1]) == []
    assert [0, 3, "PER"] in json.loads(lines[0])


def test_country_teams_and_governments_follow_the_corpus():
    found = _typed("中国队击败了巴西队，埃及政府表示祝贺。")
    assert {("中国队", "ORG"), ("巴西队", "ORG"), ("埃及", "LOC")} <= found
