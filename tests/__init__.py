"""The tests of edaran, one package per package of the library: ``tests/io`` tests ``edaran.io``."""
