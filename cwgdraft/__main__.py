"""`python -m cwgdraft`: the command line."""

import gc

# A command is a short process (see `cli.main`): the cycle collector waits from the first import.
gc.disable()

from cwgdraft.cli import run  # noqa: E402

run()
