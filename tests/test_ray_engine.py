"""--engine ray gives the same reports, byte for byte, as the default engine,
on a local Ray runtime bound to the loopback address."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from factcheck import feed
from factcheck.config import Options
from tests.conftest import ARTICLES

# In the slow tier with the model tests: Ray's worker processes each import
# torch and load the models, which takes minutes on a busy two-core machine.
pytestmark = pytest.mark.models

STORIES, OUTLETS = 10, 5
SENTENCES = [line for text in ARTICLES.values() for line in text.split("\n") if line.strip()]


def _feed(path: Path) -> None:
    """STORIES stories of OUTLETS articles, a month apart (so the date window
    alone separates them), each article its own mix of the test sentences,
    and two articles alone in their months."""
    rows = []
    for story in range(STORIES + 2):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=30 * story)
        for outlet in range(OUTLETS if story < STORIES else 1):
            picked = [SENTENCES[(story + outlet + k) % len(SENTENCES)] for k in range(4)]
            rows.append({"outlet": f"outlet{outlet}", "date": day.isoformat(), "title": picked[0][:50],
                         "text": "\n\n".join(picked) + f"\n\nLaporan {story} dari outlet {outlet}."})  # fmt: skip
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def ray_runtime():
    import os

    import ray

    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    ray.init(num_cpus=2, include_dashboard=False, _node_ip_address="127.0.0.1", logging_level="ERROR")
    yield ray
    ray.shutdown()


def test_ray_engine_writes_the_same_bytes_as_the_default(tmp_path, options, ray_runtime):
    source = tmp_path / "in" / "feed.jsonl"
    source.parent.mkdir()
    _feed(source)
    options = Options(**{**options.__dict__, "story_distance": 0.5})
    local = feed.run([source], tmp_path / "local", options)
    ray = feed.run([source], tmp_path / "ray", options, engine="ray")

    assert sum(len(s.articles) for s in local.stories) + len(local.alone) == STORIES * OUTLETS + 2
    assert [len(s.articles) for s in local.stories] == [OUTLETS] * STORIES
    assert len(local.alone) == 2 and not ray.not_run()
    expected, got = _files(tmp_path / "local"), _files(tmp_path / "ray")
    assert len(expected) == 2 + 3 * STORIES  # the index twice, three reports per story
    assert expected.keys() == got.keys()
    assert [name for name in expected if expected[name] != got[name]] == []
    index = json.loads(expected["index.json"])
    assert index["summary"]["contradictions"] > 0  # the tiny NLI model contradicts every pair
