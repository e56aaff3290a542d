"""The pipeline's stages, one module each: decode, repair, blocks, apply, split, assemble."""
