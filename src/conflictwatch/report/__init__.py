"""The printable brief: one self-contained HTML file (inline CSS and SVG) for a date range."""

from conflictwatch.report.brief import Brief, build_brief, render_brief, to_pdf

__all__ = ["Brief", "build_brief", "render_brief", "to_pdf"]
