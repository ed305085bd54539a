"""Validating JSON outputs against the schemas shipped in the wheel."""

from __future__ import annotations

import functools
from typing import Any

from jsonschema import Draft202012Validator

from edaran.io.schemas import load_schema


@functools.cache
def validator(name: str) -> Draft202012Validator:
    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def validate(data: Any, name: str) -> None:
    """Fail with every place where ``data`` breaks the schema ``name``."""
    errors = sorted(validator(name).iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        where = "\n".join(f"  {list(e.absolute_path)}: {e.message[:300]}" for e in errors[:10])
        raise AssertionError(f"does not match {name}.schema.json:\n{where}")
