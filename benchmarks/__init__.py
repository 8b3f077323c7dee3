"""Scale benchmark: `make bench N=1000` (see benchmarks/bench.py)."""
