"""The report's sections, one builder function each (see `content.SECTIONS`)."""
