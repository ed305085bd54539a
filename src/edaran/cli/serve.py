"""``edaran serve`` (``layani``): the HTTP service on the circulars of a folder or templates."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from edaran.messages import Lang, message

__all__ = ["add_parser", "cmd_serve"]


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``serve`` (alias ``layani``) to the subcommands ``sub``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "serve",
        aliases=["layani"],
        parents=[common],
        help="layanan HTTP / the HTTP service (extra: service)",
    )
    p.add_argument("folder", nargs="?", type=Path, help="folder berisi *.edaran / of *.edaran")
    p.add_argument(
        "--template", "--templat", dest="templates", action="append", default=[], metavar="NAME"
    )
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument(
        "--token-env",
        metavar="VAR",
        help="variabel lingkungan berisi token / environment variable holding the bearer token",
    )
    p.add_argument("--max-body", type=int, metavar="BYTES")
    p.add_argument("--max-days", type=int, default=366)
    p.add_argument(
        "--without-names",
        action="store_true",
        help="tanpa nama pegawai dalam jawaban / leave names out of responses",
    )


def cmd_serve(args: argparse.Namespace, lang: Lang) -> int:
    """Load and check every circular, then serve until interrupted."""
    from edaran.core.diagnostics import EdaranError, render_all
    from edaran.io.publish import require_format

    require_format("service")
    from edaran.service import DEFAULT_MAX_BODY, Served, ServiceConfig, serve

    token = None
    if args.token_env:
        token = os.environ.get(args.token_env, "").strip()
        if not token:
            sys.stderr.write(message("service.token-env", lang, name=args.token_env) + "\n")
            return 2
    config = ServiceConfig(
        folder=args.folder,
        templates=tuple(args.templates),
        token=token,
        max_body=args.max_body or DEFAULT_MAX_BODY,
        max_days=args.max_days,
        without_names=args.without_names,
    )
    try:
        served = Served(config)
    except EdaranError as err:
        sys.stderr.write(render_all(err.diagnostics, lang) + "\n")
        return 1
    if not served.circulars:
        sys.stderr.write(message("service.no-circulars", lang) + "\n")
        return 2
    serve(config, args.host, args.port, lang, served)
    return 0
