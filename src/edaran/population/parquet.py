"""Decision rows of the Python engine as Parquet, in batches; needs ``pyarrow`` (``scale`` extra).

The columns are those of ``edaran decide`` (:data:`~edaran.population.engines.OUTPUT_COLUMNS`),
all text but ``date``, which is a date, as the DuckDB engine writes them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from edaran.population.engines import OUTPUT_COLUMNS

__all__ = ["write_parquet"]

_SCHEMA = pa.schema(
    [(name, pa.date32() if name == "date" else pa.string()) for name in OUTPUT_COLUMNS]
)
_BATCH = 100_000


def write_parquet(rows: Iterable[list[str]], target: Path) -> int:
    """Write rows (as ``edaran decide`` makes them) to one Parquet file; return their count."""
    count = 0
    with pq.ParquetWriter(str(target), _SCHEMA) as writer:
        batch: list[list[str]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= _BATCH:
                writer.write_table(_table(batch))
                count += len(batch)
                batch = []
        if batch or not count:
            writer.write_table(_table(batch))
            count += len(batch)
    return count


def _table(batch: list[list[str]]) -> pa.Table:
    columns: list[tuple[str, ...]] = list(zip(*batch, strict=True)) if batch else []
    columns = columns or [() for _ in OUTPUT_COLUMNS]
    arrays = []
    for name, values in zip(OUTPUT_COLUMNS, columns, strict=True):
        if name == "date":
            arrays.append(pa.array([dt.date.fromisoformat(v) for v in values], pa.date32()))
        else:
            arrays.append(pa.array([v or None for v in values], pa.string()))
    return pa.Table.from_arrays(arrays, schema=_SCHEMA)
