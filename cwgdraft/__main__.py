"""`python -m cwgdraft`: the command line."""

import gc
import sys

# A command is a short process (see `cli.main`): the cycle collector waits from the first import.
gc.disable()

from cwgdraft.cli import main  # noqa: E402

sys.exit(main())
