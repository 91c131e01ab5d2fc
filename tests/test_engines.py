"""The Dask engine (issue 5): same results as the local engine, row for row, on the seeds.

One local cluster (two single-threaded worker processes) serves most tests through its
address, as an existing cluster would; one test lets ``analyse`` start and stop its own.
"""
from __future__ import annotations

import logging

import pandas as pd
import pytest

from analysis.cli import main
from analysis import score_articles
from helpers import analysed

distributed = pytest.importorskip("distributed")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR) as c:
        yield c


@pytest.fixture(scope="module")
def local_results(seed_dir):
    return analysed(seed_dir, jobs=1, cache=False, progress=False)


def test_dask_scores_equal_local_scores(seed_dir, cluster):
    local = score_articles(seed_dir, jobs=1, cache=False, progress=False)
    dask = score_articles(seed_dir, cache=False, progress=False, engine="dask",
                          scheduler=cluster.scheduler_address)
    pd.testing.assert_frame_equal(dask, local)
    assert len(local) == len(list(seed_dir.glob("*.txt")))


def test_dask_evidence_equals_local_evidence(seed_dir, cluster, local_results):
    dask = analysed(seed_dir, cache=False, progress=False, engine="dask", batch_size=2,
                    scheduler=cluster.scheduler_address)
    assert [r["article_id"] for r in dask] == [r["article_id"] for r in local_results]
    assert dask == local_results
    assert sum(len(r["evidence"]) for r in dask) > 0


def test_model_loaded_once_per_worker_not_shipped(seed_dir, cluster):
    with distributed.Client(cluster.scheduler_address) as client:
        analysed(seed_dir, cache=False, progress=False, engine="dask", scheduler=client)
        analysed(seed_dir, cache=False, progress=False, engine="dask", scheduler=client)

        def loads():
            from analysis import nlp

            return nlp._load_model.cache_info().misses

        assert set(client.run(loads).values()) == {1}
        assert "analysis-spacy-model" in client.run(lambda dask_worker: list(dask_worker.plugins))[
            next(iter(client.scheduler_info()["workers"]))]


def test_cli_dask_engine_on_an_existing_cluster(seed_dir, cluster, capsys, tmp_path):
    assert main(["score", str(seed_dir), "--quiet", "--no-cache", "--jobs", "1"]) == 0
    local = capsys.readouterr().out
    assert main(["score", str(seed_dir), "--quiet", "--no-cache", "--engine", "dask",
                 "--scheduler", cluster.scheduler_address]) == 0
    assert capsys.readouterr().out == local
    assert main(["score", str(seed_dir), "--scheduler", cluster.scheduler_address]) == 2
    assert "--engine dask" in capsys.readouterr().err


def test_dask_without_address_starts_a_local_cluster(seed_dir, local_results):
    first = sorted(seed_dir.glob("*.txt"))[:2]
    dask = analysed(first, jobs=1, cache=False, progress=False, engine="dask")
    assert dask == local_results[:2]
