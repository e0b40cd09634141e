"""Benchmark of the gestpay Python binding against zeep (driven by the gateway's WSDLs) and
hand-written xml.etree code, on the same documents, in one process.

    bash bench/python/run.sh            # or: .venv/bin/python bench/python/bench.py [--quick]

* parse: callReadTrxS2S's Amazon Pay response (tests/fixtures/s2s/callReadTrxS2S/
  amazonpay-full.response.xml, the richest Amazon case) from (status, content type, body) into
  objects.
* build: a rich Encrypt (OrderDetails with customer, social profile, both addresses, three
  products, discount codes, shipping lines; shippingDetails; transDetails with the whole 3-D
  Secure 2 container) from plain nested dicts into the envelope bytes.

Before timing, the outputs are checked to be the same data (parse: the same attributes and
values; build: the same elements and texts in the same order). Timing: each implementation is
warmed up, then sampled in interleaved rounds (so that load on the shared machine hits all of
them alike), each sample a loop of calls with the garbage collector off, as ``timeit`` does;
the table gives the median of the per-call times. The results are printed and written to
results.md beside this file, the ratios against the targets to summary.tsv (one line per
target, for bench/run's summary). A benchmark, not a test: it asserts nothing about speed.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import datetime
import gc
import json
import os
import platform
import statistics
import subprocess
import tempfile
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

import lxml.etree
import requests
import zeep
from zeep.transports import Transport

import gestpay

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
import handwritten  # noqa: E402

WSDL = ROOT / "docs/wsdl"  # the repository's one copy of the gateway's WSDLs
READ_TRX = ROOT / "tests/fixtures/s2s/callReadTrxS2S/amazonpay-full.response.xml"
ENCRYPT = ROOT / "tests/fixtures/cryptdecrypt/Encrypt/amazonpay-full.request.json"
CONTENT_TYPE = "text/xml; charset=utf-8"
CRYPT_NS = "https://ecomm.sella.it/"

TARGETS = {  # (operation, baseline) -> gestpay must be this many times faster
    ("parse", "zeep"): 25.0,
    ("parse", "xml.etree"): 10.0,
    ("build", "zeep"): 100.0,
}


# --- zeep, offline ----------------------------------------------------------------------------


class NoNetwork(requests.Session):
    """zeep's HTTP session: any request fails (the WSDLs are local files without imports)."""

    def request(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        raise RuntimeError("the benchmark must not use the network")


def zeep_client(wsdl: str) -> zeep.Client:
    return zeep.Client(str(WSDL / wsdl), settings=zeep.Settings(strict=True),
                       transport=Transport(session=NoNetwork()))


def fake_response(status: int, content_type: str, body: bytes) -> requests.Response:
    """What zeep's transport hands to ``binding.process_reply`` after a POST."""
    response = requests.Response()
    response.status_code = status
    response.headers["Content-Type"] = content_type
    response._content = body
    response.encoding = "utf-8"
    return response


# --- the documents ----------------------------------------------------------------------------


def encrypt_data() -> Dict[str, Any]:
    """The corpus' richest Encrypt with a third product, in the core's JSON shape."""
    data = json.loads(ENCRYPT.read_text(encoding="utf-8"))
    products = data["orderDetails"]["productDetails"]
    third = copy.deepcopy(products[0])
    third.update(productCode="135798644", sku="LC-911-RS", name="Porsche 911 RS scale model",
                 description="Porsche 911 Carrera RS 2.7 1:43", quantity="2", price="0.00",
                 unitPrice="0.00", discount="10")
    products.append(third)
    return data


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def wire_fields(element: Any) -> Any:
    """An element's content as zeep's keyword arguments: nested dicts keyed by wire names,
    lists for repeated elements, text for leaves."""
    children = list(element)
    if not children:
        return element.text or ""
    out: Dict[str, Any] = {}
    for child in children:
        name, value = local(child.tag), wire_fields(child)
        if name not in out:
            out[name] = value
        elif isinstance(out[name], list):
            out[name].append(value)
        else:
            out[name] = [out[name], value]
    return out


def leaves(envelope: bytes) -> List[Tuple[str, str]]:
    """Every leaf element of an envelope as (path of local names, text), in document order."""
    out: List[Tuple[str, str]] = []

    def walk(el: ET.Element, path: str) -> None:
        path = f"{path}/{local(el.tag)}"
        children = list(el)
        if not children:
            out.append((path, el.text or ""))
        for child in children:
            walk(child, path)

    walk(ET.fromstring(envelope), "")
    return out


def plain(value: Any) -> Any:
    """Messages as dicts of their set attributes (the binding's objects and the hand-written
    dataclasses)."""
    if isinstance(value, gestpay.Model):
        out = {}
        for attr, _ in value._FIELDS:
            v = getattr(value, attr)
            if v is not None and v != () and v != "":
                out[attr] = plain(v)
        return out
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {}
        for field in dataclasses.fields(value):
            v = getattr(value, field.name)
            if v is not None and v != () and v != "":
                out[field.name] = plain(v)
        return out
    if isinstance(value, tuple):
        return [plain(v) for v in value]
    return value


# --- the core's own time, and retained memory ------------------------------------------------


def native(*args: str) -> float:
    """The core's median time per call in µs on the same bytes or values (bench/src/bin/
    native.rs, built by run.sh), measured in this run."""
    exe = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "release" / "native"
    out = subprocess.run([str(exe), *args], check=True, capture_output=True, text=True)
    return float(json.loads(out.stdout)["median_ns"]) / 1e3


MEMORY_PROBE = """
import gc, sys
import gestpay
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096
body = open(sys.argv[1], "rb").read()
gc.collect(); before = rss()
result = gestpay.CallReadTrxS2SResult.from_http(200, "text/xml; charset=utf-8", body)
gc.collect(); after = rss()
print(after - before, len(body), len(result.events))
"""


def retained_memory(document: Path) -> Tuple[int, int, int]:
    """(bytes the parsed result keeps, document bytes, events) in a fresh interpreter: the
    resident set after the parse, less before it (the document itself counted before)."""
    out = subprocess.run([sys.executable, "-c", MEMORY_PROBE, str(document)], check=True,
                         capture_output=True, text=True)
    kept, size, events = (int(x) for x in out.stdout.split())
    return kept, size, events


# --- timing -----------------------------------------------------------------------------------


def sample(fn: Callable[[], Any], loops: int) -> Tuple[float, float]:
    """(wall, CPU) seconds per call over ``loops`` calls, the garbage collector off (as timeit
    does): ``perf_counter_ns`` and this thread's CPU clock, read around the same loop."""
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        cpu = time.thread_time_ns()
        start = time.perf_counter_ns()
        for _ in range(loops):
            fn()
        elapsed = time.perf_counter_ns() - start
        cpu = time.thread_time_ns() - cpu
    finally:
        if gc_was_on:
            gc.enable()
    return elapsed / loops / 1e9, cpu / loops / 1e9


def measure(cases: Dict[str, Callable[[], Any]], rounds: int, sample_s: float
            ) -> Dict[str, List[Tuple[float, float]]]:
    """(wall, CPU) seconds per call of each case: a warm-up, a loop count that makes a sample
    last about ``sample_s``, then ``rounds`` interleaved rounds (the order rotates each round)."""
    loops: Dict[str, int] = {}
    for name, fn in cases.items():
        deadline = time.perf_counter() + max(0.2, sample_s * 5)
        calls = 0
        while time.perf_counter() < deadline or calls < 20:  # warm-up
            fn()
            calls += 1
        per_call = sample(fn, max(1, calls // 5))[1]
        loops[name] = max(1, int(sample_s / per_call))
    times: Dict[str, List[Tuple[float, float]]] = {name: [] for name in cases}
    names = list(cases)
    for r in range(rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        for name in order:
            gc.collect()
            times[name].append(sample(cases[name], loops[name]))
    return times


# --- report -----------------------------------------------------------------------------------


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def versions() -> str:
    from importlib.metadata import version
    parts = [f"Python {platform.python_version()}", f"gestpay {gestpay.__version__}"]
    parts += [f"{name} {version(name)}" for name in ("zeep", "lxml")]
    return ", ".join(parts)


def stale_install() -> List[str]:
    """The package's Python files that differ from bindings-python/python/gestpay (the
    installed binding is then not the working tree's)."""
    installed = Path(gestpay.__file__).parent
    source = ROOT / "bindings-python/python/gestpay"
    return [p.name for p in sorted(source.glob("*.py"))
            if not (installed / p.name).exists()
            or (installed / p.name).read_bytes() != p.read_bytes()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer, shorter samples")
    parser.add_argument("--rounds", type=int, default=None, help="rounds per group (41)")
    parser.add_argument("--no-write", action="store_true", help="do not write results.md")
    args = parser.parse_args()
    rounds = args.rounds or (11 if args.quick else 41)
    sample_s = 0.005 if args.quick else 0.02

    stale = stale_install()
    if stale:
        print(f"warning: the installed gestpay differs from the working tree ({', '.join(stale)})"
              "; run.sh --reinstall rebuilds it", file=sys.stderr)

    # ---- parse: the same bytes through the three implementations ----
    body = READ_TRX.read_bytes()
    result_type = gestpay.CallReadTrxS2SResult
    s2s = zeep_client("WSs2s.wsdl")
    s2s_binding = s2s.wsdl.bindings[f"{{{handwritten.S2S}}}WSs2sSoap"]
    read_trx = s2s_binding.get("callReadTrxS2S")
    response = fake_response(200, CONTENT_TYPE, body)

    def parse_gestpay() -> Any:
        return result_type.from_http(200, CONTENT_TYPE, body)

    def parse_zeep_envelope() -> Any:
        # The result is `xs:any` in the WSDL: zeep hands back the GestPayS2S lxml element.
        return s2s_binding.process_reply(s2s, read_trx, response)

    def parse_zeep() -> Any:
        return handwritten.read_gestpay(s2s_binding.process_reply(s2s, read_trx, response))

    def parse_etree() -> Any:
        return handwritten.parse_read_trx(200, CONTENT_TYPE, body)

    ours = plain(parse_gestpay())
    assert isinstance(parse_zeep_envelope(), lxml.etree._Element)
    assert plain(parse_zeep()) == ours, "zeep + mapping differs from the binding"
    assert plain(parse_etree()) == ours, "xml.etree differs from the binding"

    # ---- build: the same data through the three implementations ----
    data = encrypt_data()
    encrypt = gestpay.Encrypt.from_dict(data)
    envelope = encrypt.to_envelope()
    fields = wire_fields(ET.fromstring(envelope)[0][0])  # zeep's kwargs: the same data
    crypt = zeep_client("WSCryptDecrypt.reconstructed.wsdl")
    crypt_service = crypt.bind("WSCryptDecrypt", "WSCryptDecryptSoap")

    def build_gestpay_envelope() -> bytes:
        return gestpay.Encrypt.from_dict(data).to_envelope()

    def build_gestpay_http() -> Any:
        return gestpay.Encrypt.from_dict(data).to_http("test")

    def build_gestpay_prebuilt() -> bytes:
        return encrypt.to_envelope()

    def build_zeep() -> bytes:
        return lxml.etree.tostring(crypt.create_message(crypt_service, "Encrypt", **fields))

    def build_etree() -> bytes:
        return handwritten.build_envelope("Encrypt", CRYPT_NS, fields)

    wire = leaves(envelope)
    assert leaves(build_gestpay_http().body) == wire
    assert leaves(build_zeep()) == wire, "zeep's envelope differs from the binding's"
    assert leaves(build_etree()) == wire, "xml.etree's envelope differs from the binding's"

    groups: List[Tuple[str, str, Dict[str, Tuple[str, Callable[[], Any]]]]] = [
        ("parse", f"{READ_TRX.relative_to(ROOT)} ({len(body)} bytes) into objects", {
            "gestpay": ("`CallReadTrxS2SResult.from_http(status, content_type, body)`",
                        parse_gestpay),
            "zeep": ("`binding.process_reply` + the payload element mapped to the same "
                     "dataclasses", parse_zeep),
            "zeep (envelope only)": ("`binding.process_reply` alone: the `xs:any` payload "
                                     "stays an lxml element", parse_zeep_envelope),
            "xml.etree": ("hand-written `ElementTree` parser into the same dataclasses",
                          parse_etree),
            "gestpay: parse + read every field": (
                "`from_http` then every attribute read, nested ones too (`plain(result)`)",
                lambda: plain(parse_gestpay())),
        }),
        ("build", f"rich Encrypt ({len(wire)} leaf elements, {len(envelope)} bytes) from "
                  "nested dicts into the envelope bytes", {
            "gestpay": ("`Encrypt.from_dict(data).to_envelope()` (checked, validated)",
                        build_gestpay_envelope),
            "gestpay `to_http`": ("`Encrypt.from_dict(data).to_http(\"test\")`: + URL and "
                                  "headers", build_gestpay_http),
            "zeep": ("`client.create_message(service, \"Encrypt\", **fields)` + "
                     "`lxml.etree.tostring`", build_zeep),
            "xml.etree": ("generic dicts → `ElementTree` + `tostring` (no validation)",
                          build_etree),
            "gestpay: from_dict": ("`Encrypt.from_dict(data)`: the core's typed value, checked",
                                   lambda: gestpay.Encrypt.from_dict(data)),
            "gestpay: to_envelope (prebuilt)": ("`encrypt.to_envelope()` on a built object",
                                                build_gestpay_prebuilt),
            "gestpay: to_dict": ("`encrypt.to_dict()`: the core's value → the JSON shape",
                                 encrypt.to_dict),
        }),
    ]

    started = datetime.datetime.now(datetime.timezone.utc)
    load_before = os.getloadavg()[0]
    rows: List[Tuple[str, str, float, float, float, str, str]] = []
    summary: List[str] = []  # summary.tsv: target, measured, met (bench/run's summary table)
    for operation, _, cases in groups:
        print(f"measuring {operation} ({len(cases)} cases, {rounds} rounds)…", file=sys.stderr)
        times = measure({name: fn for name, (_, fn) in cases.items()}, rounds, sample_s)
        wall = {name: statistics.median(w for w, _ in t) * 1e6 for name, t in times.items()}
        cpu = {name: statistics.median(c for _, c in t) * 1e6 for name, t in times.items()}
        for name, (what, _) in cases.items():
            ratio = cpu[name] / cpu["gestpay"]
            target = TARGETS.get((operation, name))
            verdict = "" if target is None else \
                f"≥ {target:g}×: {'met' if ratio >= target else 'missed'}"
            rows.append((operation, name, cpu[name], wall[name], ratio, verdict, what))
            if target is not None:
                summary.append(f"Python {operation} ≥ {target:g}× {name}\t{ratio:.2f}×\t"
                               f"{'met' if ratio >= target else 'missed'}")

    # ---- against the core's own work on the same bytes and values (issue 16, item 4) ----
    print("measuring the core natively and the retained memory…", file=sys.stderr)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(data, f)
    native_parse = native("parse", "callReadTrxS2S", str(READ_TRX), CONTENT_TYPE)
    native_build = native("build", "Encrypt", f.name)
    os.unlink(f.name)
    wall_of = {(op, name): w for op, name, _, w, _, _, _ in rows}
    against = [
        ("parse", "gestpay", native_parse, 1.3, "native typed parse (`Operation::parse_result`)"),
        ("build", "gestpay: to_envelope (prebuilt)", native_build, 1.5,
         "native validated build (`to_envelope`) of the same typed value"),
        ("build", "gestpay", native_build, 3.0, "the same native build"),
    ]
    native_rows = []
    for op, name, core_us, limit, what in against:
        ratio = wall_of[(op, name)] / core_us
        verdict = f"≤ {limit:g}×: {'met' if ratio <= limit else 'missed'}"
        native_rows.append(f"| {op} | {name} | {wall_of[(op, name)]:,.1f} | {core_us:,.1f} | "
                           f"{ratio:.2f} | {verdict} | {what} |")
        summary.append(f"Python {op} {name} ≤ {limit:g}× native\t{ratio:.2f}×\t"
                       f"{'met' if ratio <= limit else 'missed'}")
    big = ROOT / "target" / "bench-13mb-read-trx.xml"
    if not big.exists():
        big.parent.mkdir(parents=True, exist_ok=True)
        # The hostile-input suite's 13 MB answer: an OK callReadTrxS2S with 100,000 events.
        event = (b"<event><eventtype>AUT</eventtype><eventamount>10.00</eventamount>"
                 b"<eventdate>19/08/16 16:13:14</eventdate><eventID>1</eventID></event>")
        ok = gestpay.CallReadTrxS2SResult(transaction_result="OK").to_envelope()
        big.write_bytes(ok.replace(b'<GestPayS2S xmlns="">',
                                   b'<GestPayS2S xmlns=""><Events>' + event * 100_000
                                   + b"</Events>"))
    kept, size, events = retained_memory(big)
    memory_ratio = kept / size
    summary.append(f"Python retained memory ≤ 2× the document\t{memory_ratio:.2f}×\t"
                   f"{'met' if memory_ratio <= 2 else 'missed'}")
    native_table = "\n".join([
        "| operation | Python | Python wall µs | core wall µs | ratio (× core) | target | core's work |",
        "| --- | --- | ---: | ---: | ---: | --- | --- |", *native_rows])
    memory_line = (f"Retained memory of a parsed result: a {size:,}-byte callReadTrxS2S answer "
                   f"with {events:,} events keeps {kept:,} bytes after the parse "
                   f"({memory_ratio:.2f}× the document; target ≤ 2×: "
                   f"{'met' if memory_ratio <= 2 else 'missed'}), measured as the resident set "
                   "of a fresh interpreter after the parse less before it.")

    load = (f"1-minute load average {load_before:.2f} at the start, "
            f"{os.getloadavg()[0]:.2f} at the end")
    lines = [
        "| operation | implementation | median CPU µs | median wall µs | ratio (× gestpay) "
        "| target | what is timed |",
        "| --- | --- | ---: | ---: | ---: | --- | --- |",
    ]
    for operation, name, cpu_us, wall_us, ratio, verdict, what in rows:
        lines.append(f"| {operation} | {name} | {cpu_us:,.1f} | {wall_us:,.1f} | {ratio:.2f} "
                     f"| {verdict} | {what} |")
    table = "\n".join(lines)
    machine = (f"{os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {cpu_model()}, "
               f"{platform.system()} {platform.release()}")
    documents = "\n".join(f"* {op}: {desc}" for op, desc, _ in groups)
    # The first line marks the file generated (bench/run drops it from the report).
    report = f"""<!-- Generated by bench/python/run.sh (bench/python/bench.py) — do not edit; \
run `bash bench/python/run.sh`. -->
# Python binding benchmark

Generated by `bench/python/run.sh` (`bench/python/bench.py`){' with --quick' if args.quick else ''}.

* date: {started:%Y-%m-%d %H:%M} UTC
* machine: {machine}; {load}
* software: {versions()}
* method: {rounds} interleaved rounds per operation, each sample a loop of about
  {sample_s * 1e3:g} ms of CPU with the garbage collector off, after a warm-up; the medians of
  the per-call times are shown, by the thread's CPU clock and by `perf_counter_ns`. Ratio = the
  implementation's median CPU time / gestpay's (above 1: gestpay is faster); CPU time because
  the machine is shared (wall time also counts the time the process waits for a core). Rows
  named `gestpay: …` split the binding's own time (they call private functions).
{documents}

{table}

Against the core itself (same bytes, same values, this run; the core measured by
`bench/src/bin/native.rs`, its median per call over the same rounds, wall clock on both sides):

{native_table}

{memory_line}

Targets (issue 16, item 4): parse through Python ≤ 1.3× the core's typed parse; build from a
request object ≤ 1.5× the core's validated build; `from_dict` + build ≤ 3×; retained memory ≤
2× the document. Targets (issue 4, item 8): parse ≥ 25× faster than zeep and ≥ 10× faster than hand-written
xml.etree; build ≥ 100× faster than zeep. See README.md beside this file for what each
implementation does and where the binding's time goes.
"""
    print()
    print(table)
    print()
    print(native_table)
    print(memory_line)
    if not args.no_write:
        (HERE / "results.md").write_text(report, encoding="utf-8")
        (HERE / "summary.tsv").write_text("".join(f"{line}\n" for line in summary),
                                          encoding="utf-8")
        print(f"\nwritten to {(HERE / 'results.md').relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
