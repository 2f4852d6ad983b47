"""Hypothesis profiles for the fuzz properties (registered in tests/conftest.py).

The default profile ("ci") runs in every test run: a bounded, derandomized budget so CI is
stable and fast. Maintainers run the long search with

    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/fuzz -q

which draws many more, random examples (and keeps failures in .hypothesis/ for replay).
"""

# The profiles ("ci" by default, "long" on request) are registered and loaded by the
# top-level tests/conftest.py, so that they reach every property test of the suite.
