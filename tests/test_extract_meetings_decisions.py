from kg.dates import PartialDate
from tests.helpers import run

SEED_LIKE = ("新华社保定13日电　中共河北省委员会最近召开了全省工业会议，决定贯彻党的第八次全国代表大会的精神，"
             "加强党对工业的领导。",
             "会议确定了加强和改进党对工业建设的领导的各项具体措施。各级党委要把领导工业建设放到经常的议事日程上来，"
             "加强党的集体领导。会议还提出要加强企业党的集体领导，实行党委领导下的厂长负责制。")


def test_meeting_with_convener():
    doc = run(*SEED_LIKE)
    meeting = next(m for m in doc.meetings if m.name == "全省工业会议")
    assert [c.canonical for c in meeting.conveners] == ["中共河北省委员会"]


def test_referenced_congress_is_a_meeting_without_convener():
    doc = run(*SEED_LIKE)
    congress = next(m for m in doc.meetings if "第八次全国代表大会" in m.name)
    assert congress.name == "中国共产党第八次全国代表大会"
    assert congress.aliases == ["党的第八次全国代表大会"]
    assert not congress.conveners


def test_body_session_is_convened_by_the_body():
    doc = run("中共中央第二次全体会议于十一月十日至十五日在北京举行。")
    [meeting] = doc.meetings
    assert meeting.name == "中共中央第二次全体会议"
    assert [c.canonical for c in meeting.conveners] == ["中国共产党中央委员会"]
    assert [p.canonical for p in meeting.places] == ["北京市"] or [p.text for p in meeting.places] == ["北京"]
    assert meeting.date == PartialDate(1956, 11, 10) and meeting.end_date == PartialDate(1956, 11, 15)


def test_generic_meeting_words_are_not_meetings():
    doc = run("这次会议开得很好，各种会议都要精简。")
    assert not doc.meetings


def test_abbreviated_congress():
    doc = run("认真学习“八大”文件。")
    [meeting] = doc.meetings
    assert meeting.name == "中国共产党第八次全国代表大会" and "八大" in meeting.aliases


def test_decisions_are_clause_sized_and_linked_to_the_meeting():
    doc = run(*SEED_LIKE)
    texts = [d.text for d in doc.decisions]
    assert "加强党对工业的领导" in texts
    assert any(t.endswith("实行党委领导下的厂长负责制") or t == "实行党委领导下的厂长负责制" for t in texts)
    assert any("把领导工业建设放到经常的议事日程上来" in t for t in texts)  # announced by 确定了…措施
    meeting = next(i for i, m in enumerate(doc.meetings) if m.name == "全省工业会议")
    assert all(d.meeting == meeting for d in doc.decisions)


def test_decision_concerns_its_policy():
    doc = run(*SEED_LIKE)
    decision = next(d for d in doc.decisions if "厂长负责制" in d.text)
    assert "党委领导下的厂长负责制" in {c.text for c in decision.concerns}


def test_organization_decisions_and_listed_items():
    doc = run("上海市人民委员会号召反对官僚主义、提倡精简节约、改善机关工作。")
    texts = [d.text for d in doc.decisions]
    assert texts == ["反对官僚主义", "提倡精简节约", "改善机关工作"]
    assert all(d.organization and d.organization.text == "上海市人民委员会" for d in doc.decisions)


def test_opinions_are_not_decisions():
    doc = run("会议认为，这些情况都是应该迅速扭转的。会议指出，工业发展很快。")
    assert not doc.decisions


def test_approval_keeps_its_verb():
    doc = run("全国人民代表大会常务委员会第五十次会议决定批准日内瓦公约。")
    assert [d.text for d in doc.decisions] == ["批准日内瓦公约"]


def test_addressee_is_not_a_decision():
    doc = run("中共安徽省委要求省直属各部门，结合本身工作，认真学习文件。")
    texts = [d.text for d in doc.decisions]
    assert "省直属各部门" not in texts and "认真学习文件" in texts


def test_speaker_at_the_reported_meeting_decides_for_it():
    doc = run("中共中央第二次全体会议在北京举行。毛泽东同志号召全体国家工作人员，提倡艰苦朴素的作风，与群众同甘共苦。")
    assert {d.text for d in doc.decisions} >= {"提倡艰苦朴素的作风", "与群众同甘共苦"}
    assert all(d.meeting == 0 for d in doc.decisions)


def test_resolution_speaks_for_the_meeting():
    doc = run("中国民主建国会第一届中央委员会第二次全体会议今天闭幕。决议批准中央常务委员会的工作报告。")
    assert [d.text for d in doc.decisions] == ["批准中央常务委员会的工作报告"]
    assert doc.decisions[0].meeting == 0


def test_quoted_titles_end_the_decision():
    doc = run("国务院通过了“国务院关于撤销云南省安宁县的决定”“国务院关于设置福建省南平市的决定”。")
    texts = {d.text for d in doc.decisions}
    assert {"撤销云南省安宁县", "设置福建省南平市"} <= texts


def test_measures_announced_then_listed():
    doc = run("中共安徽省委确定了各项具体措施。发动群众晒干菜，检查秋种工作。")
    assert {"发动群众晒干菜", "检查秋种工作"} <= {d.text for d in doc.decisions}
    assert all(d.organization.canonical == "中共安徽省委员会" for d in doc.decisions)


def test_bodies_are_not_meetings():
    doc = run("联合国大会11月13日下午举行全体会议。")
    assert [m.name for m in doc.meetings] == ["全体会议"]
    assert [c.canonical for c in doc.meetings[0].conveners] == ["联合国大会"]


def test_headline_short_name_merges_with_the_body_meeting():
    from kg.reader import parse

    text = ("### 民主建国会一届二中全会闭幕\n\n1956-11-17\n第1版()\n\n    民主建国会一届二中全会闭幕\n"
            "    新华社16日讯　中国民主建国会第一届中央委员会第二次全体会议今天闭幕。\n")
    from kg.extract import extract

    doc = extract(parse(text, "x.md")[0])
    [meeting] = doc.meetings
    assert meeting.name == "中国民主建国会第一届中央委员会第二次全体会议"
    assert "民主建国会一届二中全会" in meeting.aliases


def test_short_form_of_a_plenum_in_the_body_is_the_same_meeting():
    doc = run("中国民主建国会第一届中央委员会第二次全体会议今天闭幕。民建一届二中全会是从11月5日开始举行的。"
              "民建一届三中全会将在明年举行。")
    names = sorted(m.name for m in doc.meetings)
    assert names == ["中国民主建国会第一届中央委员会第二次全体会议", "民建一届三中全会"]
    plenum = next(m for m in doc.meetings if m.name.endswith("第二次全体会议"))
    assert [c.canonical for c in plenum.conveners] == ["中国民主建国会第一届中央委员会"]


def test_measures_listed_after_as_follows():
    doc = run("太岳行署决定，本年各县应举行座谈会，其具体办法如下：（一）各县应给以物质奖励。"
              "（二）新区应举行会议，传达今年的教育工作方针。")
    texts = {d.text for d in doc.decisions}
    assert "各县应给以物质奖励" in texts and "传达今年的教育工作方针" in texts


def test_purpose_clauses_and_quoted_resolutions_are_not_decisions():
    doc = run("会议认为，认真学习“八大”文件，为贯彻执行“八大”决议打下思想基础。"
              "会议要求各级党委结合本身工作，以达到理论和实际相结合的目的。")
    texts = {d.text for d in doc.decisions}
    assert "打下思想基础" not in texts and "达到理论和实际相结合的目的" not in texts


def test_meeting_names_stop_at_verbs_titles_and_persons():
    doc = run("国家新闻出版署召开纪念党的十一届三中全会工作会议。致公党中央主席罗豪才主持会议。")
    names = {m.name for m in doc.meetings}
    assert not any(n.startswith("纪念") for n in names)
    assert not any("罗豪才" in n for n in names)


def test_by_means_of_is_not_a_decision():
    doc = run("国际足联通过电话售出了全部门票。")
    assert not doc.decisions
    doc = run("全国人民代表大会常务委员会第五十次会议一致通过筑堤防水。")
    assert [d.text for d in doc.decisions] == ["通过筑堤防水"]


def test_a_bodys_session_is_convened_by_the_body():
    doc = run("历时半月的张家口市首届参议会一次大会已隆重闭幕。")
    [meeting] = doc.meetings
    assert [(c.text, c.canonical) for c in meeting.conveners] == [("张家口市首届参议会", "张家口市参议会")]


def test_a_short_form_of_a_body_named_before_convenes():
    doc = run("联合国大会举行全体会议。会议决定明天召开大会紧急会议。")
    session = next(m for m in doc.meetings if m.name == "大会紧急会议")
    assert [c.canonical for c in session.conveners] == ["联合国大会"]


def test_the_meeting_a_body_held():
    doc = run("在社会联系工作委员会举行的会议上，大家讨论了工作计划。")
    [meeting] = doc.meetings
    assert meeting.name == "社会联系工作委员会举行的会议"
    assert [c.text for c in meeting.conveners] == ["社会联系工作委员会"]


def test_scene_setting_clauses_are_not_decisions():
    doc = run("中共山东省委要求省直属各部门，在学习文件的基础上，结合本身工作，认真检查工作。"
              "国务院特规定：无论在集中产区或在分散产区，都不得自动提高收购价格。")
    texts = {d.text for d in doc.decisions}
    assert "认真检查工作" in texts
    assert not texts & {"在学习文件的基础上", "结合本身工作", "无论在集中产区或在分散产区"}


MEETING = "中共江苏省委员会扩大会议已经在20日闭幕。"


def test_meeting_word_opening_the_verbs_own_clause_decides():
    doc = run(MEETING, "在农业工作方面，会议特别号召各地党委重视水利建设。")
    assert [(d.text, d.meeting) for d in doc.decisions] == [("重视水利建设", 0)]


def test_a_noun_use_of_a_decision_verb_does_not_end_the_object():
    doc = run(MEETING, "决议责成省委常务委员会，根据这次会议的决议精神，组织全体党员作深入的讨论。")
    texts = {d.text for d in doc.decisions}
    assert "组织全体党员作深入的讨论" in texts and not any("决议精神" in t for t in texts)


def test_a_purpose_clause_ends_the_decision():
    doc = run(MEETING, "会议要求各县组织干部下乡，以求得思想上的一致，使全体干部能更好地领导生产，完成全年的生产任务。"
              "会议决定修筑河堤，以粉碎敌人放水的阴谋。")
    assert {d.text for d in doc.decisions} == {"组织干部下乡", "修筑河堤"}


def test_whom_a_request_is_addressed_to_is_cut_from_the_clause():
    doc = run(MEETING, "会议要求大家首先节约粮食，号召各产粮区大力加强粮食收购工作。")
    assert {d.text for d in doc.decisions} == {"首先节约粮食", "大力加强粮食收购工作"}


def test_opinions_manner_means_and_assessments_are_not_decisions():
    doc = run(MEETING, "会议要求实行统一收购，但认为价格不宜提高。"
              "会议还以五十票赞成、没有人反对的表决结果，通过把水利问题列入议程。"
              "会议号召采取重点试验的办法，逐步推行合同制度，并且要以1954年的救灾精神，作好救灾工作。"
              "会议决定贯彻中央的精神，加强党对农业的领导。"
              "会议提醒各地，机关中的浪费现象很严重。"
              "会议要求各县作好以上工作，为明年的生产打下基础。")
    texts = {d.text for d in doc.decisions}
    assert {"实行统一收购", "逐步推行合同制度", "作好救灾工作", "加强党对农业的领导"} <= texts
    assert not texts & {"价格不宜提高", "五十票赞成、没有人反对的表决结果", "采取重点试验的办法", "1954年的救灾精神",
                        "贯彻中央的精神", "机关中的浪费现象很严重", "明年的生产打下基础"}


def test_time_and_according_to_clauses_set_the_scene():
    doc = run(MEETING, "会议决定自本通知到达之日起，各级机关一律停止增设新的机构。"
              "会议责成各级组织根据会议的决议精神，组织全体党员作深入的讨论。")
    texts = {d.text for d in doc.decisions}
    assert "各级机关一律停止增设新的机构" in texts and "组织全体党员作深入的讨论" in texts
    assert not any(t.startswith("自本通知") or t.endswith("决议精神") for t in texts)


def test_a_decision_without_a_subject_is_the_articles_actor():
    doc = run("国务院全体会议第十次会议在16日举行。",
              "为了精简国家机关，提高工作效率，现决定各级机关一律停止增设新的机构。")
    assert [(d.text, d.meeting) for d in doc.decisions] == [("各级机关一律停止增设新的机构", 0)]
    doc = run("苏联提出让步，建议在某些条件下，同意法国之计划。")
    assert not doc.decisions


def test_resolutions_listed_after_they_were_passed():
    doc = run("历时半月的太原市首届参议会一次大会已隆重闭幕。",
              "最后一致通过之决议案为（１）将营业税改为统一累进税。（２）对小商实行照牌税，贫苦小商则一律免征。")
    texts = {d.text for d in doc.decisions}
    assert {"将营业税改为统一累进税", "对小商实行照牌税", "贫苦小商则一律免征"} <= texts
    assert all(d.meeting == 0 for d in doc.decisions)


def test_approval_asked_for_and_relative_clauses_are_not_decisions():
    doc = run(MEETING, "会议决定，凡需增设机构的，应报国务院批准，不得自行增设。")
    assert all(d.meeting == 0 and d.organization is None for d in doc.decisions)
    assert "不得自行增设" in {d.text for d in doc.decisions}
    doc = run("农产品采购部规定的收购任务，各地必须按期完成。")
    assert not doc.decisions


def test_a_resolution_stating_tasks_decides_them():
    doc = run("中国民主同盟第二届中央委员会第三次全体会议今天闭幕。", "会议通过了关于当前工作任务的决定。"
              "决定指出当前的中心任务是积极参加社会主义建设，协助国家完成对私营工商业的社会主义改造。"
              "决定还指出，最近以来工作中有很多缺点。")
    texts = {d.text for d in doc.decisions}
    assert {"积极参加社会主义建设", "协助国家完成对私营工商业的社会主义改造"} <= texts
    assert all(d.meeting == 0 for d in doc.decisions) and not any("缺点" in t for t in texts)


def test_by_means_of_examples_and_verb_complements_are_not_decisions():
    doc = run(MEETING, "会议要求各地要通过联系启发群众的积极性。"
              "会议决定将有牙税之商业，如粮食干鲜果等，免除营业税。"
              "会议提醒各地党委，把建立集体领导制度，当作贯彻中央精神的重要内容。"
              "讨论与通过者，共十四大件。")
    texts = {d.text for d in doc.decisions}
    assert "免除营业税" in texts and "把建立集体领导制度" in texts
    assert not any(t.startswith(("通过联系", "如粮食", "当作")) or "十四大件" in t for t in texts)
