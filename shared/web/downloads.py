"""Serving a summary download in any format (both sides use it)."""

from __future__ import annotations

from flask import Response, abort

from shared.disclosure import Viewer
from shared.reports import FORMATS
from shared.summaries import render, summary_document
from shared.web import deps


def summary_response(viewer: Viewer, workshop_id: int, fmt: str) -> Response:
    if fmt not in FORMATS:
        abort(404)
    document = summary_document(deps(), viewer, workshop_id)
    content, media_type, extension = render(document, fmt)
    name = f"tertulia-{workshop_id}-summary{'-draft' if document.meta.status == 'draft' else ''}"
    return Response(
        content,
        mimetype=media_type.split(";")[0],
        headers={
            "Content-Type": media_type,
            "Content-Disposition": f'attachment; filename="{name}.{extension}"',
        },
    )
