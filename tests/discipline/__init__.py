"""Tests of ``edaran.discipline``."""
