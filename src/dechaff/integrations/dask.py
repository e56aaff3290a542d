"""dechaff on a Dask cluster: a bag of documents, a DataFrame column, or a CLI run.

Needs the ``dask`` extra: ``pip install 'dechaff[dask]'``. Rows are the same as on one
process (:func:`dechaff.clean_many`), ids included, so a run can move between engines.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

from ..corpus import RECORD_KEYS, Outcome, as_document, clean_chunk, ordered
from ..config import Config
from ..io.readers import Document

try:
    import dask
    import dask.bag as db
except ImportError as exc:  # pragma: no cover - shown to users without the extra
    raise ImportError("dechaff.integrations.dask needs Dask: pip install 'dechaff[dask]'") from exc


def _config(config: Config | None, options: dict[str, Any]) -> Config:
    config = config or Config()
    return (config.replace(**options) if options else config).replace(explain=True)


def _rows(items: list, first: int, config: Config, text_field: str, id_field: str | None,
          explain: bool) -> list[dict[str, Any]]:
    docs = [as_document(item, first + n, text_field, id_field) for n, item in enumerate(items)]
    return [row for outcome in clean_chunk(docs, config, explain, True) for row in outcome.rows]


def clean_bag(bag: "db.Bag", *, text_field: str = "text", id_field: str | None = None,
              explain: bool = False, config: Config | None = None, **options: Any) -> "db.Bag":
    """A bag of record rows from a bag of documents (texts, or dicts with ``text_field``).

    Documents without an id are numbered in bag order, as :func:`dechaff.clean_many` does.
    """
    config = _config(config, options)
    sizes = bag.map_partitions(lambda part: [len(list(part))]).compute()
    parts, first = [], 0
    for n, part in enumerate(bag.to_delayed()):
        parts.append(dask.delayed(_rows)(part, first, config, text_field, id_field, explain))
        first += sizes[n]
    return db.from_delayed(parts)


def clean_dataframe(frame: Any, column: str = "text", *, id_column: str | None = None,
                    explain: bool = False, config: Config | None = None, **options: Any) -> Any:
    """A Dask DataFrame of record rows from the text ``column`` of ``frame`` (other columns are
    passed through). Needs ``dask[dataframe]``."""
    import pandas as pd

    config = _config(config, options)
    keys = [k for k in RECORD_KEYS if explain or k != "removals"]
    others = [c for c in frame.columns if c != column and c not in keys]
    meta = pd.DataFrame({k: pd.Series(dtype="object") for k in [*keys, *others]})

    def part(df: "pd.DataFrame") -> "pd.DataFrame":
        rows = _rows(df.to_dict("records"), 0, config, column, id_column, explain)
        return pd.DataFrame([{k: row.get(k) for k in meta.columns} for row in rows],
                            columns=meta.columns)

    return frame.map_partitions(part, meta=meta)


def run(docs: Iterable[Document], config: Config, *, scheduler: str | None = None,
        workers: int = 2, explain: bool = False, passthrough: bool = True,
        chunk_size: int = 256) -> Iterator[Outcome]:
    """Outcomes in input order, cleaned on a Dask cluster: the one at ``scheduler``, or a
    local one of ``workers`` processes. At most a few chunks per worker are in flight."""
    from distributed import Client, LocalCluster

    config = config.replace(explain=True)
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        size = max(1, len(client.scheduler_info()["workers"]))
        yield from ordered(
            lambda chunk: client.submit(clean_chunk, chunk, config, explain, passthrough, pure=False),
            lambda future: future.result(), docs, chunk_size, window=size * 4)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
