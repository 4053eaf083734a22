"""Demo data of the missions app (illustrative, marked `is_demo`), one module per part."""
