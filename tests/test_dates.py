from datetime import date

from kg.dates import PartialDate, find_dates, resolve_day, to_int


def test_chinese_numerals():
    numerals = ("13", "十三", "二十", "三十一", "一九五六", "十", "五十")
    assert [to_int(x) for x in numerals] == [13, 13, 20, 31, 1956, 10, 50]
    assert to_int("abc") is None


def test_resolve_day_against_publication():
    assert resolve_day(date(1956, 11, 15), 13) == date(1956, 11, 13)
    assert resolve_day(date(1956, 11, 2), 30) == date(1956, 10, 30)
    assert resolve_day(date(1957, 1, 3), 28) == date(1956, 12, 28)


def test_find_dates_precision():
    found = [d for _, _, d in find_dates("1956年11月5日开会，自九日至十一日，十月将召开", date(1956, 11, 15))]
    assert found == [PartialDate(1956, 11, 5), PartialDate(1956, 11, 9), PartialDate(1956, 11, 11),
                     PartialDate(1956, 10)]
    assert PartialDate(1956, 10).isoformat() == "1956-10"
