from kg.extract.policies import canonical_name
from tests.helpers import names, run


def test_policy_after_a_governing_verb():
    doc = run("会议提出要实行党委领导下的厂长负责制，逐步推行职工代表大会的制度。")
    found = names(doc, "Policy")
    assert "党委领导下的厂长负责制" in found
    assert any(p.endswith("职工代表大会的制度") for p in found)


def test_movements_and_plans():
    doc = run("进一步深入开展先进生产者运动，完成第一个五年计划。")
    assert {"先进生产者运动", "第一个五年计划"} <= names(doc, "Policy")


def test_named_policies_from_the_gazetteer():
    doc = run("统购统销是国家的重要政策，要贯彻百花齐放、百家争鸣的方针。")
    assert "统购统销" in names(doc, "Policy")


def test_generic_policy_words_are_left_out():
    doc = run("这个方针是正确的，各项政策都要执行。")
    assert not names(doc, "Policy") & {"这个方针", "各项政策", "方针"}


def test_canonical_drops_de_before_head():
    assert canonical_name("职工代表大会的制度") == "职工代表大会制度"


def test_governing_verbs_stay_outside_and_compounds_inside():
    found = names(run("推进基本社会保障制度，大力开展扫盲运动，完成五年农业增产计划。"), "Policy")
    assert {"基本社会保障制度", "扫盲运动", "五年农业增产计划"} <= found
    assert not any(p.startswith(("推进", "大力", "开展")) for p in found)
