"""proofreader: a proofing engine for Chinese newspaper and magazine copy.

The engine is pure Python and never imports Qt; the desktop application in ``ui/``
is a thin layer over it.
"""

__version__ = "0.1.0"
