"""The I/O edge: turn a path or "-" into bytes, and write outputs atomically.

Everything the operating system can say no to is caught here and turned into
a one-line InputError/OutputError, so no traceback reaches the user and a
failed or interrupted run never leaves a half-written report behind.
"""

from __future__ import annotations

import os
import stat
import sys
from typing import BinaryIO, Iterable, Union

from natodiff.errors import InputError, OutputError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
STDIN_NAME = "<stdin>"
_TEMP_PREFIX = ".natodiff-"

# What an output is: its bytes, or its bytes in pieces, written as they come.
Data = Union[bytes, Iterable[bytes]]


def human_size(n: int) -> str:
    """Sizes for messages: "50 MB", "1.5 KB", "100 bytes" (binary units)."""
    if n < 1024:
        return f"{n} byte" if n == 1 else f"{n} bytes"
    size = float(n)
    for unit in ("KB", "MB", "GB", "TB"):
        size /= 1024
        if size < 1024 or unit == "TB":
            break
    text = f"{size:.1f}".removesuffix(".0")
    return f"{text} {unit}"


MAX_LIMIT = 1024**4  # a --max-size beyond any machine's memory is a typo, not a limit


def parse_size(value: str) -> int:
    """--max-size as bytes: "50M", "2G", "1.5K", "4096"; ValueError says what is wrong."""
    text = value.strip().upper().removesuffix("B")
    scale = {"K": 1024, "M": 1024**2, "G": 1024**3, "T": 1024**4}.get(text[-1:], 1)
    number = text[:-1] if scale > 1 else text
    try:
        size = float(number) * scale
    except ValueError:
        raise ValueError(f"not a size: {value!r} (try 50M)") from None
    if size != size or size in (float("inf"), float("-inf")):  # nan, inf
        raise ValueError(f"not a size: {value!r} (try 50M)")
    if int(size) <= 0:
        raise ValueError("must be positive")
    if size > MAX_LIMIT:
        raise ValueError(f"too large: {value!r} (at most {human_size(MAX_LIMIT)})")
    return int(size)


def _os_problem(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return (exc.strerror or str(exc) or type(exc).__name__).lower()


def read_input(
    arg: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> tuple[str, bytes]:
    """Read a whole input, refusing anything over ``max_bytes``.

    Reads at most ``max_bytes + 1`` bytes so a huge file (or an endless pipe)
    is detected without being loaded.
    """
    if arg == "-":
        name = STDIN_NAME
        if stdin is None and sys.stdin is None:  # started with stdin closed (<&-)
            raise InputError("standard input is closed", name=name)
        stream = stdin if stdin is not None else sys.stdin.buffer
        try:
            data = stream.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(_os_problem(exc), name=name) from exc
    else:
        name = arg
        try:
            with open(arg, "rb") as fh:
                data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(_os_problem(exc), name=name) from exc
        except ValueError as exc:  # e.g. an embedded NUL in the path
            raise InputError("invalid file name", name=name) from exc
    if len(data) > max_bytes:
        raise InputError(
            f"file is larger than the {human_size(max_bytes)} limit (use --max-size)",
            name=name,
        )
    return name, data


def _new_file_mode() -> int:
    """The mode open() would give a new file (mkstemp always uses 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write(path: str, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` so readers see the old file or the new one.

    "-" means stdout. BrokenPipeError from stdout is left to the CLI, which
    treats a closed pipe (``| head``) as a normal end rather than an error.
    """
    atomic_write_all([(path, data)], force=force)


def atomic_write_all(outputs: list[tuple[str, Data]], *, force: bool = False) -> None:
    """Write several files so that all of them are written or none is.

    An output is bytes or an iterable of pieces of bytes, consumed once as
    it is written. Every file is first written whole beside its target. Then
    stdout and special files (a FIFO, /dev/stdout, /dev/full), which cannot
    wait beside a target, are written; only when that went well do the
    staged files replace their targets (a rename each, which does not fail
    for lack of space).
    """
    staged: list[tuple[str, str, str, str]] = []  # (temp, target, directory, path as given)
    broken: BrokenPipeError | None = None
    try:
        for path, data in outputs:
            if path != "-" and not _is_special(path):
                staged.append((*_stage(path, data, force), path))
        for path, data in outputs:
            if path == "-":
                try:
                    write_stdout(data)
                except BrokenPipeError as exc:  # the reader stopped early (| head): not a failure to write
                    broken = exc
            elif _is_special(path):
                _write_through(path, data)  # /dev/stdout, a FIFO, >(process): nothing to replace
        for tmp, target, _, path in staged:
            try:
                os.replace(tmp, target)
            except OSError as exc:
                raise OutputError(_os_problem(exc), name=path) from exc
    except BaseException:
        # Also on KeyboardInterrupt/SystemExit: never leave a temp file behind.
        for tmp, *_ in staged:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        raise
    for _, _, directory, _ in staged:
        _fsync_dir(directory)
    if broken is not None:
        raise broken


def _pieces(data: Data) -> Iterable[bytes]:
    return (data,) if isinstance(data, bytes) else data


def _stage(path: str, data: Data, force: bool) -> tuple[str, str, str]:
    """``data`` written and synced to a temp file beside ``path``: (temp, target, directory)."""
    target = check_writable(path, force=force)
    directory = os.path.dirname(target) or "."
    try:
        mode = os.stat(target).st_mode & 0o7777 if os.path.exists(target) else _new_file_mode()
    except OSError:
        mode = _new_file_mode()
    import tempfile  # only a command that writes a file pays for it

    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=_TEMP_PREFIX, dir=directory)
        with os.fdopen(fd, "wb") as fh:
            for piece in _pieces(data):
                fh.write(piece)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        return tmp, target, directory
    except BaseException as exc:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        if isinstance(exc, FileNotFoundError) and tmp is None and os.path.isdir(directory):
            # The directory is there but takes no new file (/proc, /sys): not "no such file".
            raise OutputError(f"cannot create a file in {directory}", name=path) from exc
        if isinstance(exc, OSError):
            raise OutputError(_os_problem(exc), name=path) from exc
        raise


STDOUT_NAME = "<stdout>"


def write_stdout(data: str | Data) -> None:
    """Write to stdout (text as the stream encodes it, bytes or pieces of bytes as they are).

    A closed stdout (``>&-``) or a failing one (``> /dev/full``) is an
    OutputError; BrokenPipeError is left to the CLI (``| head`` is no error).
    """
    if sys.stdout is None:
        raise OutputError("standard output is closed", name=STDOUT_NAME)
    try:
        if isinstance(data, str):
            sys.stdout.write(data)
            sys.stdout.flush()
        else:
            for piece in _pieces(data):
                sys.stdout.buffer.write(piece)
            sys.stdout.buffer.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        # What is still buffered would fail again when Python flushes at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        raise OutputError(_os_problem(exc), name=STDOUT_NAME) from exc


def check_distinct(memo: str, output: str | None) -> None:
    """Refuse two outputs that are one file: the second write would replace the first."""
    if output is None or "-" in (memo, output):
        return
    same = os.path.realpath(memo) == os.path.realpath(output)
    try:
        same = same or os.path.samefile(memo, output)  # hard links
    except OSError:  # one of them does not exist yet
        pass
    if same:
        raise OutputError("--memo and --output name the same file", name=output)


def check_writable(path: str, *, force: bool = False) -> str:
    """The file a write to ``path`` would replace, or OutputError; checked before any work is written."""
    if path == "-" or _is_special(path):
        return path
    target = os.path.realpath(path) if os.path.islink(path) else path  # write through a symlink
    if not os.path.isdir(os.path.dirname(target) or "."):
        raise OutputError("directory does not exist", name=path)
    if os.path.isdir(target):
        raise OutputError("is a directory", name=path)
    if os.path.lexists(path) and not force:
        raise OutputError("file exists (use --force to overwrite)", name=path)
    return target


def _is_special(path: str) -> bool:
    """An existing output that is not a regular file or a directory (a device, a pipe)."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    return not (stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode))


def _write_through(path: str, data: Data) -> None:
    try:
        with open(path, "wb") as fh:
            for piece in _pieces(data):
                fh.write(piece)
    except OSError as exc:
        raise OutputError(_os_problem(exc), name=path) from exc


def _fsync_dir(directory: str) -> None:
    """Make the rename durable; best effort (not possible on every platform)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write_text(path: str, text: str, *, force: bool = False) -> None:
    """atomic_write for text, always UTF-8 (also on stdout, whatever the locale)."""
    atomic_write(path, text.encode("utf-8"), force=force)


def stop_processes(processes) -> None:
    """Terminate worker processes and wait for them, a second each at most."""
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(1)
        if process.is_alive():
            process.kill()
            process.join(1)
