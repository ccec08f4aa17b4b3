"""Noun-phrase chunks that end in a head word: the shared shape of organisation, meeting and policy names.

A name such as 中共河北省委工业会议 or 党委领导下的厂长负责制 is a head word (会议, 负责制) with
modifiers to its left. ``extend_left`` walks left from the head over tokens that can modify a
name and stops where a clause, a verb or a function word begins.
"""

from __future__ import annotations

from collections.abc import Callable

from kg.segment import Token

PUNCT = set("，。、；：？！,.;:?!“”‘’「」『』《》〈〉（）()[]【】—…·　 \t\n\"'")
# Tokens that never start or sit inside a name, whatever their tag.
STOP_WORDS = frozenset("""
了 着 过 在 于 把 将 被 对 对于 向 从 自 至 到 由 为 以 和 与 及 以及 并
并且 或 或者 而 但 但是 也 还 又 都 就 才 是 有 没有 这 那 这个 那个 这些
那些 该 此 其 其他 各 各个 各种 各项 各级 一切 所有 全体 有关 有些 一些 许多
不少 我们 他们 它们 我 你 他 她 它 本 今年 明年 去年 今后 目前 最近 日前 当前
现在 已经 正在 曾 要 应 应当 应该 必须 能 可以 会上 之后 以后 以前 期间 时 中
上 后 前 等 等等 方面 情况 同时 继续 进一步 认真 积极 大力 努力 充分
时候 年度 以来 会见 会晤 接见 访问 荣获 获得 颁发 日电 电 讯 经 据 成立
精简 统一 部署 胜 负 原 战胜 击败 打败 负于 战平 逼平 迎战 对阵 力克 输给 不敌
""".split())
# Idioms and set phrases (l, i) are left out: 完全同意 and 大力支持 are tagged so.
NAME_TAGS = frozenset("ns nt nz n nr nrt nrfg ng nn j vn b an s eng".split())


def extend_left(
    tokens: list[Token],
    head: int,
    *,
    max_chars: int = 24,
    allow: Callable[[list[Token], int], bool] | None = None,
) -> int:
    """Index of the first token of the name whose head is ``tokens[head]``."""
    first = head
    length = len(tokens[head].word)
    i = head - 1
    while i >= 0:
        tok = tokens[i]
        ok = allow(tokens, i) if allow else None
        if ok is None:
            ok = _name_token(tok)
        if not ok or length + len(tok.word) > max_chars:
            break
        first = i
        length += len(tok.word)
        i -= 1
    return first


def _name_token(tok: Token) -> bool:
    if tok.word in STOP_WORDS or any(ch in PUNCT for ch in tok.word):
        return False
    if tok.pos in NAME_TAGS:
        return True
    return tok.pos == "m" and tok.word.startswith("第") and not tok.word.endswith("名")  # 第一名 is a rank


def ordinal(tok: Token) -> bool:
    """第八次, 第一届, 一届: numbers that count sessions."""
    return tok.pos in {"m", "mq"} and (tok.word.startswith("第") or tok.word[-1:] in "次届")


def span_text(tokens: list[Token], first: int, last: int) -> str:
    return "".join(t.word for t in tokens[first:last + 1])
