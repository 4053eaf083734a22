"""Balanced load: throughput through HAProxy in front of two app servers, against one server.

Run:  scripts/ensure-balancer
      DATABASE_URL=postgres://... CACHE_URL=redis://... \
        .venv/bin/python bench/balanced.py [--clients 16] [--duration 10] [--only NAME ...]

With bench/load.py's helpers (imported) and settings (DEBUG off, the manifest static files,
gunicorn from config/gunicorn.py: WEB_WORKERS x WEB_THREADS each) it prepares the database
as `make run` does (`setup_site`, unless --no-setup), opens a session as the office's
director and drives a few pages (`--only`, names from bench/pages.py; /healthz always) in
three set-ups, one after the other, for `--duration` seconds each, with `--clients`
concurrent clients (locust, no wait between requests):

- one:        the clients straight to one gunicorn;
- balancer-1: the same gunicorn behind HAProxy (what the balancer costs);
- balancer-2: HAProxy spreading over two gunicorns (round robin, health-checked on
              /healthz), the deployment of docs/deploy.md on one machine.

Every process shares the one database and the one cache of the environment (set CACHE_URL
and TASKS_URL to Redis for the deployment's figures). It prints requests/s, p50/p95 and the
throughput of each set-up against "one". On one machine the servers share its cores: the
figure says what the balancer and a second server cost or bring here, not what a second
host would bring (each host adds its own cores).
"""

from __future__ import annotations

# locust patches the standard library for gevent on import: before anything else.
from locust import FastHttpUser  # noqa: F401  # isort: skip

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import (  # noqa: E402
    Run,
    drive,
    manage,
    read_context,
    server_env,
    start_server,
    warm_up,
)
from bench.pages import HEALTHZ, PAGES  # noqa: E402

DEFAULT_PAGES = ["office home", "partnership list", "city page", "API office partnerships"]

HAPROXY_CONFIG = """
global
    maxconn 1024
defaults
    mode http
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    # the clients' connections are kept; each request opens its own to a server
    # (gunicorn runs without keep-alive: config/gunicorn.py)
    option http-server-close
    option forwardfor
frontend peyvand
    bind 127.0.0.1:{port}
    default_backend apps
backend apps
    balance roundrobin
    option httpchk GET /healthz
    http-check expect status 200
{servers}
"""


def haproxy_binary() -> str:
    found = shutil.which("haproxy") or (
        "/usr/sbin/haproxy" if Path("/usr/sbin/haproxy").exists() else ""
    )
    if not found:
        raise SystemExit(
            "HAProxy is missing: run scripts/ensure-balancer (apt-get install haproxy)"
        )
    return found


def start_balancer(port: int, backends: list[int], folder: Path) -> subprocess.Popen[bytes]:
    servers = "\n".join(
        f"    server app{n} 127.0.0.1:{backend} check inter 2s"
        for n, backend in enumerate(backends)
    )
    config = folder / f"haproxy-{port}.cfg"
    config.write_text(HAPROXY_CONFIG.format(port=port, servers=servers), encoding="utf-8")
    check = subprocess.run([haproxy_binary(), "-c", "-q", "-f", str(config)], capture_output=True)
    if check.returncode:
        raise SystemExit(f"haproxy refused its configuration: {check.stderr.decode()}")
    balancer = subprocess.Popen([haproxy_binary(), "-db", "-f", str(config)])
    for _ in range(60):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
                if answer.status == 200:
                    time.sleep(2.5)  # every server's first health check passed
                    return balancer
        except OSError:
            pass
        if balancer.poll() is not None:
            raise SystemExit("haproxy did not start")
        time.sleep(0.5)
    balancer.terminate()
    raise SystemExit("haproxy did not answer /healthz")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--duration", type=float, default=10.0, help="seconds a run")
    parser.add_argument("--only", nargs="+", default=DEFAULT_PAGES, help="page names")
    parser.add_argument("--port", type=int, default=8770, help="the first of four ports")
    parser.add_argument("--no-setup", action="store_true", help="skip `manage.py setup_site`")
    args = parser.parse_args()

    app_ports = [args.port, args.port + 1]
    lb_ports = [args.port + 2, args.port + 3]
    envs = [server_env(port) for port in app_ports]
    env = envs[0]
    print(f"command: {' '.join(sys.argv)}", flush=True)
    print(
        f"database: {env.get('DATABASE_URL') or 'sqlite'}; cache: "
        f"{env.get('CACHE_URL') or 'database'}; tasks: {env.get('TASKS_URL') or 'database'}; "
        f"{os.cpu_count()} CPUs, load average "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}; each gunicorn "
        f"{env.get('WEB_WORKERS', '2')} workers x {env.get('WEB_THREADS', '4')} threads",
        flush=True,
    )
    if not args.no_setup:
        manage(env, "setup_site")
    context = read_context(env, "", "")
    pages = [HEALTHZ, *(page for page in PAGES if page.name in args.only)]
    servers = [start_server(one, port) for one, port in zip(envs, app_ports, strict=True)]
    balancers: list[subprocess.Popen[bytes]] = []
    results: dict[str, dict[str, Run]] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="peyvand-balancer-") as folder:
            balancers.append(start_balancer(lb_ports[0], app_ports[:1], Path(folder)))
            balancers.append(start_balancer(lb_ports[1], app_ports, Path(folder)))
            setups = [
                ("one", app_ports[0], servers[0]),
                ("balancer-1", lb_ports[0], servers[0]),
                ("balancer-2", lb_ports[1], servers),
            ]
            for page in pages:
                path = page.path.format(**context)
                for port in app_ports:
                    warm_up(f"http://127.0.0.1:{port}", path, context["sessionid"])
                for name, port, procs in setups:
                    run = drive(
                        procs,  # type: ignore[arg-type]
                        f"http://127.0.0.1:{port}",
                        page,
                        path,
                        context["sessionid"],
                        args.clients,
                        args.duration,
                    )
                    results.setdefault(page.name, {})[name] = run
                    print(
                        f"{page.name} via {name}: {run.rps:.1f}/s, p50 {run.p50:.0f} ms, "
                        f"p95 {run.p95:.0f} ms, {run.errors} errors",
                        flush=True,
                    )
    finally:
        for process in [*balancers, *servers]:
            process.terminate()
        for process in [*balancers, *servers]:
            process.wait(timeout=30)
    print()
    print(
        "| page | one server | HAProxy + 1 server | HAProxy + 2 servers | 2 servers / one "
        "| p95 one / HAProxy + 2 | errors |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, runs in results.items():
        one, lb1, lb2 = runs["one"], runs["balancer-1"], runs["balancer-2"]
        errors = one.errors + lb1.errors + lb2.errors
        print(
            f"| {name} | {one.rps:.1f}/s | {lb1.rps:.1f}/s | {lb2.rps:.1f}/s "
            f"| {lb2.rps / max(one.rps, 0.1):.2f} | {one.p95:.0f} / {lb2.p95:.0f} ms | {errors} |"
        )
    failed = any(run.errors for runs in results.values() for run in runs.values())
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
