"""Tests of ``edaran.lang``."""
