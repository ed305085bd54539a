"""The JSON Schemas shipped in the wheel: up to date, valid, and able to refuse."""

from __future__ import annotations

import subprocess
import sys

import pytest
from jsonschema import Draft202012Validator

from edaran.io.schemas import SCHEMA_NAMES, load_schema, schema_text
from paths import REPO
from schemas import validate


def test_the_schema_files_are_what_the_generator_writes() -> None:
    done = subprocess.run(
        [sys.executable, "tools/gen_schemas.py", "--check"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr + "\nrun: python tools/gen_schemas.py"


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_each_schema_is_a_valid_json_schema(name: str) -> None:
    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    assert schema["$id"].endswith(f"/{name}.schema.json")
    assert schema_text(name).endswith("\n")


def test_a_schema_refuses_what_it_does_not_describe() -> None:
    good = {"code": "E604", "message": "circular 'x' is not served here", "diagnostics": []}
    validate(good, "error")
    for bad in (
        {**good, "code": "X1"},
        {"code": "E604", "message": "m"},
        {**good, "extra": 1},
    ):
        with pytest.raises(AssertionError, match=r"does not match error\.schema\.json"):
            validate(bad, "error")


def test_an_unknown_name_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        schema_text("nothing")
