"""doksvar: ask a Swedish municipal report, get a cited answer."""

import sys

# Every `doksvar ask` is a new process, and most of its start is importing this package. Its modules
# are compiled once and kept in __pycache__, also where the environment asks Python not to write
# bytecode (PYTHONDONTWRITEBYTECODE, set in many containers): otherwise each question would compile
# them all anew (about 90 ms a process).
sys.dont_write_bytecode = False
