"""Tests of ``edaran.scheduling``."""
