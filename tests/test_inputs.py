"""The I/O edge: what a user sees when a path is wrong, and that writes are atomic."""

from __future__ import annotations

import io
import os
import stat
import sys

import pytest

from natodiff import inputs
from natodiff.errors import InputError, OutputError
from natodiff.inputs import DEFAULT_MAX_BYTES, atomic_write, atomic_write_text, read_input


# ---------------------------------------------------------------- read_input


def test_reads_a_file(tmp_path):
    path = tmp_path / "source.txt"
    path.write_bytes(b"NATO said.\n")
    assert read_input(str(path)) == (str(path), b"NATO said.\n")


def test_dash_reads_stdin_bytes():
    assert read_input("-", stdin=io.BytesIO(b"\xff\xfebytes")) == ("<stdin>", b"\xff\xfebytes")


def test_dash_uses_sys_stdin_buffer_by_default(monkeypatch):
    fake = io.TextIOWrapper(io.BytesIO(b"piped text"))
    monkeypatch.setattr(sys, "stdin", fake)
    assert read_input("-") == ("<stdin>", b"piped text")


def test_missing_file(tmp_path):
    missing = str(tmp_path / "nope.txt")
    with pytest.raises(InputError) as info:
        read_input(missing)
    assert info.value.problem == "no such file"
    assert info.value.name == missing
    assert str(info.value) == f"{missing}: no such file"


def test_directory(tmp_path):
    with pytest.raises(InputError, match=r"is a directory$"):
        read_input(str(tmp_path))


def test_path_through_a_file_is_not_a_directory(tmp_path):
    path = tmp_path / "file.txt"
    path.write_text("x")
    with pytest.raises(InputError) as info:
        read_input(str(path / "child.txt"))
    assert info.value.problem == "not a directory"


def test_embedded_nul_in_path_is_an_input_error():
    with pytest.raises(InputError) as info:
        read_input("bad\0name.txt")
    assert info.value.problem == "invalid file name"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads anything")
def test_permission_denied(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("x")
    path.chmod(0)
    try:
        with pytest.raises(InputError) as info:
            read_input(str(path))
    finally:
        path.chmod(0o600)
    assert info.value.problem == "permission denied"


def test_permission_denied_message(monkeypatch):
    """Runs even as root: the message for EACCES, whatever raised it."""

    def deny(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", deny)
    with pytest.raises(InputError) as info:
        read_input("article.txt")
    assert info.value.problem == "permission denied"


def test_other_os_errors_become_their_lowercased_strerror(monkeypatch):
    def fail(*args, **kwargs):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr("builtins.open", fail)
    with pytest.raises(InputError) as info:
        read_input("article.txt")
    assert info.value.problem == "input/output error"


def test_exactly_at_the_limit_is_fine(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 10)
    assert read_input(str(path), max_bytes=10)[1] == b"x" * 10


def test_over_the_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 11)
    with pytest.raises(InputError) as info:
        read_input(str(path), max_bytes=10)
    assert info.value.problem == "file is larger than the 10 bytes limit (use --max-size)"


def test_default_limit_message_says_50_mb(monkeypatch):
    class Huge(io.RawIOBase):
        """Endless stdin: must be refused after max_bytes + 1, not read forever."""

        requested: list[int] = []

        def read(self, n=-1):
            assert n != -1, "read_input must bound the read"
            self.requested.append(n)
            return b"x" * n

    stream = Huge()
    with pytest.raises(InputError) as info:
        read_input("-", stdin=stream)
    assert info.value.problem == "file is larger than the 50 MB limit (use --max-size)"
    assert info.value.name == "<stdin>"
    assert stream.requested == [DEFAULT_MAX_BYTES + 1]


def test_stdin_over_the_limit():
    with pytest.raises(InputError, match="larger than the 4 bytes limit"):
        read_input("-", stdin=io.BytesIO(b"12345"), max_bytes=4)


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "1 byte"), (1023, "1023 bytes"), (1536, "1.5 KB"), (50 * 1024 * 1024, "50 MB")],
)
def test_human_size(n, text):
    assert inputs.human_size(n) == text


# ---------------------------------------------------------------- atomic_write


def _temp_files(directory):
    return [p for p in os.listdir(directory) if p.startswith(".natodiff-")]


def test_writes_new_file(tmp_path):
    target = tmp_path / "report.html"
    atomic_write(str(target), b"<p>hi</p>")
    assert target.read_bytes() == b"<p>hi</p>"
    assert _temp_files(tmp_path) == []


def test_new_file_gets_normal_permissions_not_mkstemp_0600(tmp_path):
    target = tmp_path / "report.txt"
    umask = os.umask(0o022)
    try:
        atomic_write(str(target), b"x")
    finally:
        os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o644


def test_refuses_to_overwrite_without_force(tmp_path):
    target = tmp_path / "report.txt"
    target.write_bytes(b"old")
    with pytest.raises(OutputError) as info:
        atomic_write(str(target), b"new")
    assert info.value.problem == "file exists (use --force to overwrite)"
    assert target.read_bytes() == b"old"


def test_force_overwrites_and_keeps_mode(tmp_path):
    target = tmp_path / "report.txt"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write(str(target), b"new", force=True)
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640


def test_missing_directory(tmp_path):
    with pytest.raises(OutputError) as info:
        atomic_write(str(tmp_path / "no" / "such" / "out.txt"), b"x")
    assert info.value.problem == "directory does not exist"


def test_target_is_a_directory(tmp_path):
    (tmp_path / "out").mkdir()
    with pytest.raises(OutputError) as info:
        atomic_write(str(tmp_path / "out"), b"x", force=True)
    assert info.value.problem == "is a directory"


def test_relative_path_in_current_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    atomic_write("out.txt", b"x")
    assert (tmp_path / "out.txt").read_bytes() == b"x"


@pytest.mark.parametrize("exc", [KeyboardInterrupt, SystemExit])
def test_interrupt_during_replace_leaves_no_temp_file(tmp_path, monkeypatch, exc):
    target = tmp_path / "report.txt"
    target.write_bytes(b"old")

    def interrupted(*args):
        raise exc()

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(exc):
        atomic_write(str(target), b"new", force=True)
    assert target.read_bytes() == b"old"
    assert _temp_files(tmp_path) == []


def test_interrupt_during_write_leaves_no_file(tmp_path, monkeypatch):
    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(str(tmp_path / "report.txt"), b"new")
    assert os.listdir(tmp_path) == []


def test_os_error_becomes_output_error_and_cleans_up(tmp_path, monkeypatch):
    def full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(OutputError) as info:
        atomic_write(str(tmp_path / "report.txt"), b"new")
    assert info.value.problem == "no space left on device"
    assert os.listdir(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes anywhere")
def test_unwritable_directory(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(OutputError) as info:
            atomic_write(str(locked / "out.txt"), b"x")
    finally:
        locked.chmod(0o700)
    assert info.value.problem == "permission denied"


def test_dash_writes_bytes_to_stdout(monkeypatch):
    buffer = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(buffer))
    atomic_write("-", b"\x00raw")
    assert buffer.getvalue() == b"\x00raw"


def test_text_is_utf8_even_on_stdout(monkeypatch):
    buffer = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(buffer, encoding="ascii"))
    atomic_write_text("-", "Stoltenberg — “Ukraine”")
    assert buffer.getvalue().decode("utf-8") == "Stoltenberg — “Ukraine”"


def test_text_to_file(tmp_path):
    target = tmp_path / "r.md"
    atomic_write_text(str(target), "café\n")
    assert target.read_bytes() == "café\n".encode()
    with pytest.raises(OutputError, match="file exists"):
        atomic_write_text(str(target), "again")
    atomic_write_text(str(target), "again", force=True)
    assert target.read_text(encoding="utf-8") == "again"


def test_force_writes_through_a_symlink(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    atomic_write(str(link), b"new", force=True)
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_a_fifo_is_written_to_not_replaced(tmp_path):
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    atomic_write(str(fifo), b"report", force=False)  # writing into a pipe overwrites nothing
    reader.join(timeout=10)
    assert got == [b"report"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
