"""duokong: who is bullish (多) and who is bearish (空) on NVIDIA and DeepSeek.

The library does no work at import time: dictionaries, models and settings load on first use.
"""

__version__ = "0.1.0"
