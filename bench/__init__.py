"""Benchmarks of tei-edition against baselines measured in the same run (`python -m bench`).

Benchmarks are registered in `registry.BENCHMARKS` (conformance in conformance_bench.py,
project schema, convert, render and build in pipeline_bench.py); `__main__` runs them and
prints a table of ratios. Benchmarks are never timed tests: nothing here runs under pytest.
"""
