"""Tests of ``edaran.quota``."""
