"""Policies: named systems, guidelines, lines, movements and plans (…制度, …方针, …运动, …计划)."""

from __future__ import annotations

import re
from typing import ClassVar

from kg import lexicon
from kg.extract.base import POLICY, Doc, Mention
from kg.extract.chunks import PUNCT, STOP_WORDS, extend_left
from kg.segment import Token

HEADS = ("制度", "方针", "政策", "路线", "运动", "计划", "纲领", "负责制", "责任制", "一长制", "承包制")
# Verbs that govern a policy name and so end it on the left: 实行|党委领导下的厂长负责制.
GOVERNING = frozenset("""
实行 推行 贯彻 执行 开展 坚持 建立 采取 进行 实施 提倡 完成 保证 按照 根据 确定
宣布 通过 批准 制定 拟定 发动 展开 深入开展 领导 参加 响应 违反 破坏 反对 拥护
改变 改进 加强 健全 学习 讨论 研究 提出 规定 决定 是 为 作为
""".split()) - {"领导"}
GENERIC = frozenset("""
制度 方针 政策 路线 运动 计划 纲领 这个方针 这一方针 这项政策 这些政策 各项政策
党的政策 国家计划 生产计划 工作计划 这个运动 这一运动 这次运动 群众运动 政治运动
国家政策 这个计划 原计划 新计划
""".split())


def canonical_name(name: str) -> str:
    """The gazetteer's name, else the name with a 的 before the head dropped (职工代表大会的制度)."""
    entry = lexicon.policies().get(name)
    if entry is not None:
        return entry.name
    for head in ("制度", "方针", "政策", "路线"):
        if name.endswith("的" + head) and len(name) > 6:
            return name[: -len(head) - 1] + head
    return name


_JOINERS = frozenset({"的", "和", "与", "及", "下"})


_LEADING = re.compile(r"(?:大力|积极|认真|广泛|深入|进一步|继续|逐步)*(?:开展|推行|实行|贯彻|执行|推进|建立|坚持)")


def known_aliases(name: str) -> tuple[str, ...]:
    entry = lexicon.policies().get(name)
    return entry.aliases if entry is not None and entry.name == name else ()


def _allow(tokens: list[Token], i: int, head: int) -> bool | None:
    tok = tokens[i]
    if tok.word in GOVERNING or tok.word in STOP_WORDS or any(ch in PUNCT for ch in tok.word):
        return False
    if tok.word == "的":  # 领导下的, 民主办社的: only after a phrase of two words or more
        return i >= 2 and tokens[i - 1].word not in STOP_WORDS and tokens[i - 1].pos not in {"r", "x"}
    if tok.word in {"下", "和", "与", "及"}:
        return i >= 1 and tokens[i - 1].pos not in {"x", "v", "p"}
    if tok.pos == "t":  # 五年计划
        return tok.word.endswith("年")
    if tok.pos in {"v", "vd", "vn", "a", "ad", "m"}:
        # A verb belongs to a policy's name when it makes a compound with the head (增产计划, 扫盲运动)
        # or sits in a clause that 的 ties to the head (采取适当压缩的方针); otherwise it governs the
        # name (推进|社会保障制度).
        return tok.pos not in {"v", "vd"} or i == head - 1 or any(t.word == "的" for t in tokens[i + 1:head])
    if tok.pos == "d":
        return False
    return None


class PolicyExtractor:
    """Finds named policies by gazetteer and by head-word chunks."""

    name: ClassVar[str] = "policies"
    adds: ClassVar[str] = "mentions[Policy]"
    requires: ClassVar[tuple[str, ...]] = ("organizations", "places", "persons")

    def __call__(self, doc: Doc) -> None:
        gaz = lexicon.policies()
        for index, sentence in enumerate(doc.sentences):
            tokens = doc.tokens[index]
            found: list[tuple[int, int, str]] = [(s, e, "gazetteer") for s, e, _, _ in gaz.finditer(sentence.text)]
            for i, tok in enumerate(tokens):
                if not tok.word.endswith(HEADS) or tok.pos == "v":
                    continue
                first = extend_left(tokens, i, max_chars=22, allow=lambda toks, k, head=i: _allow(toks, k, head))
                while first < i and (tokens[first].word in _JOINERS or tokens[first].word in GOVERNING):
                    first += 1
                start = tokens[first].start
                if (lead := _LEADING.match(sentence.text, start, tok.end)) is not None:
                    start = lead.end()  # jieba joins 大力开展 into one word: cut it off by its characters
                if tok.end - start <= 2 or (first == i and len(tok.word) <= 2):
                    continue
                found.append((start, tok.end, "head-chunk"))
            for start, end, rule in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
                name = sentence.text[start:end]
                if name in GENERIC or len(name) < 3 or name[:1] in {"这", "那", "该", "此", "各", "其"}:
                    continue
                mention = Mention(POLICY, name, sentence.start + start, sentence.start + end, index, rule,
                                  canonical_name(name))
                # A policy may contain an organisation or place (党委领导下的…): drop those, keep the policy.
                inside = [m for m in doc.mentions if m.start >= mention.start and m.end <= mention.end]
                for m in inside:
                    doc.mentions.remove(m)
                if not doc.add(mention):
                    doc.mentions.extend(inside)
