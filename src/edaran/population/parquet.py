"""Decision rows of the Python engine as Parquet, in batches; needs ``pyarrow`` (``scale`` extra).

The columns are those of ``edaran decide`` (:data:`~edaran.population.engines.OUTPUT_COLUMNS`),
all text but ``date``, which is a date, as the DuckDB engine writes them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from edaran.population.engines import OUTPUT_COLUMNS

__all__ = ["write_parquet"]

_SCHEMA = pa.schema(
    [(name, pa.date32() if name == "date" else pa.string()) for name in OUTPUT_COLUMNS]
)
_BATCH = 100_000


def write_parquet(rows: Iterable[list[str]], target: Path, extra: Sequence[str] = ()) -> int:
    """Write rows (as ``edaran decide`` makes them) to one Parquet file; return their count.

    ``extra`` names the columns of the file's other outputs (text, as shown).
    """
    count = 0
    names = (*OUTPUT_COLUMNS, *extra)
    schema = _SCHEMA if not extra else pa.schema([*_SCHEMA, *((e, pa.string()) for e in extra)])
    with pq.ParquetWriter(str(target), schema) as writer:
        batch: list[list[str]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= _BATCH:
                writer.write_table(_table(batch, names, schema))
                count += len(batch)
                batch = []
        if batch or not count:
            writer.write_table(_table(batch, names, schema))
            count += len(batch)
    return count


def _table(batch: list[list[str]], names: Sequence[str], schema: pa.Schema) -> pa.Table:
    columns: list[tuple[str, ...]] = list(zip(*batch, strict=True)) if batch else []
    columns = columns or [() for _ in names]
    arrays = []
    for name, values in zip(names, columns, strict=True):
        if name == "date":
            arrays.append(pa.array([dt.date.fromisoformat(v) for v in values], pa.date32()))
        else:
            arrays.append(pa.array([v or None for v in values], pa.string()))
    return pa.Table.from_arrays(arrays, schema=schema)
