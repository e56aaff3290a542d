"""dechaff on a Dask cluster: a bag of documents, a DataFrame column, or a CLI run.

Needs the ``dask`` extra: ``pip install 'dechaff[dask]'``. Rows are the same as on one
process (:func:`dechaff.clean_many`), ids included, so a run can move between engines.
"""

from __future__ import annotations

import os
from itertools import accumulate
from typing import Any, Iterable, Iterator

from ..config import Config
from ..corpus import Outcome, as_document, clean_chunk, die_with_parent, died, ordered
from ..io.readers import Document
from .columns import frame_columns

try:
    import dask
    import dask.bag as db
except ImportError as exc:  # pragma: no cover - shown to users without the extra
    raise ImportError("dechaff.integrations.dask needs Dask: pip install 'dechaff[dask]'") from exc


def _config(config: Config | None, options: dict[str, Any], explain: bool) -> Config:
    """The run's configuration: the trace is built only for rows that show it (each
    record counts its removals without it, as :func:`dechaff.corpus.outcomes` does)."""
    return Config.of(config, **options).replace(explain=explain)


def _outcomes(items: list, first: int, config: Config, text_field: str, id_field: str | None,
              explain: bool) -> list[Outcome]:
    docs = [as_document(item, first + n, text_field, id_field) for n, item in enumerate(items)]
    return clean_chunk(docs, config, explain, True)


def _rows(items: list, first: int, config: Config, text_field: str, id_field: str | None,
          explain: bool) -> list[dict[str, Any]]:
    return [row for outcome in _outcomes(items, first, config, text_field, id_field, explain)
            for row in outcome.rows]


def _starts(sizes: Iterable[int]) -> list[int]:
    """Where each partition's documents start in the whole collection's numbering."""
    return list(accumulate(sizes, initial=0))[:-1]


def clean_bag(bag: "db.Bag", *, text_field: str = "text", id_field: str | None = None,
              explain: bool = False, config: Config | None = None, **options: Any) -> "db.Bag":
    """A bag of record rows from a bag of documents (texts, or dicts with ``text_field``).

    Documents without an id are numbered in bag order, as :func:`dechaff.clean_many` does.
    """
    config = _config(config, options, explain)
    starts = _starts(bag.map_partitions(lambda part: [len(list(part))]).compute())
    parts = [dask.delayed(_rows)(part, first, config, text_field, id_field, explain)
             for part, first in zip(bag.to_delayed(), starts)]
    return db.from_delayed(parts)


def clean_dataframe(frame: Any, column: str = "text", *, id_column: str | None = None,
                    explain: bool = False, config: Config | None = None, **options: Any) -> Any:
    """A Dask DataFrame of rows from the text ``column`` of ``frame``: its other columns as
    they were, then dechaff's (:mod:`dechaff.io.schema`). Documents without an id are
    numbered in frame order, across partitions. Needs ``dask[dataframe]``."""
    config = _config(config, options, explain)
    starts = _starts(list(frame.map_partitions(len).compute()))
    meta = frame_columns(frame._meta, [], column, explain)

    def part(df: Any, partition_info: dict | None = None) -> Any:
        first = starts[partition_info["number"]] if partition_info else 0
        found = _outcomes(df.to_dict("records"), first, config, column, id_column, explain)
        return frame_columns(df, found, column, explain)

    return frame.map_partitions(part, meta=meta)


def run(docs: Iterable[Document], config: Config, *, scheduler: str | None = None,
        workers: int = 2, explain: bool = False, passthrough: bool = True,
        keep_text: bool = False, markdown: bool = False, chunk_size: int = 256
        ) -> Iterator[Outcome]:
    """Outcomes in input order, cleaned on a Dask cluster: the one at ``scheduler``, or a
    local one of ``workers`` processes. At most a few chunks per worker are in flight.

    A chunk whose worker died (``KilledWorker``) is cleaned again one document at a time;
    the document that kills its worker becomes an error row. The local cluster's workers
    end with this process.
    """
    from distributed import Client, KilledWorker, LocalCluster, WorkerPlugin

    class DieWithParent(WorkerPlugin):
        def setup(self, worker: Any) -> None:
            die_with_parent(parent)

    parent = os.getpid()
    config = config.replace(explain=explain)  # the counts need no trace
    options = (explain, passthrough, keep_text, markdown)
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        # One death is enough to call a task's worker killed: the task is retried here.
        with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
        client = Client(cluster)
        client.register_plugin(DieWithParent(), name="dechaff-die-with-parent")

    def result(pending: Any) -> list[Outcome]:
        future, chunk = pending.popleft()
        try:
            return future.result()
        except KilledWorker:
            return [one(doc) for doc in chunk]

    def one(doc: Document) -> Outcome:
        try:
            return client.submit(clean_chunk, [doc], config, *options, pure=False).result()[0]
        except KilledWorker as exc:
            last = getattr(exc, "last_worker", None)
            return died(doc, "Dask KilledWorker" + (f", last on {last}" if last else ""),
                        passthrough)

    try:
        size = max(1, len(client.scheduler_info()["workers"]))
        yield from ordered(
            lambda chunk: client.submit(clean_chunk, chunk, config, *options, pure=False),
            result, docs, chunk_size, window=size * 4)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
