"""Tests of ``edaran.io``."""
