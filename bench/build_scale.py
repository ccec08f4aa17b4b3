"""Time ``kg build`` and the canned queries on a synthetic corpus of N Chinese-only articles.

    python bench/build_scale.py [--sizes 1000,10000] [--jobs 1,2] [--repeat 1] [--workdir DIR] [--keep]
                                [--profile] [--store] [--no-cli-queries] [--named-queries]

The corpus is made from the project's own material only: place, organisation and person names from
the gazetteers (``kg.lexicon``), dates across 1946–1995 and about fifteen paragraph templates written
here that read like reports of meetings and their decisions. It is deterministic (seeded), in the
archive's layout (``### 标题``, date, ``第N版()``, ``专栏：``, body paragraphs indented by four spaces),
one article per file.

For each size and each ``-j`` value it times, as subprocesses:

* ``kg build CORPUS --out OUT -q --no-html --no-validate -j J``: wall clock, the peak RSS of the
  largest process (``wait4``) and the peak of the RSS summed over the process tree (sampled from
  ``/proc`` every 0.1 s; pages shared by the forked workers are counted in each);
* the same build again after 10 new articles were added: an incremental build, since the extraction
  cache (``OUT/.kg-cache``) keeps what every unchanged file gave;
* once per size (the graph does not depend on ``-j``): each canned query in ``queries/*.rq`` with
  ``kg query … --format csv`` (start-up + load + query), and in this process with the graph loaded
  once, so that load time and query time are separate.

``--store`` builds with ``--store oxigraph:OUT/db`` instead (the graph streamed to disk, never held in
memory) and times the queries on that store: "load" is then opening it.

``--profile`` also runs ``kg.pipeline.build_graph`` on the smallest corpus in this process under
cProfile and prints the top functions. Nothing here is a test: nothing fails when a figure grows.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import datetime as dt
import hashlib
import io
import json
import math
import os
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg import lexicon

ROOT = Path(__file__).resolve().parent.parent
QUERIES = sorted((ROOT / "queries").glob("*.rq"))
# A name for each query that takes one (bound as a label, kg query --label): the unbound forms list the whole graph.
NAMED = {"organization_timeline.rq": {"name": "河北省委"}, "entity_articles.rq": {"name": "河北省"},
         "meetings.rq": {"org": "河北省委"}, "meeting_decisions.rq": {"name": "广东工业会议"},
         "policy_decisions.rq": {"name": "增产节约运动"}}
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
ASSUMED_RATE = 30.0  # articles/s, for the time estimate of a size when no smaller size was measured
FIRST_DAY, LAST_DAY = dt.date(1946, 1, 1), dt.date(1995, 12, 31)

# -- the synthetic corpus ---------------------------------------------------------------------

SECTORS = ("工业", "农业", "教育", "水利", "交通", "商业", "卫生", "文化", "林业", "财贸", "科学技术", "基本建设")
SCOPES = ("省", "区", "市")
TITLES = ("第一书记", "书记", "副书记", "书记处书记", "{head}", "副{head}")
HEADS = {"省": "省长", "市": "市长", "区": "主席"}
COUNTY_TITLES = ("书记", "副书记", "县长", "副县长")
UNITS = ("地委", "县委", "专区", "市委", "厅局", "公社党委")
PEOPLE = ("干部和群众", "职工", "农民", "社员", "青年", "教师和学生", "工人阶级")
SYSTEM_STEMS = ("岗位", "农业生产", "厂长", "经济", "技术", "安全生产", "包工包产", "经营承包", "财务管理", "干部轮训")
SYSTEM_HEADS = ("责任制", "制度")
NAMED_SYSTEMS = ("职工代表大会制度", "党委领导下的厂长负责制", "干部参加劳动制度", "民主管理制度", "计件工资制度",
                 "农业技术推广制度", "合同制度", "考勤制度")
CAMPAIGNS = ("增产节约运动", "爱国卫生运动", "技术革新运动", "扫除文盲运动", "植树造林运动", "兴修水利运动",
             "先进生产者运动", "学习文化运动", "积肥运动", "劳动竞赛运动")
GUIDELINES = ("勤俭办社", "勤俭建国", "自力更生", "以农业为基础、以工业为主导", "全面规划、加强领导", "依靠群众")
PROBLEMS = ("有些部门对国家计划的执行检查得很不够", "不少单位的管理制度不健全，浪费现象相当严重",
            "有的地区把工农业生产对立起来，劳力和运输力的安排很不合理", "一些干部作风不深入，对下面的情况了解不够",
            "有的企业产品质量下降，成本上升", "少数地方忽视了群众的切身利益，群众的积极性没有充分发挥出来")
ACHIEVEMENTS = ("提前完成了全年计划", "产量比上年增长了一倍", "基本上消灭了文盲", "实现了水利化",
                "扭转了亏损局面", "建成了一批小型工厂")
PRACTICES = ("实行生产责任制", "开展劳动竞赛", "举办业余学校", "兴修小型水利", "推广先进经验", "组织技术协作")
# Leaders in the gazetteer who would not chair a meeting of a provincial Party committee.
NOT_CPC = frozenset({"孙中山", "蒋介石", "李济深", "沈钧儒", "张澜", "黄炎培", "陈叔通", "宋庆龄", "郭沫若"})
GIVEN = "明华国建志文德立春秀英玉兰树林永新光荣海平正清学成宝山桂芳长庚振兴"
DECISIONS = (
    "加强党对{sector}工作的领导", "在全{scope}推行{system}", "建立和健全各级{sector}管理机构",
    "认真贯彻执行{guideline}的方针", "大力开展{campaign}", "改进{sector}部门的领导作风", "提高{sector}产品的质量",
    "有计划地培养和提拔{sector}干部",
    "加强企业的民主管理", "逐步推行{system}", "抽调一批干部充实{sector}战线", "检查{sector}生产计划的执行情况",
    "保证完成国家下达的{sector}生产任务", "关心和逐步改善职工生活", "在各{unit}建立{sector}工作领导小组",
)
TITLE_TEMPLATES = (
    "{org_short}召开{meeting}  决定{d1}",
    "{meeting}在{city}闭幕  要求各级党委{d2}",
    "{org_short}{meeting}决定{d1}  认为今后应当{d2}",
    "{prov_short}{sector}会议提出{d1}",
)
OPENINGS = (
    "新华社{city}{day}日电　{org}最近召开了{meeting}，决定{d1}，{d2}。",
    "本报{city}{day}日电　{org}于{month}月{start}日至{end}日在{city}召开了{meeting}。"
    "会议决定{d1}，并且要求各级党委{d2}。",
    "新华社{city}{day}日电　{meeting}已于{month}月{end}日在{city}闭幕。这次会议是{org}召开的，"
    "出席会议的有各{unit}负责干部{k}人。会议要求各地{d1}，{d2}。",
    "新华社{city}{day}日电　{org}在{city}举行{meeting}，讨论了当前{sector}方面的若干问题，通过了关于{system}的决定。",
)
BODY = (
    "会议指出了{prov}几年来发展{sector}方面的成绩，但是认为{org_short}在最近{n}年来对{sector}工作的领导有些放松，"
    "{problem}。会议认为，这些情况都是应该迅速扭转的。",
    "会议认为，全{scope}{sector}战线的形势是好的。去年全{scope}{sector}生产比前年增长了百分之{pct}，{county}等{n}个县"
    "{achievement}。但是，{problem}，必须引起各级党委的重视。",
    "会议确定了加强和改进{sector}工作的各项具体措施。各级党委要{d1}，{d2}，{d3}。",
    "会议决定在全{scope}推行{system}，{d1}，并且要求各{unit}认真贯彻{guideline}的方针，{d2}。",
    "{org_short}{title}{person}同志在会上作了报告。他说，要{d1}，{d2}，这是当前{sector}工作中的一项重要任务。"
    "各级领导干部必须亲自动手，深入基层，帮助下面解决实际问题。",
    "会议号召全{scope}{people}积极行动起来，开展{campaign}，为提前完成{plan}而奋斗。",
    "会议还对{topic1}、{topic2}、{topic3}等问题分别经过讨论，并且作了具体布置和安排。",
    "会议通过了关于{system}的决议和{prov}今年的{sector}生产计划。会议要求各{unit}在{month}月底以前{d1}。",
    "会议期间，代表们交流了{county}、{county2}等地{practice}的经验。{county}县委{county_title}{local}介绍了该县"
    "{practice}的做法，{achievement}，受到了与会代表的重视。",
    "{natorg}负责人在会上讲了话，要求各地{d1}，{d2}。他指出，{system}是{sector}工作中的一项根本制度，必须坚持下去。",
    "会议最后决定：（一）{d1}；（二）{d2}；（三）{d3}。",
    "会上反映出有些干部对于{sector}工作的重要性认识不足，{problem}。如在{county}县，有些单位对{practice}限制过严，"
    "群众意见很大；在{county2}县，有些干部长期不下基层，对{sector}生产中的问题解决得很不及时。会议认为，必须从思想上、"
    "组织上加以解决，首先要{d3}。",
    "{org_short}{title}{person}在总结发言中说，几年来，{prov}的{sector}工作有了很大的发展，{county}、{county2}等县"
    "{achievement}。他要求各级党委把领导{sector}工作放到经常的议事日程上来，{d1}，{d2}，{d3}；要依靠群众，"
    "总结经验，把{campaign}进一步开展起来。",
    "会议指出：各级党委应当在全体党员和干部中进行一次深入的教育，认真学习{guideline}的方针，克服工作中的主观主义"
    "和官僚主义。{sector}部门要面向基层，面向生产，{d2}；同时要按照国家计划合理地安排人力、物力和财力，"
    "积极地为工农业生产服务。对于{topic1}和{topic2}的问题，各{unit}要指定专人负责，定期检查。",
)
CLOSING = "会议由{org_short}{title}{person}主持。{prov}各{unit}负责人和{sector}战线的先进代表共{k}人出席了会议。"


@dataclass(frozen=True)
class Province:
    name: str
    short: str
    cities: tuple[str, ...]
    counties: tuple[str, ...]


def _short(name: str, aliases: Sequence[str]) -> str:
    """河北省 → 河北, 昆明市 → 昆明: the first alias, else the name without its administrative suffix."""
    for alias in aliases:
        if 2 <= len(alias) < len(name):
            return alias
    for suffix in ("特别行政区", "自治区", "自治州", "地区", "省", "市", "县", "区"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


@dataclass
class Material:
    """What the articles are made of, from the gazetteers."""

    provinces: list[Province] = field(default_factory=list)
    national: list[str] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    policies: list[str] = field(default_factory=list)
    surnames: list[str] = field(default_factory=list)

    @classmethod
    def load(cls) -> Material:
        places = lexicon.places().entries
        cities: dict[str, list[str]] = {}
        counties: dict[str, list[str]] = {}
        districts: dict[str, list[str]] = {}
        for e in places:
            if e.kind == "prefecture" and e.parent:
                cities.setdefault(e.parent, []).append(_short(e.name, e.aliases))
            elif e.kind == "county" and e.parent and e.name.endswith("县") and len(e.name) > 2 and "自治" not in e.name:
                counties.setdefault(e.parent, []).append(e.name[:-1])  # the templates say {county}县
            elif e.kind == "district" and e.parent:  # 嘉定区, once 嘉定县: for the municipalities
                districts.setdefault(e.parent, []).append(_short(e.name, e.aliases))
        provinces = []
        for e in places:
            local = counties.get(e.name) or districts.get(e.name) or []
            if e.kind != "province" or len(local) < 2 or e.name.endswith("特别行政区") or e.name == "台湾省":
                continue  # also the provinces of the 1950s (察哈尔省, 热河省): the gazetteer has no counties for them
            short = _short(e.name, e.aliases)
            provinces.append(Province(e.name, short, tuple(sorted(cities.get(e.name, ()))) or (short,),
                                      tuple(sorted(local))))
        kinds = {"state", "ministry", "commission", "mass_organization", "party_central", "democratic_party"}
        national = sorted(e.name for e in lexicon.organizations().entries if e.kind in kinds)
        persons = sorted(e.name for e in lexicon.persons().entries if e.kind == "leader" and e.name not in NOT_CPC)
        policies = sorted(e.name for e in lexicon.policies().entries)
        surnames = sorted(s for s in lexicon.surnames() if len(s) == 1)
        return cls(provinces, national, persons, policies, surnames)


def _day(rnd: random.Random) -> dt.date:
    return FIRST_DAY + dt.timedelta(days=rnd.randrange((LAST_DAY - FIRST_DAY).days + 1))


def _system(rnd: random.Random, m: Material) -> str:
    roll = rnd.random()
    if roll < 0.4:
        return rnd.choice(SYSTEM_STEMS) + rnd.choice(SYSTEM_HEADS)
    if roll < 0.8:
        return rnd.choice(NAMED_SYSTEMS)
    return rnd.choice(m.policies)


def article(rnd: random.Random, m: Material) -> str:
    """One Chinese-only article in the archive's layout: a provincial meeting and what it decided."""
    prov = rnd.choice(m.provinces)
    published = _day(rnd)
    held = published - dt.timedelta(days=rnd.randint(8, 15))
    if held.day > 22:  # the meeting ends within its month, before the report
        held = held.replace(day=rnd.randint(1, 22))
    sector = rnd.choice(SECTORS)
    scope = "市" if prov.name.endswith("市") else "区" if prov.name.endswith("自治区") else "省"
    level = {"省": "省", "市": "市", "区": "自治区"}[scope]
    meeting = rnd.choice((f"全{scope}{sector}会议", f"全{scope}{sector}工作会议", f"{sector}工作会议",
                          f"全{scope}{sector}先进代表会议", f"{level}委扩大会议"))
    county, county2 = rnd.sample(prov.counties, 2)
    topics = rnd.sample(("改进产品质量", "改善职工生活", "加强劳动保护", "改进购销关系", "培养技术力量",
                         "节约原材料", "做好夏收夏种", "整顿财务管理"), 3)
    slots = {
        "prov": prov.name, "prov_short": prov.short, "city": rnd.choice(prov.cities), "sector": sector,
        "org": f"中共{prov.name}委员会", "meeting": meeting,
        "org_short": f"{prov.name}党委" if scope == "区" else f"中共{prov.short}{level}委",
        "scope": scope, "unit": rnd.choice(UNITS), "day": (published - dt.timedelta(days=rnd.randint(1, 2))).day,
        "month": held.month, "start": held.day, "end": held.day + rnd.randint(2, 6),
        "k": rnd.randint(120, 900), "n": rnd.randint(2, 9), "pct": rnd.randint(5, 60),
        "title": rnd.choice(TITLES).format(head=HEADS[scope]), "person": rnd.choice(m.persons),
        "natorg": rnd.choice(m.national),
        "county": county, "county2": county2, "county_title": rnd.choice(COUNTY_TITLES),
        "local": rnd.choice(m.surnames) + "".join(rnd.sample(GIVEN, rnd.randint(1, 2))),
        "problem": rnd.choice(PROBLEMS), "achievement": rnd.choice(ACHIEVEMENTS), "practice": rnd.choice(PRACTICES),
        "people": rnd.choice(PEOPLE), "campaign": rnd.choice(CAMPAIGNS), "guideline": rnd.choice(GUIDELINES),
        "system": _system(rnd, m), "plan": f"{published.year}年的{sector}生产计划",
        "topic1": topics[0], "topic2": topics[1], "topic3": topics[2],
    }
    clause = {**slots}
    for i, template in enumerate(rnd.sample(DECISIONS, 3), 1):
        clause["system"], clause["campaign"], clause["sector"] = _system(rnd, m), rnd.choice(CAMPAIGNS), sector
        slots[f"d{i}"] = template.format(**clause)
    title = rnd.choice(TITLE_TEMPLATES).format(**slots)
    body = [rnd.choice(OPENINGS)]
    body += rnd.sample(BODY, rnd.randint(3, 6))
    if rnd.random() < 0.6:
        body.append(CLOSING)
    paragraphs = [p.format(**slots) for p in body]
    spare = [p for p in BODY if p not in body]
    while sum(map(len, paragraphs)) < 600 and spare and len(paragraphs) < 8:
        paragraphs.insert(-1, spare.pop(rnd.randrange(len(spare))).format(**slots))
    while sum(map(len, paragraphs)) > 1500 and len(paragraphs) > 4:
        paragraphs.pop(-2)
    author = [rnd.choice(m.surnames) + "".join(rnd.sample(GIVEN, 2))] if rnd.random() < 0.2 else []
    column = rnd.choice(("", "", "", "", "短评", "国内简讯"))
    header = [f"### {title}", "", *author, published.isoformat(), f"第{rnd.randint(1, 8)}版()", f"专栏：{column}", ""]
    return "\n".join(header + ["    " + line for line in title.split("  ")] + ["    " + p for p in paragraphs]) + "\n"


def write_corpus(folder: Path, first: int, count: int, material: Material, seed: int = 1946) -> list[Path]:
    """Articles ``first`` … ``first + count - 1``, one per file; article i is the same whatever ``first``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(first, first + count):
        rnd = random.Random(f"{seed}:{i}")
        path = folder / f"{i:06d}_{rnd.getrandbits(64):016x}.txt"
        path.write_text(article(rnd, material), encoding="utf-8")
        paths.append(path)
    return paths


# -- running and measuring --------------------------------------------------------------------

def kg_command() -> list[str]:
    script = Path(sys.executable).with_name("kg")
    if script.is_file():
        return [str(script)]
    if found := shutil.which("kg"):
        return [found]
    return [sys.executable, "-c", "import sys; from kg.cli import main; sys.exit(main())"]


def _tree_rss(root: int) -> int:
    """Bytes resident in ``root`` and all its descendants, now (0 when it is gone)."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        parents[int(entry.name)] = int(stat.rsplit(b")", 1)[1].split()[1])
    tree, frontier = set(), {root}
    while frontier:
        tree |= frontier
        frontier = {pid for pid, ppid in parents.items() if ppid in frontier} - tree
    total = 0
    for pid in tree:
        try:
            with open(f"/proc/{pid}/statm", "rb") as f:
                total += int(f.read().split()[1]) * PAGE
        except OSError:
            continue
    return total


@dataclass
class Run:
    seconds: float
    peak_mb: float  # the largest single process (wait4's ru_maxrss)
    tree_mb: float  # the sampled peak of the sum over the process tree
    stdout: str


def run(cmd: list[str], sample: bool = True) -> Run:
    """Run ``cmd`` to completion; wall clock and memory. Raises on a non-zero exit status."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        tree = 0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if sample:
                tree = max(tree, _tree_rss(proc.pid))
            time.sleep(0.1)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited with {proc.returncode}:\n{stderr[-2000:]}")
    return Run(seconds, usage.ru_maxrss / 1024, tree / 2**20, stdout)


@dataclass
class Query:
    name: str
    rows: int
    in_process: float  # evaluation only, the graph already loaded
    command: float  # `kg query`: start-up, load and evaluation


@dataclass
class Result:
    size: int
    jobs: int
    articles: int
    triples: int
    builds: list[Run]
    rebuilds: list[float]
    load: float = 0.0
    queries: list[Query] = field(default_factory=list)

    @property
    def best(self) -> Run:
        return min(self.builds, key=lambda r: r.seconds)


def time_queries(graph_file: Path, cli: bool = True, named_only: bool = False) -> tuple[float, list[Query]]:
    """(load time, per-query figures) for every canned query over ``graph_file`` (a graph file or a store).

    Each query that takes a name runs without it and with the one in ``NAMED``; ``named_only`` skips the first.
    """
    from kg import oxigraph_store
    from kg.sparql import label
    from kg.sparql import query as rdflib_query
    from kg.store import load

    start = time.perf_counter()
    if oxigraph_store.is_store(graph_file):
        graph, query = oxigraph_store.open_store(graph_file), oxigraph_store.query
    else:
        graph, query = load(graph_file), rdflib_query
    loaded = time.perf_counter() - start
    out = []
    for path in QUERIES:
        variants = [] if named_only and path.name in NAMED else [(path.name, {})]
        if path.name in NAMED:
            variants.append((f"{path.name} --label " + " ".join(f"{k}={v}" for k, v in NAMED[path.name].items()),
                             {k: label(v) for k, v in NAMED[path.name].items()}))
        for name, bindings in variants:
            start = time.perf_counter()
            rows = len(list(query(graph, path, bindings)))
            evaluated = time.perf_counter() - start
            if not cli:
                out.append(Query(name, rows, evaluated, float("nan")))
                continue
            cmd = [*kg_command(), "query", str(path), "--graph", str(graph_file), "--format", "csv"]  # a store too
            cmd += [a for k, v in bindings.items() for a in ("--label", f"{k}={v}")]
            done = run(cmd, sample=False)
            csv_rows = sum(1 for row in csv.reader(io.StringIO(done.stdout)) if row) - 1  # print adds a blank line
            if csv_rows != rows:
                print(f"warning: {name}: {rows} rows in process, {csv_rows} from kg query", file=sys.stderr)
            out.append(Query(name, rows, evaluated, done.seconds))
    return loaded, out


def digest(out: Path, store: bool) -> str:
    """A hash of what a build made: graph.ttl, or the store's whole dataset as Oxigraph dumps it (a stable order)."""
    if not store:
        return hashlib.sha1((out / "graph.ttl").read_bytes()).hexdigest()
    from kg import oxigraph_store

    dumped = oxigraph_store.dump(oxigraph_store.open_store(out / "db"), out / "dataset.nq",
                                 oxigraph_store.ox.RdfFormat.N_QUADS)
    sha = hashlib.sha1()
    with dumped.open("rb") as fh:
        while block := fh.read(1 << 20):
            sha.update(block)
    dumped.unlink()
    return sha.hexdigest()


def estimate(size: int, rate: float | None, jobs: int, repeat: int) -> float:
    """Seconds for one size: builds and rebuilds at ``rate`` articles/s, plus about as much again for the queries."""
    per_build = size / (rate or ASSUMED_RATE)
    return per_build * jobs * repeat * 2 + per_build


def bench(sizes: list[int], jobs: list[int], repeat: int, workdir: Path, material: Material,
          store: bool = False, cli: bool = True, named_only: bool = False) -> list[Result]:
    results: list[Result] = []
    rate: float | None = None
    for size in sizes:
        guess = estimate(size, rate, len(jobs), repeat)
        if guess > 600:
            source = f"{rate:.1f} articles/s measured" if rate else f"an assumed {ASSUMED_RATE:.0f} articles/s"
            print(f"warning: size {size}: about {guess / 60:.0f} min (from {source}); Ctrl-C to stop",
                  file=sys.stderr, flush=True)
        corpus = workdir / f"corpus-{size}"
        shutil.rmtree(corpus, ignore_errors=True)
        write_corpus(corpus, 0, size, material)
        outputs = []
        for j in jobs:
            out = workdir / f"out-{size}-j{j}"
            shutil.rmtree(out, ignore_errors=True)
            cmd = [*kg_command(), "build", str(corpus), "--out", str(out), "-q", "--no-html", "--no-validate",
                   "-j", str(j), *(["--store", f"oxigraph:{out / 'db'}"] if store else [])]
            result = Result(size, j, 0, 0, [], [])
            for r in range(repeat):
                print(f"size {size}, -j {j}, run {r + 1}/{repeat}: build …", file=sys.stderr, flush=True)
                result.builds.append(run(cmd))
                report = json.loads((out / "report.json").read_text(encoding="utf-8"))
                result.articles, result.triples = report["articles"], report["triples"]
                if r == 0 and j == jobs[0]:
                    print(f"size {size}: canned queries …", file=sys.stderr, flush=True)
                    result.load, result.queries = time_queries(out / "db" if store else out / "graph.ttl", cli,
                                                                named_only)
                if r == 0:
                    outputs.append(digest(out, store))
                added = write_corpus(corpus, size, 10, material)
                print(f"size {size}, -j {j}, run {r + 1}/{repeat}: rebuild after +10 …", file=sys.stderr, flush=True)
                result.rebuilds.append(run(cmd).seconds)
                for path in added:
                    path.unlink()
            rate = max(rate or 0.0, result.articles / result.best.seconds)
            results.append(result)
        if len(set(outputs)) > 1:
            print(f"warning: size {size}: the graph differs between -j values", file=sys.stderr)
    return results


# -- the report -------------------------------------------------------------------------------

def _spread(values: list[float], digits: int = 1) -> str:
    best = min(values)
    if len(values) == 1:
        return f"{best:.{digits}f}"
    return f"{best:.{digits}f} ({best:.{digits}f}–{max(values):.{digits}f})"


def _seconds(value: float) -> str:
    return "–" if math.isnan(value) else f"{value:.2f}"


def table(header: Sequence[str], rows: list[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def report(results: list[Result], repeat: int, store: bool = False) -> str:
    by_size = {r.size: r for r in results if r.queries}
    rows = []
    for r in results:
        q = by_size[r.size]
        slowest = max(q.queries, key=lambda x: x.in_process)
        rows.append((f"{r.size:,}", r.jobs, f"{r.articles:,}", f"{r.triples:,}",
                     _spread([b.seconds for b in r.builds]), f"{r.articles / r.best.seconds:.1f}",
                     f"{max(b.peak_mb for b in r.builds):.0f}", f"{max(b.tree_mb for b in r.builds):.0f}",
                     _spread(r.rebuilds), f"{q.load:.2f}", f"{slowest.in_process:.2f} ({slowest.name.split()[0]})"))
    lines = [
        f"machine: {os.cpu_count()} CPU(s) (os.cpu_count()), Python {sys.version.split()[0]}; "
        f"{'best of ' + str(repeat) + ' runs, (min–max)' if repeat > 1 else 'one run per configuration'}",
        "",
        table(("size", "jobs", "articles", "triples", "build (s)", "articles/s", "peak RSS (MB)", "tree RSS (MB)",
               "rebuild after +10 (s)", "load graph (s)", "slowest canned query (s)"), rows),
        "",
        "build: `kg build -q --no-html --no-validate -j J`, wall clock, start-up included. peak RSS: the largest "
        "process; tree RSS: sampled sum over the process tree. rebuild: with the extraction cache"
        + (", the store updated in place. load and " if store else ". load and ")
        + "queries: once per size, in process, after the first -j value's build: "
        + ("the Oxigraph store (`--store`), opened." if store else "rdflib, graph.ttl parsed."),
    ]
    largest = max(by_size.values(), key=lambda r: r.size)
    what = "store opened" if store else "graph.ttl loaded"
    lines += ["", f"Canned queries at {largest.size:,} articles ({largest.triples:,} triples; {what} in "
              f"{largest.load:.2f} s):", "",
              table(("query", "rows", "in process (s)", "`kg query --format csv` (s)"),
                    [(q.name, f"{q.rows:,}", f"{q.in_process:.3f}", _seconds(q.command)) for q in largest.queries])]
    return "\n".join(lines)


def profile(corpus: Path, top: int = 8) -> str:
    """cProfile of ``build_graph(corpus, jobs=1)`` in this process: the top functions by cumulative time."""
    from kg.pipeline import build_graph

    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    graph = build_graph(corpus, jobs=1)
    profiler.disable()
    seconds = time.perf_counter() - start
    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return (f"cProfile of build_graph({corpus.name}, jobs=1): {len(graph):,} triples in {seconds:.1f} s "
            f"(profiler on)\n" + buffer.getvalue())


def _ints(text: str) -> list[int]:
    return [int(x) for x in text.replace("_", "").split(",") if x.strip()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=_ints, default=[1000], help="corpus sizes, comma-separated (default 1000)")
    parser.add_argument("--jobs", type=_ints, default=[1, 2], help="kg build -j values, comma-separated (default 1,2)")
    parser.add_argument("--repeat", type=int, default=1, help="builds per configuration; the best is reported")
    parser.add_argument("--workdir", type=Path, help="where the corpora and builds go (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the corpora and builds")
    parser.add_argument("--profile", action="store_true", help="also profile build_graph on the smallest corpus")
    parser.add_argument("--store", action="store_true", help="build into an Oxigraph store and query it there")
    parser.add_argument("--no-cli-queries", action="store_true",
                        help="time the canned queries in process only, not also through `kg query`")
    parser.add_argument("--named-queries", action="store_true",
                        help="time the queries that take a name only with one (without, they list the whole graph)")
    args = parser.parse_args(argv)
    sizes = sorted(set(args.sizes))
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="kg-build-scale-"))
    workdir.mkdir(parents=True, exist_ok=True)
    material = Material.load()
    print(f"material: {len(material.provinces)} provinces, {len(material.national)} national bodies, "
          f"{len(material.persons)} persons, {len(material.policies)} gazetteer policies; workdir {workdir}",
          file=sys.stderr)
    try:
        results = bench(sizes, args.jobs, max(1, args.repeat), workdir, material, args.store,
                        cli=not args.no_cli_queries, named_only=args.named_queries)
        print(report(results, max(1, args.repeat), args.store))
        if args.profile:
            print()
            print(profile(workdir / f"corpus-{sizes[0]}"))
        lengths = [len(p.read_text(encoding="utf-8")) for p in sorted((workdir / f"corpus-{sizes[0]}").iterdir())]
        print(f"\ncorpus: article length {min(lengths)}–{max(lengths)} characters, median "
              f"{statistics.median(lengths):.0f}")
    finally:
        if args.keep:
            print(f"kept: {workdir}", file=sys.stderr)
        elif args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            for size in sizes:
                shutil.rmtree(workdir / f"corpus-{size}", ignore_errors=True)
                for j in args.jobs:
                    shutil.rmtree(workdir / f"out-{size}-j{j}", ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
