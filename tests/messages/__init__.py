"""Tests of ``edaran.messages``."""
