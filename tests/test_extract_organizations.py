from kg.extract.organizations import canonical_name
from tests.helpers import canonicals, names, run


def test_party_committee_forms_resolve_to_one_name():
    for form in ("中共河北省委", "河北省委", "中国共产党河北省委员会", "中共河北省委员会"):
        assert canonical_name(form) == "中共河北省委员会", form


def test_place_plus_body_pattern():
    doc = run("中共山东省委最近召开扩大会议。上海市人民委员会发出通知。")
    assert {"中共山东省委", "上海市人民委员会"} <= names(doc, "Organization")
    assert "中共山东省委员会" in canonicals(doc, "Organization")


def test_gazetteer_bodies_and_aliases():
    doc = run("中共中央和国务院发出指示，新华社报道。")
    assert {"中国共产党中央委员会", "国务院", "新华通讯社"} <= canonicals(doc, "Organization")


def test_named_ministry_by_head_word():
    doc = run("农产品采购部召开电话会议。")
    assert "农产品采购部" in names(doc, "Organization")


def test_generic_bodies_are_not_organizations():
    doc = run("各级党委和有关部门要加强领导，县委也要负责。")
    assert not names(doc, "Organization") & {"各级党委", "党委", "县委", "有关部门"}


def test_democratic_party_branch():
    doc = run("民革河北省委员会最近成立了社会联系工作委员会。")
    orgs = names(doc, "Organization")
    assert "民革河北省委员会" in orgs
    assert "中国国民党革命委员会河北省委员会" in canonicals(doc, "Organization")
    assert "社会联系工作委员会" in orgs


def test_this_ministry_refers_to_the_one_named_before():
    doc = run("农产品采购部召开电话会议。该部要求各地加强棉花收购工作。")
    coreferent = [m for m in doc.mentions if m.text == "该部"]
    assert [m.canonical for m in coreferent] == ["农产品采购部"]
    assert [d.organization.canonical for d in doc.decisions] == ["农产品采购部"]


def test_place_body_scan_finds_every_level():
    from kg.extract.organizations import place_bodies

    text = "中共河北省委员会和上海市人民委员会，中国共产党山东省委员会，保定地委。"
    spans = {text[s:e] for s, e in place_bodies(text)}
    assert {"中共河北省委员会", "上海市人民委员会", "中国共产党山东省委员会", "保定地委"} <= spans


def test_gazetteer_scan_takes_the_longest_name():
    from kg import lexicon

    found = [surface for _s, _e, surface, _entry in lexicon.organizations().finditer("中共中央和中国共产党中央委员会")]
    assert found == ["中共中央", "中国共产党中央委员会"]


def test_coordinated_places_share_the_body():
    doc = run("依照纽伦堡和东京国际军事法庭审理战争罪行所定的原则。")
    assert {"纽伦堡国际军事法庭", "东京国际军事法庭"} <= canonicals(doc, "Organization")
    assert "纽伦堡" in names(doc, "Place")


def test_well_known_short_names():
    doc = run("北大和清华的学生都用波音的飞机。")
    assert {"北大", "清华", "波音"} <= names(doc, "Organization")
    assert "天津市妇联" in names(run("天津市妇联召开会议。"), "Organization")
    assert "青岛交警" in names(run("青岛交警查处了违章车辆。"), "Organization")


def test_a_name_that_opens_with_a_place_may_hold_verbs():
    assert "中国儿童发展促进委员会" in names(run("中国儿童发展促进委员会成立。"), "Organization")


def test_sports_verbs_do_not_open_a_team_name():
    doc = run("巴西队昨天战胜匈牙利队。")
    assert "匈牙利队" in names(doc, "Organization")
    assert not {n for n in names(doc, "Organization") if n.startswith("战胜")}


def test_embassies_and_works_are_bodies():
    assert "法国大使馆" in names(run("法国大使馆发表声明。"), "Organization")
    assert "青岛啤酒厂" in names(run("青岛啤酒厂扩建。"), "Organization")


def test_common_nouns_before_the_place_are_left_out():
    assert "巴西航空公司" in names(run("客机巴西航空公司宣布开辟新航线。"), "Organization")


def test_both_houses_are_not_part_of_the_name():
    doc = run("国会两院通过了法案。")
    assert "国会两院" not in names(doc, "Organization")
