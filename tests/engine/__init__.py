"""Tests of ``edaran.engine``."""
