"""Tests of the bundled examples (``examples/``) and the templates shipped in the package."""
