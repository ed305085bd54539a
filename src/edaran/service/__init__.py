"""The HTTP service (``edaran serve``): every command's result over HTTP, as schema-valid JSON.

Needs the ``service`` extra (Starlette, uvicorn, python-multipart); nothing
outside this package imports them.  :func:`create_app` gives the ASGI
application of a :class:`ServiceConfig`, for any ASGI server;
:func:`serve` runs it with uvicorn.  ``docs/service.md`` describes the
endpoints, the configuration and how to secure it.
"""

from __future__ import annotations

from edaran.service.app import LOGGER, create_app
from edaran.service.circulars import DEFAULT_MAX_BODY, Served, ServiceConfig
from edaran.service.errors import ServiceError, negotiate
from edaran.service.run import serve

__all__ = [
    "DEFAULT_MAX_BODY",
    "LOGGER",
    "Served",
    "ServiceConfig",
    "ServiceError",
    "create_app",
    "negotiate",
    "serve",
]
