"""Export: records to dicts (serialize), JSONL, Parquet under the declared schema, published
datasets, atomic output files, and the same parse over Arrow record batches (Spark, Ray, Dask)."""
