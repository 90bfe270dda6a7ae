import sys

from doksvar.cli import main

sys.exit(main())
