"""Shared fixtures: small articles written for the tests, and the seed article the project ships."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_9a42a4b9297332b5.txt"

# A Chinese-only article in the archive's layout, written for the tests (not an archive article).
CHINESE_ONLY = """### 中共山西省委召开全省农业会议  要求各地做好春耕准备

李明
1957-03-12
第3版()
专栏：

    中共山西省委召开全省农业会议
    要求各地做好春耕准备
    新华社太原10日电　中共山西省委于3月5日至8日在太原召开了全省农业会议。
    会议决定在全省推行包工包产制度，加强农业社的劳动管理，并且要求各专区认真贯彻勤俭办社的方针。
    山西省委书记陶鲁笳同志在会上作了报告。
"""

TWO_ARTICLES = """### 国务院召开全体会议

1957-04-02
第1版()
专栏：

    新华社1日讯　国务院今天举行全体会议第四十五次会议，通过了关于农业税的决定。

### 上海市人民委员会号召节约用电

1957-04-02
第2版()
专栏：

    本报上海1日电　上海市人民委员会号召各工厂节约用电。
"""


@pytest.fixture
def seed_path() -> Path:
    return SEED


def write_corpus(folder: Path) -> Path:
    """The seed, a Chinese-only article and a two-article file: four articles in three files."""
    folder.mkdir(parents=True)
    (folder / SEED.name).write_bytes(SEED.read_bytes())
    (folder / "shanxi.md").write_text(CHINESE_ONLY, encoding="utf-8")
    (folder / "two.md").write_text(TWO_ARTICLES, encoding="utf-8")
    return folder


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder with the seed, a Chinese-only article and a two-article file."""
    return write_corpus(tmp_path / "corpus")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The build folder of that corpus, built once for the tests that only read it."""
    from kg.pipeline import build

    root = tmp_path_factory.mktemp("built")
    build([write_corpus(root / "corpus")], root / "build", html=False, check=False, progress=False)
    return root / "build"
