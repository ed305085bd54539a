"""The HTTP service: every command's result as JSON, on Starlette.

Each endpoint reads a JSON body (``/decide-many`` also takes an uploaded
roster file; ``/check`` and ``/test`` also take the rule file as plain
text), runs the same engine as the command and answers with the same JSON
(the schemas in ``edaran/schemas/``).  Work runs in a thread, so one long
request does not hold up the others.

Safeguards: a request body larger than ``max_body`` is refused while it is
still arriving (413, E603); with a token configured, a request without it
gets 401 (E605); every error is JSON with a code, never a traceback (an
unexpected one is 500, E613, logged by its exception type only).  Logs hold
the method, the path, the status and the time taken: nothing from a body,
so no NIP and no name.
"""

from __future__ import annotations

import datetime as dt
import functools
import hmac
import itertools
import logging
import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from edaran.core.diagnostics import Diagnostic
from edaran.core.modes import WORK_MODE
from edaran.discipline.engine import run_discipline
from edaran.engine.circular import Circular
from edaran.engine.decision import DecisionError, decisions_json, recall_object
from edaran.io.publish import diagnostic_object, json_line, provenance
from edaran.io.roster import Roster
from edaran.lang.parser import parse
from edaran.lang.variants import extended_path
from edaran.messages import Lang, Localized
from edaran.model.calendar import zone
from edaran.quota.engine import quota_records, run_quotas
from edaran.report.engine import savings_report
from edaran.scheduling.plan import check_plan
from edaran.scheduling.recalls import OFFICE, apply_recalls, recall_for
from edaran.scheduling.scheduler import schedule, unknown_table_units
from edaran.service.circulars import Served, ServiceConfig
from edaran.service.errors import ServiceError, error_body, negotiate
from edaran.service.inputs import (
    PRESENCE_FILES,
    Body,
    file_names_only,
    parse_json,
    read_attendance_rows,
    read_contact_rows,
    read_presence_rows,
    read_record_rows,
    roster_from_rows,
    roster_from_upload,
)
from edaran.service.openapi import openapi_document
from edaran.testing.reports import (
    check_entry,
    check_report,
    examples_entry,
    examples_report,
    load_for_report,
)
from edaran.variants.lifecycle import today

__all__ = ["LOGGER", "create_app"]

#: The service's log: one line per request, nothing from its body.
LOGGER = logging.getLogger("edaran.service")
_OPEN = frozenset({"/health", "/openapi.json"})
_RULE_FILE = "aturan.edaran"
_COUNTER = itertools.count(1)


# ---------------------------------------------------------------- the guard
class _TooLarge(Exception):
    pass


class Guard:
    """ASGI middleware: body size, token, JSON errors and the request log, around every route."""

    def __init__(self, app: ASGIApp, config: ServiceConfig) -> None:
        self.app = app
        self.config = config

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        request = next(_COUNTER)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        lang = negotiate(headers.get("accept-language"))
        status = {"code": 500, "sent": False}

        async def watched_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                status["sent"] = True
            await send(message)

        limit = self.config.max_body
        received = 0

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _TooLarge
            return message

        try:
            self._admit(scope, headers)
            await self.app(scope, counted_receive, watched_send)
        except _TooLarge:
            await self._refuse(ServiceError(413, "E603", limit=limit), lang, watched_send, status)
        except ServiceError as err:
            await self._refuse(err, lang, watched_send, status)
        except Exception as err:  # never a traceback to the caller, nor data to the log
            LOGGER.error("request %d failed: %s", request, type(err).__name__)
            await self._refuse(
                ServiceError(500, "E613", request=request), lang, watched_send, status
            )
        finally:
            took = (time.perf_counter() - started) * 1000
            LOGGER.info("%s %s %d %.1f ms", scope["method"], scope["path"], status["code"], took)

    def _admit(self, scope: Scope, headers: dict[str, str]) -> None:
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.config.max_body:
            raise ServiceError(413, "E603", limit=self.config.max_body)
        token = self.config.token
        if token and scope["path"] not in _OPEN:
            given = headers.get("authorization", "")
            scheme, _, value = given.partition(" ")
            if scheme.lower() != "bearer" or not hmac.compare_digest(
                value.strip().encode(), token.encode()
            ):
                raise ServiceError(401, "E605")

    async def _refuse(
        self, err: ServiceError, lang: Lang, send: Send, status: dict[str, Any]
    ) -> None:
        if status["sent"]:  # a stream already started: nothing more can be said in HTTP
            return
        headers = {"WWW-Authenticate": 'Bearer realm="edaran"'} if err.status == 401 else None
        body = json_line(error_body(err, lang)) + "\n"
        response = Response(body, err.status, headers=headers, media_type="application/json")
        await response({"type": "http"}, _no_body, send)


async def _no_body() -> Message:
    return {"type": "http.disconnect"}


# ---------------------------------------------------------------- helpers
def _lang(request: Request) -> Lang:
    return negotiate(request.headers.get("accept-language"))


def _json(data: object) -> Response:
    return Response(json_line(data) + "\n", media_type="application/json")


def _refused(diagnostics: list[Diagnostic]) -> None:
    """422 (E614) with the diagnostics when any of them is an error."""
    errors = [d for d in diagnostics if d.is_error]
    if errors:
        raise ServiceError(422, "E614", diagnostics, count=len(errors))


def _range(body: Body, config: ServiceConfig) -> tuple[dt.date, dt.date]:
    single = body.optional_date("date")
    first = single or body.date("from")
    last = single or body.date("to", first)
    _check_range(first, last, config)
    return first, last


def _check_range(first: dt.date, last: dt.date, config: ServiceConfig) -> None:
    if last < first or (last - first).days >= config.max_days:
        raise ServiceError(400, "E608", first=first, last=last, limit=config.max_days)


def _optional_range(body: Body, config: ServiceConfig) -> tuple[dt.date | None, dt.date | None]:
    first, last = body.optional_date("from"), body.optional_date("to")
    if first is not None and last is not None:
        _check_range(first, last, config)
    return first, last


def _circular(served: Served, body: Body) -> Circular:
    circular = served.get(body.text("circular"))
    as_of = body.optional_date("as_of")
    return circular if as_of is None else circular.as_of(as_of)


def _roster(body: Body, circular: Circular) -> Roster:
    """The request's roster, with the columns the circular declares (``atribut pegawai``)."""
    data = body.obj("roster")
    roster, found = roster_from_rows(
        data.rows("employees") or [], data.rows("units", required=False), circular.roster_classes()
    )
    _refused(found)
    return roster


def _person(body: Body, circular: Circular) -> tuple[Roster, Any]:
    """The one employee of ``/decide`` and ``/explain`` (a roster row, with the
    columns the circular declares) and its roster."""
    row = body.obj("employee").data
    units = body.rows("units", required=False)
    roster, found = roster_from_rows([row], units, circular.roster_classes())
    _refused(found)
    if not roster.employees:  # a refused row is an error above; this is the rest
        raise ServiceError(400, "E602", field="employee")
    return roster, roster.employees[0]


def _presence(body: Body, roster: Roster, *fields: str) -> dict[str, list[Any] | None]:
    """The leave, transfers, recalls or plan of a request (``absences``, ``transfers``,
    ``recalls``, ``plan``: rows as in ``cuti.csv`` and the others), None for a field
    not sent; 422 (E614) with every bad row's diagnostic."""
    found: dict[str, list[Any] | None] = {}
    problems: list[Diagnostic] = []
    for field in fields:
        rows = body.rows(field, required=False)
        if rows is None:
            found[field] = None
            continue
        found[field], diagnostics = read_presence_rows(field, rows, roster)
        problems += diagnostics
    _refused(problems)
    return found


def _names(roster: Roster, config: ServiceConfig) -> dict[str, str]:
    return {} if config.without_names else {e.nip: e.nama for e in roster.employees}


# ---------------------------------------------------------------- the work, in a thread
def _decide(served: Served, body: Body, lang: Lang) -> str:
    circular = _circular(served, body)
    roster, person = _person(body, circular)
    recalls = _presence(body, roster, "recalls")["recalls"] or []
    first, last = _range(body, served.config)
    output = body.text("output", WORK_MODE)
    errors: list[DecisionError] = []
    decisions = circular.decide_many([person], first, last, output, errors=errors)
    if recalls:
        decisions = apply_recalls(decisions, recalls, {person.nip: person})
    return "".join(decisions_json(provenance(circular), decisions, errors, lang))


def _explain(served: Served, body: Body, lang: Lang) -> dict[str, object]:
    circular = _circular(served, body)
    roster, person = _person(body, circular)
    recalls = _presence(body, roster, "recalls")["recalls"] or []
    day = body.date("date")
    try:
        explanation = circular.explain(person, day, body.text("output", WORK_MODE))
    except DecisionError as err:
        raise ServiceError(422, "E614", err.diagnostics, count=len(err.diagnostics)) from None
    data = explanation.to_dict(lang)
    # As edaran explain --recalls: the recall that calls the person in on a remote day.
    was = str(explanation.decision.value)
    recall = recall_for(recalls, person.nip, person.unit, day, was)
    if recall is not None and explanation.decision.output == WORK_MODE:
        data["recall"] = recall_object(recall, was, OFFICE)
    if served.config.without_names:
        facts = data["facts"]
        assert isinstance(facts, list)
        data["facts"] = [f for f in facts if f["name"] != "pegawai.nama"]
    return data


def _decide_many(
    circular: Circular,
    roster: Roster,
    first: dt.date,
    last: dt.date,
    lang: Lang,
    recalls: list[Any],
) -> Iterator[str]:
    """JSON lines: the provenance, then a decision per employee-day, an error where none;
    a recalled remote day is WFO with its recall, as ``edaran decide --recalls``."""
    yield json_line({"provenance": provenance(circular)}) + "\n"
    errors: list[DecisionError] = []
    shown = 0
    decisions = circular.decide_many(roster.employees, first, last, errors=errors)
    if recalls:
        decisions = apply_recalls(decisions, recalls, {e.nip: e for e in roster.employees})
    for decision in decisions:
        while shown < len(errors):
            yield json_line({"error": diagnostic_object(errors[shown].diagnostics[0], lang)}) + "\n"
            shown += 1
        yield json_line(decision.to_dict(lang)) + "\n"
    for err in errors[shown:]:
        yield json_line({"error": diagnostic_object(err.diagnostics[0], lang)}) + "\n"


def _schedule(served: Served, body: Body, lang: Lang) -> dict[str, object]:
    circular = _circular(served, body)
    roster = _roster(body, circular)
    first, last = _range(body, served.config)
    _refused(unknown_table_units(circular, roster.units))
    sent = _presence(body, roster, "absences", "transfers", "recalls", "plan")
    absences, transfers = sent["absences"] or [], sent["transfers"] or []
    recalls, plan = sent["recalls"] or [], sent["plan"]
    if plan is not None:  # as edaran schedule --plan: checked, not scheduled
        made = check_plan(
            circular,
            roster.employees,
            plan,
            first,
            last,
            absences=absences,
            transfers=transfers,
            recalls=recalls,
        )
    else:
        made = schedule(
            circular,
            roster.employees,
            first,
            last,
            absences=absences,
            transfers=transfers,
            recalls=recalls,
        )
    made = attrs.evolve(made, warnings=tuple(file_names_only(made.warnings)))
    return made.to_dict(lang, without_names=served.config.without_names)


def _discipline(served: Served, body: Body, lang: Lang) -> dict[str, object]:
    circular = _circular(served, body)
    roster = _roster(body, circular)
    first, last = _optional_range(body, served.config)
    tz = zone(circular.program.header.timezone)
    contact_rows = body.rows("contacts", required=False)
    attendance_rows = body.rows("attendance", required=False)
    if contact_rows is None and attendance_rows is None:  # a log of one kind or both
        raise ServiceError(400, "E602", field="contacts")
    contacts: list[Any] = []
    found: list[Diagnostic] = []
    if contact_rows is not None:
        contacts, found = read_contact_rows(contact_rows, roster, tz)
    events: list[Any] = []
    if attendance_rows:
        events, logged = read_attendance_rows(attendance_rows, roster, tz)
        found += logged
    _refused(found)
    sent = _presence(body, roster, "absences", "recalls")
    result = run_discipline(
        circular,
        roster.employees,
        contacts,
        first=first,
        last=last,
        absences=sent["absences"] or [],
        recalls=sent["recalls"] or [],
        attendance=events,
    )
    return result.to_dict(lang, names=_names(roster, served.config), contacts=contacts)


#: /quota's fields and the kind of records each holds
_QUOTA_FILES = {
    "trips": "perjalanan",
    "vehicles": "kendaraan",
    "meetings": "rapat",
    "checklists": "daftar_periksa",
}


def _quota(served: Served, body: Body, lang: Lang) -> dict[str, object]:
    circular = _circular(served, body)
    roster = _roster(body, circular)
    first, last = _optional_range(body, served.config)
    records: dict[str, list[Any]] = {}
    problems: list[Diagnostic] = []
    for field, kind in _QUOTA_FILES.items():
        rows = body.rows(field, required=False)
        if rows is not None:
            cls = circular.schema.record_classes.get(kind)
            records[kind], found = read_record_rows(kind, rows, roster, cls)
            problems += found
    _refused(problems)
    result = run_quotas(circular, roster, **quota_records(records), first=first, last=last)
    return result.to_dict(lang)


def _report(served: Served, body: Body, lang: Lang) -> dict[str, object]:
    circular = _circular(served, body)
    roster = _roster(body, circular)
    first, last = _optional_range(body, served.config)
    costs, found = read_record_rows("biaya", body.rows("costs") or [], roster)
    _refused(found)
    result = savings_report(
        circular, roster, costs, first=first, last=last, periods=body.numbers("periods")
    )
    return result.to_dict(lang)


def _rule_text(
    served: Served, request_body: bytes, content_type: str, query: Mapping[str, str]
) -> tuple[str, str, bool]:
    """The rule file of ``/check`` and ``/test``: (name, text, whether coverage is wanted),
    within the size limit.  Coverage is ``"coverage": true`` in a JSON body, or
    ``?coverage=true`` in the address (the only way with a text/plain body)."""
    asked = query.get("coverage")
    if asked is not None and asked.lower() not in ("true", "false", "1", "0"):
        raise ServiceError(400, "E601", field="coverage", expected=Localized("service.a-boolean"))
    coverage = asked is not None and asked.lower() in ("true", "1")
    if content_type.startswith("text/plain"):
        name, data = _RULE_FILE, request_body
    else:
        body = Body(parse_json(request_body))
        name = body.text("name", _RULE_FILE)
        data = body.text("text").encode("utf-8")
        coverage = coverage or body.flag("coverage")
    limit = served.config.max_rule_bytes
    if len(data) > limit:
        raise ServiceError(413, "E603", limit=limit)
    # Only the file's own name is kept: a path in it would name the server's folders.
    name = name.replace("\\", "/").rsplit("/", 1)[-1] or _RULE_FILE
    return name, data.decode("utf-8", errors="replace"), coverage


def _load_sent(served: Served, name: str, text: str) -> Callable[[], Circular]:
    """A loader of a rule file sent in a request, refusing a parent outside the served folder."""
    folder = served.config.folder
    base = (folder / name) if folder is not None else None

    def load() -> Circular:
        module = parse(text, name)
        parent = extended_path(module, base)
        if parent is not None and not served.may_extend(parent):
            # The file's name only: the rest of the path would describe the server's disk.
            raise ServiceError(400, "E610", path=parent.name[:200])
        return Circular.from_text(text, name, path=base)

    return load


def _check(served: Served, name: str, text: str, lang: Lang, coverage: bool) -> dict[str, object]:
    circular, found = load_for_report(_load_sent(served, name, text))
    return check_report([check_entry(name, circular, found, lang, today())])


def _test(served: Served, name: str, text: str, lang: Lang, coverage: bool) -> dict[str, object]:
    """``edaran test --format json`` of a rule file sent; with ``coverage``, as with
    ``--coverage``: each file's clause coverage under ``coverage``."""
    circular, found = load_for_report(_load_sent(served, name, text))
    return examples_report([examples_entry(name, circular, found, lang, coverage=coverage)])


# ---------------------------------------------------------------- routes
def create_app(config: ServiceConfig, served: Served | None = None) -> Starlette:
    """The ASGI application of a configuration (its circulars loaded now, or ``served``)."""
    served = served or Served(config)
    document = openapi_document(served)

    def json_route(work: Callable[[Served, Body, Lang], object]) -> Callable[..., Any]:
        async def endpoint(request: Request) -> Response:
            body = Body(parse_json(await request.body()))
            result = await run_in_threadpool(work, served, body, _lang(request))
            if isinstance(result, str):
                return Response(result, media_type="application/json")
            return _json(result)

        return endpoint

    def rule_route(work: Callable[[Served, str, str, Lang, bool], object]) -> Callable[..., Any]:
        async def endpoint(request: Request) -> Response:
            name, text, coverage = _rule_text(
                served,
                await request.body(),
                request.headers.get("content-type", ""),
                request.query_params,
            )
            result = await run_in_threadpool(work, served, name, text, _lang(request), coverage)
            return _json(result)

        return endpoint

    async def decide_many(request: Request) -> Response:
        lang = _lang(request)
        content_type = request.headers.get("content-type", "")
        recalls: list[Any] = []
        if content_type.startswith("multipart/form-data"):
            async with request.form(max_files=2, max_fields=16) as form:
                upload = form.get("roster")
                if upload is None or isinstance(upload, str):
                    raise ServiceError(400, "E602", field="roster")
                fields = {k: v for k, v in form.items() if isinstance(v, str)}
                name, data = upload.filename or "roster.csv", await upload.read()
                called = form.get("recalls")  # panggilan.csv, as edaran decide --recalls
                recall_data = (
                    None if called is None or isinstance(called, str) else (await called.read())
                )
            body = Body(fields)
            circular = _circular(served, body)
            reading = functools.partial(
                roster_from_upload, name, data, classes=circular.roster_classes()
            )
            roster, found = await run_in_threadpool(reading)
            _refused(found)
            if recall_data is not None:
                file, read = PRESENCE_FILES["recalls"]
                recalls, found = await run_in_threadpool(
                    functools.partial(read, file, roster, data=recall_data)
                )
                _refused(found)
        elif content_type.startswith("application/json") or not content_type:
            body = Body(parse_json(await request.body()))
            circular = _circular(served, body)
            roster = await run_in_threadpool(_roster, body, circular)
            sent = await run_in_threadpool(_presence, body, roster, "recalls")
            recalls = sent["recalls"] or []
        else:
            raise ServiceError(
                415,
                "E609",
                content_type=content_type[:60],
                accepted="application/json, multipart/form-data",
            )
        first, last = _range(body, served.config)
        lines = _decide_many(circular, roster, first, last, lang, recalls)
        return StreamingResponse(lines, media_type="application/x-ndjson")

    async def circulars(request: Request) -> Response:
        return _json(served.listing())

    async def circular(request: Request) -> Response:
        return _json(served.detail(request.path_params["ident"]))

    async def health(request: Request) -> Response:
        return _json({"status": "ok", "circulars": len(served.circulars)})

    async def openapi(request: Request) -> Response:
        return _json(document)

    async def not_found(request: Request, exc: Exception) -> Response:
        raise ServiceError(
            404 if getattr(exc, "status_code", 404) == 404 else 405,
            "E612",
            method=request.method,
            path=request.url.path[:100],
        )

    routes = [
        Route("/health", health, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
        Route("/circulars", circulars, methods=["GET"]),
        Route("/circulars/{ident:path}", circular, methods=["GET"]),
        Route("/decide", json_route(_decide), methods=["POST"]),
        Route("/decide-many", decide_many, methods=["POST"]),
        Route("/explain", json_route(_explain), methods=["POST"]),
        Route("/schedule", json_route(_schedule), methods=["POST"]),
        Route("/discipline", json_route(_discipline), methods=["POST"]),
        Route("/quota", json_route(_quota), methods=["POST"]),
        Route("/report", json_route(_report), methods=["POST"]),
        Route("/check", rule_route(_check), methods=["POST"]),
        Route("/test", rule_route(_test), methods=["POST"]),
    ]
    app = Starlette(routes=routes, exception_handlers={404: not_found, 405: not_found})
    app.add_middleware(Guard, config=config)
    return app
