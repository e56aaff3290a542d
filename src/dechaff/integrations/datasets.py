"""dechaff for Hugging Face ``datasets``: a batch function for ``Dataset.map(batched=True)``."""

from __future__ import annotations

from typing import Any, Callable

from ..config import Config
from ..corpus import RECORD_KEYS, clean_many


def batch_cleaner(text_field: str = "text", **options: Any) -> Callable[[dict[str, list]], dict[str, list]]:
    """A function for ``datasets.Dataset.map(fn, batched=True, remove_columns=...)``: a batch
    of documents in (columns of lists), a batch of record rows out (one row per record)."""
    config = Config(**options)

    def clean_batch(batch: dict[str, list]) -> dict[str, list]:
        names = list(batch)
        items = [{k: batch[k][i] for k in names} for i in range(len(batch[text_field]))]
        rows = list(clean_many(items, config=config, text_field=text_field))
        # The same columns for every batch: the record's, then the input's other fields.
        columns = [k for k in RECORD_KEYS if k != "removals"]
        columns += [k for k in names if k != text_field and k not in columns]
        return {k: [row.get(k) for row in rows] for k in columns}

    return clean_batch
