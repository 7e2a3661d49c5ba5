"""One editor page per part of the report."""
