"""The rows the permission matrix lacks, with the answers their routes give now.

    make permission-rows            # print them
    make permission-rows WRITE=1    # add them to docs/permissions.csv (kept in order)

It runs the matrix's cases of the routes without a row (`-k MISSING`) and collects what
each actor was answered. A printed row is a proposal: read every answer (is a viewer
really allowed? does another office's director get 404?) before you commit it.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

TABLE = Path(__file__).resolve().parents[3] / "docs" / "permissions.csv"
TEST = Path(__file__).with_name("test_permission_matrix.py")


def sort_key(key: tuple[str, str]) -> tuple[bool, str, int, str]:
    """The table's order: pages first (by name), then the API (by path); GET before the
    writes."""
    route, method = key
    order = ("GET", "POST", "PUT", "PATCH", "DELETE")
    rank = order.index(method) if method in order else len(order)
    return (route.startswith("/api/v1/"), route, rank, method)


def missing_rows() -> list[str]:
    with tempfile.NamedTemporaryFile("r", suffix=".csv", encoding="utf-8") as out:
        env = {**os.environ, "PEYVAND_TESTING": "1", "PEYVAND_PERMISSION_ROWS_OUT": out.name}
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(TEST)]
        run = subprocess.run(
            [*command, "-k", "MISSING", "--no-header", "-rN"], env=env, check=False
        )
        if run.returncode not in (0, 1, 5):  # 1: rows missing; 5: none missing
            raise SystemExit(f"the matrix did not run (pytest's exit code {run.returncode})")
        lines = [line for line in out.read().splitlines() if line]
        if run.returncode == 1 and not lines:
            print("\nThe failures above are not missing rows: fix them first.")
        return lines


def write(lines: list[str]) -> None:
    """The table with the new rows, sorted by route and method (pages, then the API)."""
    with TABLE.open(encoding="utf-8", newline="") as handle:
        table: list[list[str]] = [list(row) for row in csv.reader(handle)]
    header, rows = table[0], table[1:]
    rows += [list(row) for row in csv.reader(io.StringIO("\n".join(lines)))]
    ordered = sorted(rows, key=_row_key)
    with TABLE.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(ordered)


def _row_key(row: list[str]) -> tuple[bool, str, int, str]:
    return sort_key((row[0], row[1]))


def main(argv: list[str]) -> int:
    lines = missing_rows()
    if not lines:
        print("Every route and operation has its row.")
        return 0
    print(f"\n{len(lines)} missing rows ({TABLE.relative_to(Path.cwd())}):")
    print("\n".join(lines))
    if "--write" in argv:
        write(lines)
        print(f"Added to {TABLE}: check each answer before you commit it.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
