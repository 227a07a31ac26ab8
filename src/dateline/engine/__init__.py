"""Engines that run the pipeline over a corpus at scale (see docs/scale.md).

- :mod:`.units`: a corpus cut into units (a WARC file, a JSONL byte range, a group of files);
- :mod:`.work`: one unit read, processed and written as a Parquet part (no Dask needed);
- :mod:`.parts`: the parts, named by unit and settings (a rerun skips finished work);
- :mod:`.load`: one writer loads the parts into the store in input order;
- :mod:`.dask_engine`: the units over a Dask cluster (the ``dask`` extra).

Nothing is imported here; import the submodules.
"""

from __future__ import annotations

__all__: list[str] = []
