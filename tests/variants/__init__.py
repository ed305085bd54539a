"""Tests of ``edaran.variants``."""
