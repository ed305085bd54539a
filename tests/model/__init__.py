"""Tests of ``edaran.model``."""
