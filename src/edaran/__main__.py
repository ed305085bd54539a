"""``python -m edaran``: the same as the ``edaran`` command."""

import sys

from edaran.cli import main

sys.exit(main())
