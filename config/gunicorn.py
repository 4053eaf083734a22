"""gunicorn's settings, shared by `make run` (scripts/run) and the load benchmark
(bench/load.py): the figures in bench/README.md are the server a newcomer starts.

`gunicorn -c config/gunicorn.py config.wsgi:application`; the environment sets the port
(PORT), or the whole address (WEB_BIND, e.g. 10.0.0.11:8000 for a balancer on another
host: docs/deploy.md), the workers (WEB_WORKERS) and their threads (WEB_THREADS).
"""

from __future__ import annotations

import os

bind = os.environ.get("WEB_BIND") or f"127.0.0.1:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_WORKERS", "2"))
threads = int(os.environ.get("WEB_THREADS", "4"))
worker_class = os.environ.get("WEB_WORKER_CLASS", "gthread")
# No keep-alive: a kept-alive connection stays with the worker that accepted it, and under a
# steady load one worker ended up holding every connection while the other idled (half the
# throughput; bench/README.md). A new connection per request is spread over the workers.
keepalive = int(os.environ.get("WEB_KEEPALIVE", "0"))
timeout = 120
accesslog = os.environ.get("WEB_ACCESS_LOG", "-") or None
