"""Property tests (hypothesis) of the world importer's reading: whatever a file holds
(any cell, any header, any bytes, a damaged .gz), reading it gives data and problems that
name the file, never an exception."""

from __future__ import annotations

import csv
import gzip
import io
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from peyvand.network.atlas.importer.data import FILES, Problem
from peyvand.network.atlas.importer.parse import load_world
from peyvand.network.atlas.importer.reader import Reader

GOOD = Path(__file__).parent / "data" / "good"
FAST = settings(max_examples=60, deadline=None)

cells = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", "IR", "gn:112931", "1e999", "nan", "-0", "٣٤", "9" * 5000, "\x00"]),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)


@FAST
@given(cells)
def test_a_cell_is_a_value_or_a_problem(value: str) -> None:
    problems: list[Problem] = []
    reader = Reader("cities.csv", problems)
    row = {"population": value, "lat": value, "name_en": value}
    number = reader.integer(row, "population", minimum=0, maximum=10**12)
    assert number is None or 0 <= number <= 10**12
    coordinate = reader.coordinate(row, "lat", 90.0)
    assert coordinate is None or -90.0 <= coordinate <= 90.0
    assert len(reader.text(row, "name_en", 20)) <= 20
    assert all(isinstance(p, Problem) and p.file == "cities.csv" for p in problems)


def _load_with(name: str, write: Callable[[Path], None]) -> list[Problem]:
    with tempfile.TemporaryDirectory() as work:
        data = Path(work)
        for path in GOOD.iterdir():
            shutil.copy(path, data / path.name)
        (data / name).unlink(missing_ok=True)
        write(data)
        return load_world(data).problems


def _names(problems: list[Problem]) -> set[str]:
    return {problem.file for problem in problems}


FILE_NAMES = st.sampled_from(["countries.csv", "cities.csv", "city_names_fa.csv", "twinnings.csv"])


@FAST
@given(
    FILE_NAMES,
    st.lists(st.lists(cells, min_size=0, max_size=8), min_size=0, max_size=6),
    st.booleans(),
)
def test_any_rows_read_as_data_or_problems(
    name: str, rows: list[list[str]], keep_header: bool
) -> None:
    """The good file's header (or none) with rows of any cells, any width."""
    header = (GOOD / name).read_text(encoding="utf-8").splitlines()[0]

    def write(data: Path) -> None:
        out = io.StringIO()
        if keep_header:
            out.write(header + "\n")
        csv.writer(out).writerows(rows)
        (data / name).write_text(out.getvalue(), encoding="utf-8")

    problems = _load_with(name, write)
    assert _names(problems) <= set(FILES.values()) | {name}


@FAST
@given(FILE_NAMES, st.binary(max_size=300), st.booleans())
def test_any_bytes_read_as_data_or_problems(name: str, raw: bytes, packed: bool) -> None:
    """Any bytes, as a .csv or as a .gz (most of which are not gzip at all)."""

    def write(data: Path) -> None:
        (data / (name + ".gz" if packed else name)).write_bytes(raw)

    problems = _load_with(name, write)
    assert all(isinstance(p, Problem) and str(p) for p in problems)


@FAST
@given(FILE_NAMES, st.integers(min_value=0, max_value=400))
def test_a_gz_cut_anywhere_is_a_problem_of_that_file(name: str, cut: int) -> None:
    whole = gzip.compress((GOOD / name).read_bytes())
    cut = min(cut, len(whole) - 1)

    def write(data: Path) -> None:
        (data / name).unlink(missing_ok=True)
        (data / (name + ".gz")).write_bytes(whole[:cut])

    problems = _load_with(name, write)
    assert f"{name}.gz" in _names(problems)
