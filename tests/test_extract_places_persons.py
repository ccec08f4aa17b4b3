from kg.extract.persons import canonical_name
from tests.helpers import canonicals, names, run


def test_provinces_cities_and_countries():
    doc = run("河北省和山西省的代表到达北京。埃及和叙利亚的代表在贝鲁特会谈。")
    assert {"河北省", "山西省", "北京", "埃及", "叙利亚", "贝鲁特"} <= names(doc, "Place")


def test_short_and_full_names_resolve_alike():
    doc = run("河北发展很快。")
    assert "河北省" in canonicals(doc, "Place")


def test_generic_place_words_are_left_out():
    doc = run("全省各地城市和农村都开展了运动。")
    assert not names(doc, "Place") & {"全省", "各地", "城市", "农村"}


def test_the_place_in_an_organization_name_is_a_place_too():
    doc = run("中共河北省委员会和泰国代表团。")
    assert {"河北省", "泰国"} <= canonicals(doc, "Place")
    assert {"中共河北省委员会", "泰国代表团"} <= names(doc, "Organization")


def test_one_character_country_pairs():
    doc = run("英法侵略埃及。")
    assert {"英国", "法国"} <= canonicals(doc, "Place")
    doc = run("支持埃及人民反抗英、法、以色列侵略的斗争。")
    assert {"英国", "法国", "以色列"} <= canonicals(doc, "Place")
    assert not canonicals(run("美好的生活。"), "Place")


def test_country_before_a_noun():
    assert "中东" in names(run("把中东问题列入议程。"), "Place")


def test_chinese_names_and_titles():
    doc = run("刘少奇同志、周恩来同志出席了会议，上海市副市长曹荻秋作了报告。")
    assert {"刘少奇", "周恩来", "曹荻秋"} <= canonicals(doc, "Person")
    assert canonical_name("刘少奇同志") == "刘少奇"


def test_foreign_name_after_a_title():
    doc = run("黎巴嫩总统夏蒙在会上讲话。")
    assert "夏蒙" in names(doc, "Person")


def test_surname_with_office_when_no_given_name():
    doc = run("出席者有行署贾主任、罗秘书长等四十余人。")
    assert {"贾主任", "罗秘书长"} <= names(doc, "Person")


def test_words_jieba_tags_as_names_are_not_persons():
    doc = run("农村工作应当从各方面大力支持工业建设。")
    assert "大力" not in names(doc, "Person")


def test_foreign_names_jieba_cuts_apart():
    doc = run("叙利亚总统库阿特利、泰国代表团团长那拉底都发了言。")
    assert {"库阿特利", "那拉底"} <= names(doc, "Person")


def test_surname_cut_from_given_name():
    assert "刘秀峰" in names(run("结果刘秀峰当选为议长。"), "Person")


def test_conjunction_before_a_title_is_no_surname():
    doc = run("由各参加国的总理和首相组成的委员会。")
    assert not names(doc, "Person")


def test_one_character_places_after_travel_words_and_before_titles():
    assert {"中国", "北京市"} <= canonicals(run("代表团来华访问，已经抵京。"), "Place")
    assert "俄罗斯" in canonicals(run("俄总统发表讲话。"), "Place")
    assert "意大利" not in canonicals(run("除非得到本国政府的同意。"), "Place")


def test_places_sharing_a_level_word_and_new_divisions():
    found = names(run("撤销云南省通海、河西两县和设置杞麓县。"), "Place")
    assert {"通海", "河西", "杞麓县"} <= found


def test_a_token_that_is_a_place_counts_when_the_scan_reads_past_it():
    # 有关中国: the left-to-right scan takes 关中 first.
    assert "中国" in names(run("他撰写了有关中国历史的专著。"), "Place")


def test_villages_whose_names_jieba_reads_as_persons():
    doc = run("他回到了红柳村，又去了高升镇。")
    assert {"红柳村", "高升镇"} <= names(doc, "Place")
    assert not names(doc, "Person")


def test_foreign_names_joined_over_the_middle_dot():
    assert "尤里·加加林" in names(run("尤里·加加林说，地球是蓝色的。"), "Person")


def test_three_character_name_the_hmm_cut_short():
    assert "王培之" in names(run("王培之同志说，工作很顺利。"), "Person")


def test_names_in_a_list_of_names():
    assert "李清源" in names(run("出席的有张三丰、李清源、王五。"), "Person")


def test_name_in_a_byline():
    assert "许立群" in names(run("本报北京五日电记者许立群报道：会议今天闭幕。"), "Person")


def test_common_words_in_a_list_are_not_names():
    assert not names(run("他们要文明、友善。"), "Person")
    assert not names(run("海关颁发了出口许可证。东道主赢得了公开赛。"), "Person")


def test_short_foreign_name_before_a_verb_of_saying():
    assert "亨特" in names(run("亨特说，比赛很艰苦。"), "Person")


def test_name_after_an_office():
    assert "钱德昌" in names(run("副县长钱德昌今天在会上讲话。"), "Person")


def test_inner_mongolia_and_regions_of_the_world():
    doc = run("内蒙古西部有小雨，科索沃局势紧张。")
    assert {"内蒙古", "科索沃"} <= names(doc, "Place")
    assert not names(doc, "Person")


def test_a_set_up_division_ends_on_a_word_boundary():
    assert not names(run("他们建立了图书市场。"), "Place")


def test_a_city_and_the_level_word_jieba_cuts_off():
    assert "慕尼黑市" in names(run("慕尼黑市举行了新年音乐会。"), "Place")


def test_foreign_names_after_roles_run_over_the_middle_dot():
    assert "芭芭拉·弗兰克林" in names(run("外交大臣芭芭拉·弗兰克林今天抵达。"), "Person")
    assert "扎加洛" in names(run("主教练扎加洛今天宣布了名单。"), "Person")


def test_first_syllable_of_a_foreign_name_jieba_left_alone():
    assert "库尼科娃" in names(run("俄罗斯的库尼科娃和她的教练都来了。"), "Person")


def test_forms_of_address_of_the_1990s_leaders():
    assert {"江泽民", "朱镕基"} <= canonicals(run("江主席和朱总理会见了外宾。"), "Person")
