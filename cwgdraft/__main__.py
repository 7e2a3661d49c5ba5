"""`python -m cwgdraft`: the command line."""

import sys

from cwgdraft.cli import main

sys.exit(main())
