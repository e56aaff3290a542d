"""dechaff for Hugging Face ``datasets``: a batch function for ``Dataset.map(batched=True)``.

    dataset.map(dechaff.batch_cleaner(), batched=True, with_indices=True,
                remove_columns=dataset.column_names)

Each batch comes back as an Arrow table of one fixed schema (:mod:`dechaff.io.schema`): the
input's columns, unchanged, a row per record; the text column (the text of failed documents
only); then dechaff's columns. ``with_indices=True`` numbers documents by their place in the
dataset (needed with ``num_proc``); without it they are numbered across batches in the order
the function sees them. ``id_field`` takes ids from a column instead.
"""

from __future__ import annotations

from typing import Any, Callable

from ..config import Config
from ..corpus import as_document, outcomes
from .columns import arrow_columns


def batch_cleaner(text_field: str = "text", *, id_field: str | None = None,
                  explain: bool = False, config: Config | None = None,
                  **options: Any) -> Callable[..., Any]:
    """A function for ``datasets.Dataset.map(fn, batched=True, remove_columns=...)``: a batch
    of documents in (columns of lists), a batch of rows out (one per record, one per failed
    document), as a ``pyarrow.Table``."""
    import pyarrow as pa

    config = Config.of(config, **options)
    seen = [0]

    def clean_batch(batch: Any, indices: list[int] | None = None) -> Any:
        theirs = getattr(batch, "pa_table", None)  # a dataset's batch is Arrow underneath
        if theirs is None:
            columns = {name: list(values) for name, values in dict(batch).items()}
            items = [dict(zip(columns, row)) for row in zip(*columns.values())]
            theirs = pa.table({k: v for k, v in columns.items() if k != text_field})
        else:
            items = theirs.to_pylist()
        numbers = indices if indices is not None else range(seen[0], seen[0] + len(items))
        seen[0] += len(items)
        docs = [as_document(item, n, text_field, id_field) for n, item in zip(numbers, items)]
        found = list(outcomes(docs, config, explain=explain))
        return arrow_columns(theirs, found, text_field, explain)

    return clean_batch
