"""parallel.pool: on an error its workers stop at once, and only they do."""

from __future__ import annotations

import multiprocessing
import time

import pytest

from natodiff import parallel


def test_an_error_stops_the_pools_workers_at_once_and_leaves_other_children_alone():
    bystander = multiprocessing.get_context("spawn").Process(target=time.sleep, args=(60,))
    bystander.start()
    try:
        with pytest.raises(RuntimeError):
            with parallel.pool(1, "spawn", parallel.ignore_sigint) as executor:
                executor.submit(time.sleep, 60)
                executor.submit(abs, 1)  # queued behind the sleep: cancelled
                deadline = time.monotonic() + 30
                while len(multiprocessing.active_children()) < 2 and time.monotonic() < deadline:
                    time.sleep(0.05)
                workers = [p for p in multiprocessing.active_children() if p is not bystander]
                assert len(workers) == 1
                started = time.monotonic()
                raise RuntimeError("stop")
        assert time.monotonic() - started < 5  # not the 60 s the worker's task would take
        assert not workers[0].is_alive()
        assert bystander.is_alive()  # a child the pool did not start is not the pool's to stop
    finally:
        bystander.terminate()
        bystander.join(5)


def test_a_pool_that_ends_well_waits_for_its_results_and_its_workers():
    before = set(multiprocessing.active_children())
    with parallel.pool(2, "spawn", parallel.ignore_sigint) as executor:
        futures = [executor.submit(pow, n, 2) for n in range(5)]
    assert [f.result() for f in futures] == [0, 1, 4, 9, 16]
    assert set(multiprocessing.active_children()) <= before
