"""Tests of ``edaran.cli``."""
