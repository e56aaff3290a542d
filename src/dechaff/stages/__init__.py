"""The stages: what reads, repairs and parses a document, one module each (decode and its
charsets, sniff, repair, tree: parse, prepare and walk a page; meta, with jsonld, names and
visible: a page's own metadata). A stage never runs a rule: the engine does
(:mod:`dechaff.engine`)."""
