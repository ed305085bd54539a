"""The ``edaran`` command line."""

from edaran.cli.main import main

__all__ = ["main"]
