"""The gazetteers' scanner: the longest name that starts leftmost, then on from its end."""

from kg.lexicon import Entry, Gazetteer


def test_scan_takes_the_leftmost_then_the_longest_name_without_overlaps():
    gaz = Gazetteer((Entry("河北省", "province", ("河北",)), Entry("北省委", "body"), Entry("省委", "body"),
                     Entry("中共", "party"), Entry("共河", "x"), Entry("京", "city")))
    found = [(s, e, surface, entry.name) for s, e, surface, entry in gaz.finditer("中共河北省委召开会议，省委在京")]
    # 中共 starts before 共河; 河北省 starts before 北省委; 京 is shorter than the gazetteer's minimum.
    assert found == [(0, 2, "中共", "中共"), (2, 5, "河北省", "河北省"), (11, 13, "省委", "省委")]
    assert [(s, e, entry.name) for s, e, _, entry in gaz.finditer("河北人")] == [(0, 2, "河北省")]
    assert list(gaz.finditer("")) == [] and list(Gazetteer(()).finditer("河北省")) == []
