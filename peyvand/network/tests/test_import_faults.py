"""import_world on files that cannot be read, and an import interrupted midway: the file
and the problem are named (no traceback), nothing is written, and a retry works."""

from __future__ import annotations

import gzip
import io
import shutil
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from peyvand.network.atlas.importer.parse import load_world
from peyvand.network.models import Twinning
from peyvand.places.models import City, Country

GOOD = Path(__file__).parent / "data" / "good"


def world_copy(tmp_path: Path) -> Path:
    target = tmp_path / "world"
    shutil.copytree(GOOD, target)
    return target


def gzip_file(path: Path) -> Path:
    packed = path.with_name(path.name + ".gz")
    packed.write_bytes(gzip.compress(path.read_bytes()))
    path.unlink()
    return packed


def refused(data: Path) -> str:
    err = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError) as stopped:
        call_command("import_world", "--data", str(data), stdout=io.StringIO(), stderr=err)
    assert "nothing was imported" in str(stopped.value)
    return err.getvalue()


def nothing_written() -> bool:
    return not (Country.objects.exists() or City.objects.exists() or Twinning.objects.exists())


@pytest.mark.django_db
def test_a_truncated_gz_names_the_file_and_says_it_is_cut_short(tmp_path: Path) -> None:
    data = world_copy(tmp_path)
    packed = gzip_file(data / "cities.csv")
    packed.write_bytes(packed.read_bytes()[: packed.stat().st_size // 2])
    err = refused(data)
    assert "cities.csv.gz:0: cannot be read: the compressed file is damaged or cut short" in err
    assert "Traceback" not in err and nothing_written()


@pytest.mark.django_db
def test_a_file_that_is_not_gzip_at_all_is_named_too(tmp_path: Path) -> None:
    data = world_copy(tmp_path)
    (data / "twinnings.csv").unlink()
    (data / "twinnings.csv.gz").write_bytes(b"city_a_id,city_b_id\n")  # plain text, .gz name
    err = refused(data)
    assert "twinnings.csv.gz:0: cannot be read: the compressed file is damaged" in err
    assert nothing_written()


@pytest.mark.django_db
def test_invalid_utf8_names_the_file_the_line_and_the_byte(tmp_path: Path) -> None:
    data = world_copy(tmp_path)
    path = data / "countries.csv"
    lines = path.read_bytes().split(b"\n")
    lines[2] = lines[2] + b"\xff"
    path.write_bytes(b"\n".join(lines))
    err = refused(data)
    assert "countries.csv:3: is not UTF-8 text: byte 0xff at position" in err
    assert nothing_written()


@pytest.mark.django_db
def test_invalid_utf8_inside_a_gz_is_named_as_the_gz(tmp_path: Path) -> None:
    data = world_copy(tmp_path)
    path = data / "city_names_fa.csv"
    path.write_bytes(path.read_bytes() + "تهران".encode()[:-1] + b"\n")  # half a letter
    gzip_file(path)
    assert "city_names_fa.csv.gz:" in refused(data)


def test_a_field_longer_than_the_csv_reader_takes_is_a_problem_not_a_crash(
    tmp_path: Path,
) -> None:
    data = world_copy(tmp_path)
    path = data / "countries.csv"
    path.write_text(path.read_text(encoding="utf-8") + 'XX,"' + "a" * 200_000 + '"\n')
    with translation.override("en"):
        problems = [str(p) for p in load_world(data).problems]
    assert any(p.startswith("countries.csv:") and "cannot be read as CSV" in p for p in problems)


@pytest.mark.django_db
def test_an_import_interrupted_midway_writes_nothing_and_a_retry_works(tmp_path: Path) -> None:
    """The process dies (here: an error) after the countries and cities were written and
    before the links: the one transaction takes every row back."""
    data = world_copy(tmp_path)
    with (
        mock.patch(
            "peyvand.network.atlas.importer.upsert._upsert_links",
            side_effect=KeyboardInterrupt("killed"),
        ),
        pytest.raises(KeyboardInterrupt),
    ):
        call_command("import_world", "--data", str(data), stdout=io.StringIO())
    assert nothing_written()
    call_command("import_world", "--data", str(data), stdout=io.StringIO())
    assert (Country.objects.count(), City.objects.count(), Twinning.objects.count()) == (6, 9, 7)


@pytest.mark.django_db
def test_an_empty_file_is_a_problem_not_an_empty_table(tmp_path: Path) -> None:
    data = world_copy(tmp_path)
    (data / "twinnings.csv").unlink()
    (data / "twinnings.csv.gz").write_bytes(gzip.compress(b""))
    assert "twinnings.csv.gz:0: is empty: not even a header line" in refused(data)
    assert nothing_written()
