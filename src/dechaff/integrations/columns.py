"""Columnar rows (Arrow tables, pandas frames) for the integrations that hand back columns.

A columnar output has the same layout as a JSON Lines row (:mod:`dechaff.io.schema`) with
every column always present: the input's columns, unchanged, repeated for each record of a
document; its text column, holding the text on error rows only; then dechaff's columns, with
the schema's types, so that every batch or partition has one and the same schema.
"""

from __future__ import annotations

from typing import Any

from ..corpus import Outcome
from ..errors import UsageError
from ..io import schema


def refuse_reserved(names: list[str]) -> None:
    """Columns named like dechaff's would be written twice: refused before any cleaning."""
    collides = schema.collision(names)
    if collides:
        raise UsageError(collides)


def positions(found: list[Outcome]) -> list[int]:
    """For each output row, the input row it comes from."""
    return [n for n, outcome in enumerate(found) for _ in outcome.rows]


def ours(found: list[Outcome], text_field: str, explain: bool) -> Any:
    """The text column and dechaff's columns of these outcomes' rows, as an Arrow table."""
    import pyarrow as pa

    fields = [pa.field(text_field, pa.string()), *schema.arrow_fields(explain)]
    rows = [row for outcome in found for row in outcome.rows]
    texts = [row.get(text_field) for row in rows]
    columns = {text_field: pa.array([_encodable(t) for t in texts], pa.string())}
    columns.update((f.name, pa.array([row.get(f.name) for row in rows], f.type))
                   for f in fields[1:])
    return pa.table(columns, schema=pa.schema(fields))


def _encodable(text: str | None) -> str | None:
    """A failed document's text as Arrow can hold it: a lone surrogate (the reason it
    failed, maybe) becomes its ``\\udxxx`` escape."""
    if text is None or text.isascii():
        return text
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def arrow_columns(theirs: Any, found: list[Outcome], text_field: str, explain: bool) -> Any:
    """``theirs`` (the input batch, an Arrow table) taken row by row, then our columns."""
    import pyarrow as pa

    refuse_reserved(theirs.column_names)
    kept = theirs.drop_columns([text_field]) if text_field in theirs.column_names else theirs
    added = ours(found, text_field, explain)
    if not kept.num_columns:  # a batch of texts alone (a dict of one column): no rows to take
        return added
    kept = kept.take(pa.array(positions(found), pa.int64()))
    for f in added.schema:
        kept = kept.append_column(f, added[f.name])
    return kept


def frame_columns(df: Any, found: list[Outcome], text_field: str, explain: bool) -> Any:
    """The same for a pandas frame: its columns' dtypes are kept."""
    import pandas as pd

    refuse_reserved(list(df.columns))
    kept = df.drop(columns=[text_field], errors="ignore").iloc[positions(found)]
    added = ours(found, text_field, explain).to_pandas()
    return pd.concat([kept.reset_index(drop=True), added], axis=1)
