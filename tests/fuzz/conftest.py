"""Hypothesis profiles for the fuzz properties.

The default profile ("ci") runs in every test run: a bounded, derandomized budget so CI is
stable and fast. Maintainers run the long search with

    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/fuzz -q

which draws many more, random examples (and keeps failures in .hypothesis/ for replay).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=100, deadline=None, derandomize=True, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile(
    "long", max_examples=5000, deadline=None, derandomize=False, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
