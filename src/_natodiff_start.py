"""The ``natodiff`` command's entry point, outside the package on purpose.

Importing the package (the core, then typer and rich) takes tens of
milliseconds; a Ctrl-C then would end in a KeyboardInterrupt traceback.
Here nothing is imported before Ctrl-C is set to exit 130 quietly.
"""

import signal


def _interrupted(signum, frame):
    raise SystemExit(130)


def main() -> None:
    # A SIGINT ignored by whoever started us (nohup, a background job) stays ignored.
    quiet = signal.getsignal(signal.SIGINT) is signal.default_int_handler
    if quiet:
        signal.signal(signal.SIGINT, _interrupted)
    from natodiff.cli import main as run

    if quiet:
        signal.signal(signal.SIGINT, signal.default_int_handler)  # from here on the CLI's guard handles it
    run()
