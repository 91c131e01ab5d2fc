"""Measuring the extractor against hand-annotated data."""
