"""Running the service with uvicorn, logging one line per request and nothing else from it."""

from __future__ import annotations

import logging
import sys

import uvicorn

from edaran.messages import Lang, message
from edaran.service.app import LOGGER, create_app
from edaran.service.circulars import Served, ServiceConfig

__all__ = ["serve"]


def serve(
    config: ServiceConfig,
    host: str = "127.0.0.1",
    port: int = 8000,
    lang: Lang = "id",
    served: Served | None = None,
) -> None:
    """Serve ``config`` on ``host:port`` until interrupted.

    uvicorn's own access log is off: the service logs each request itself
    (method, path, status, time), so the log never holds a body.
    """
    served = served or Served(config)
    if not LOGGER.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        LOGGER.addHandler(handler)
        LOGGER.setLevel(logging.INFO)
    ids = ", ".join(served.circulars)
    LOGGER.info(
        message("service.started", lang, count=len(served.circulars), host=host, port=port, ids=ids)
    )
    uvicorn.run(
        create_app(config, served),
        host=host,
        port=port,
        access_log=False,
        log_level="warning",
        server_header=False,
    )
