# SPDX-License-Identifier: MIT
"""Tidy results of the extension (column dicts of NumPy arrays) as pandas DataFrames.

A tidy table arrives as {"name", "key_columns", "value_column", "codes", "levels", "values"}: each
key column as int32 codes into its list of levels (a factor), the value column as float64. The
DataFrame has the CLI's CSV columns in the same order: the key columns as str, then the value
column as float64 (NaN where the CSV writes NA). Without pandas, the columns come back as a dict of
NumPy arrays in that order.
"""
import numpy as np


def _pandas():
    try:
        import pandas
    except ImportError:  # pandas is optional: plain columns then
        return None
    return pandas


def columns(tidy):
    """The columns of one tidy table as {name: NumPy array}, in the CLI's order."""
    out = {}
    for name, codes, levels in zip(tidy["key_columns"], tidy["codes"], tidy["levels"]):
        out[name] = np.asarray(levels, dtype=object)[codes] if len(codes) else np.empty(0, dtype=object)
    out[tidy["value_column"]] = np.asarray(tidy["values"], dtype=np.float64)
    return out


def frame(tidy, source=None):
    """One tidy table as a DataFrame (or a dict of columns without pandas)."""
    cols = columns(tidy)
    pd = _pandas()
    if pd is None:
        return cols
    df = pd.DataFrame(cols, columns=list(cols))
    df.attrs["table"] = tidy["name"]
    if source is not None:
        df.attrs["source"] = source
    return df


def frames(tables, source=None, names=None):
    """A result: one DataFrame for a one-table result, else {table name: DataFrame} in order."""
    if len(tables) == 1 and names is None:
        return frame(tables[0], source)
    keys = names if names is not None else [t["name"] for t in tables]
    return {k: frame(t, source) for k, t in zip(keys, tables)}
