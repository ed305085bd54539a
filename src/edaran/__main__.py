"""``python -m edaran``: the same as the ``edaran`` command."""

import sys

from edaran.cli.main import main

sys.exit(main())
