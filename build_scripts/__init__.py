"""Generator for the Lavrov–Kazakhstan transcript archive.

Stages, each a small module: read -> clean -> metadata -> structure -> render,
then indexes. `build.generate` runs them in that order.
"""
