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


def test_one_character_countries_in_pairs_and_words():
    assert {("中", "LOC"), ("韩", "LOC")} <= _typed("中韩两国外长今天举行会谈。")
    assert {("巴", "LOC"), ("以", "LOC")} <= _typed("巴以双方同意恢复谈判。")
    assert {("中", "LOC"), ("阿", "LOC")} <= _typed("中、阿两国友好交往源远流长。")
    assert {("京", "LOC"), ("中", "LOC")} <= _typed("他从小学习京剧，后来又研究中医。")
    assert {("华", "LOC"), ("京", "LOC")} <= _typed("新任驻华大使昨天离京回国。")


def test_one_character_names_need_a_cue():
    found = _typed("阿根廷队在比赛中以2∶0获胜，兔子比比很可爱。")
    assert not {w for w, t in found if t == "LOC" and len(w) == 1}


def test_buildings_and_bodies_of_the_solar_system_are_places():
    found = _typed("探测器飞离地球，人民大会堂里举行了庆祝会。")
    assert {("地球", "LOC"), ("人民大会堂", "LOC")} <= found
    assert ("张之路", "PER") in _typed("张之路的小说很受欢迎。")  # a name, though it ends in 路


def test_region_words_follow_the_corpus():
    assert ("东北", "LOC") in _typed("东北地区普降大雪。")
    assert not _typed("沿海地区经济发展很快。")
    assert ("中国", "LOC") in _typed("新中国成立以后，农业发展很快。")


def test_surname_alone_before_a_form_of_address():
    found = _typed("胡老今年九十岁了，李老师常去看他。")
    assert {("胡", "PER"), ("李", "PER")} <= found
    assert ("温", "PER") in _typed("温先生对记者说，他很满意。")


def test_place_and_short_body_names():
    found = _typed("中国足协和山西省残联联合举办了这次活动。")
    assert {("中国足协", "ORG"), ("山西省残联", "ORG")} <= found
    assert ("中国女篮", "ORG") in _typed("中国女篮昨天抵达。")


def test_congress_by_its_number():
    assert ("十五大", "ORG") in _typed("认真学习十五大报告。")


def test_ministry_inside_a_ministers_title():
    assert ("印尼农业部", "ORG") in _typed("印尼农业部长表示，今年粮食可以自给。")


def test_company_named_after_a_person():
    found = _typed("美国劳拉公司宣布了这一消息。")
    assert ("美国劳拉公司", "ORG") in found and not {w for w, t in found if t == "PER"}


def test_kinds_of_bodies_and_cut_words_are_not_names():
    assert not _typed("保险公司不愿开展此类业务。")
    assert not {w for w, t in _typed("司法部门已经建立了制度。") if t == "ORG"}


def test_bare_body_joined_to_an_office():
    assert ("市委", "ORG") in _typed("市委书记张三主持会议。")


def test_a_countrys_army_or_government_is_the_country_alone():
    found = _typed("美国军队撤出，特区政府宣布了新措施。")
    assert ("美国", "LOC") in found and not {w for w, t in found if t == "ORG"}


def test_schools_and_departments_are_bodies_here():
    assert ("红星小学", "ORG") in _typed("他在红星小学读书。")
    assert ("外交部礼宾司", "ORG") in _typed("外交部礼宾司负责人说，准备工作已经就绪。")
    assert ("兰州地质所", "ORG") in _typed("他在兰州地质所工作。")
    assert ("中国体育报", "ORG") in _typed("他是中国体育报的记者。")
    assert not {w for w, t in _typed("青岛交警查处了违章车辆，交警很辛苦。") if w == "交警"}
    assert not _typed("他住在两省交界处。")
    assert not {w for w, t in _typed("慕尼黑市举行了新年音乐会。") if t == "ORG"}


def test_ordinal_before_a_body_and_rank_before_a_team():
    assert ("第十届全国人大", "ORG") in _typed("这项法律在第十届全国人大上通过。")
    assert ("巴西女队", "ORG") in _typed("第三名巴西女队昨天回国。")


def test_compounds_of_one_character_province_and_river_names():
    found = _typed("江淮流域和青藏高原都下了雪。")
    assert {("江", "LOC"), ("淮", "LOC"), ("青", "LOC"), ("藏", "LOC")} <= found


def test_periodicals_by_their_titles():
    assert ("纽约时报", "ORG") in _typed("据《纽约时报》报道，谈判已经结束。")
    assert ("英国《自然》杂志", "ORG") in _typed("英国《自然》杂志发表了这篇论文。")


def test_club_teams_and_pairs_that_look_like_a_country():
    assert ("海狮队", "ORG") in _typed("海狮队昨天主场获胜。")
    assert ("中国队", "ORG") in _typed("中国队组队参赛。")
    assert {("中", "LOC"), ("非", "LOC")} <= _typed("中非合作前景广阔。")
    assert {("奥", "LOC"), ("中", "LOC")} <= _typed("奥中关系发展顺利。")


def test_bodies_of_towns_parties_and_companies():
    assert ("高桥镇党委", "ORG") in _typed("高桥镇党委决定修路。")
    assert ("致公党中央", "ORG") in _typed("致公党中央主席出席了会议。")
    assert ("美国休斯公司", "ORG") in _typed("美国休斯公司总裁表示反对。")
