"""dechaff's input and output: readers (every input format to documents), writers (rows to
JSON Lines or Parquet, safely), the record schema every output follows, and the limits that
keep a hostile input from taking a run down."""
