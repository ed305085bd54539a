"""Tests of ``edaran.report``."""
