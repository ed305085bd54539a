"""The rules as a table, for people who review circulars without reading rule files.

:func:`export_review` writes a circular as a workbook (``xlsx``), Markdown
(``md``) or an HTML page beside the circular's words (``html``), from the
rows :func:`~edaran.review.model.review_of` reads.  :mod:`edaran.review.amend`
reads an edited workbook back as an amendment file or as new values in place.
"""

from edaran.review.export import ExportFormat, export_review
from edaran.review.model import Review, review_of

__all__ = ["ExportFormat", "Review", "export_review", "review_of"]
