"""Ways to run dechaff on other engines (Dask); each needs an optional extra."""
