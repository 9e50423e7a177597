"""The cycle collector's settings for bulk work are restored whatever happens inside."""

from __future__ import annotations

import gc

import pytest

from msfood.core.collector import paused_collector, relaxed_collector


def test_paused_collector_switches_it_off_and_back_on() -> None:
    assert gc.isenabled()
    with paused_collector():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_paused_collector_leaves_it_off_when_it_was_off() -> None:
    gc.disable()
    try:
        with paused_collector():
            assert not gc.isenabled()
        assert not gc.isenabled()  # someone else paused it: not ours to switch back on
    finally:
        gc.enable()


def test_paused_collector_restores_after_an_error() -> None:
    with pytest.raises(ValueError), paused_collector():
        raise ValueError("boom")
    assert gc.isenabled()


def test_relaxed_collector_raises_the_thresholds_and_restores_them() -> None:
    before = gc.get_threshold()
    with relaxed_collector():
        assert gc.get_threshold()[0] >= 50_000
    assert gc.get_threshold() == before
