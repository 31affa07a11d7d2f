"""``factcheck feed --engine ray``: stories compared by Ray actors, on this
machine or on a cluster (``pip install factcheck[ray]``).

Each actor loads the models once and then takes batches of stories; each
story goes through ``engines.judge``, as on the default engine, so the
reports are the same bytes. Articles travel as text, so the workers need no
access to the input files; the models must be on every node (install
factcheck there and run ``factcheck models prepare``), and a waiver file,
roster or reference must be readable at the same path on every node.

Ray is imported here only: the default engine never loads it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace

from factcheck.config import Options
from factcheck.engines import Outcome, judge
from factcheck.models.backends import Embedder, NLIModel
from factcheck.stories import Story

STORIES_PER_BATCH = 4  # small enough to spread a feed's stories, large enough to amortise a call


class StoryWorker:
    """One actor: the models loaded once, then story after story."""

    def __init__(self, options: Options):
        self.options = replace(options, progress=False)
        # Loaded now, into this process's model cache, which every story then reuses.
        Embedder(self.options.embedding_model, self.options.batch_size, False, self.options.precision)
        NLIModel(self.options.nli_model, self.options.batch_size, False, self.options.precision)

    def judge(self, batch: list[Story]) -> list[Outcome]:
        return [judge(story, self.options) for story in batch]


def run(stories: list[Story], options: Options, address: str | None = None, workers: int = 0) -> Iterator[Outcome]:
    """Outcomes as the stories finish, in no fixed order. ``address`` joins
    a running cluster ("ray://head:10001", "auto"); without one, a Ray
    already started in this process is used, else a local one is started
    (and stopped at the end). ``workers`` actors, by default one per CPU
    Ray offers."""
    # No usage report to Ray's servers: factcheck makes no network call unasked.
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    import ray

    started = not ray.is_initialized()
    if started and address:
        ray.init(address=address, logging_level="ERROR", log_to_driver=False)
    elif started:
        # A local runtime listens on the loopback address only.
        ray.init(include_dashboard=False, _node_ip_address="127.0.0.1", logging_level="ERROR", log_to_driver=False)
    actors = []
    try:
        count = workers or max(1, int(ray.available_resources().get("CPU", 1)))
        batches = [stories[i : i + STORIES_PER_BATCH] for i in range(0, len(stories), STORIES_PER_BATCH)]
        worker = ray.remote(num_cpus=1)(StoryWorker)
        actors = [worker.remote(options) for _ in range(min(count, len(batches)))]
        pending = {}
        for actor in actors:
            if batches:
                pending[actor.judge.remote(batches.pop(0))] = actor
        while pending:
            [done], _ = ray.wait(list(pending), num_returns=1)
            actor = pending.pop(done)
            if batches:
                pending[actor.judge.remote(batches.pop(0))] = actor
            yield from ray.get(done)
    finally:
        for actor in actors:
            ray.kill(actor)
        if started:
            ray.shutdown()
