# SPDX-License-Identifier: MIT
"""irio from Python: interregional input-output analysis on irio's C++ library.

    import irio
    t = irio.open("tables/data/wiod2011.h5")       # any layout irio reads (format=...)
    t.validate().status                            # the balance check: 'warning'
    m = t.multipliers()                            # pandas DataFrame, irio's tidy layout
    wwz = t.trade("wwz")                           # {table name: DataFrame}
    L = t.matrix("L")                              # NumPy array, formed on request

Every result method of `Table` calls the same library function as the `irio` command's verb and
returns the same columns as its CSV output (key columns as str, then `value` as float64, NaN for
NA): one DataFrame for a one-table result, a dict {table name: DataFrame} for several. Without
pandas, each table is a dict of NumPy columns instead. Errors are `irio.Error` subclasses with the
CLI's message and its exit code as `exit_code`. docs/python.md walks through it.
"""
import os as _os

import numpy as _np

try:
    from . import _irio
except ImportError as _e:  # the pure-Python files are there, the extension is not (or does not load)
    raise ImportError(
        f"irio: the compiled part of the module (irio._irio) is not built or does not load ({_e}). "
        "Build it with `bash setup.sh python` (Debian's pybind11-dev, python3-dev, python3-numpy; "
        "docs/python.md), or configure with -DIRIO_BUILD_PYTHON=ON and build the target irio_python."
    ) from _e
from ._frames import columns as tidy_columns  # noqa: F401  (re-exported)
from ._irio import BalanceError, Error, InputError, NumericalError, OutputError  # noqa: F401
from ._table import DEFAULT_MAX_BYTES, BalanceReport, Table, _path  # noqa: F401

__version__ = _irio.__version__
__all__ = ["open", "read_results", "sda", "panel", "from_arrays", "import_csv", "import_pymrio", "import_wiod", "import_ceads", "import_world", "Table",
           "BalanceReport", "tidy_columns", "Error", "InputError", "BalanceError", "NumericalError", "OutputError",
           "DEFAULT_MAX_BYTES", "MATRICES"]

#: The matrices `Table.matrix` forms.
MATRICES = tuple(_irio.matrix_names())


# --- opening and importing -------------------------------------------------------------------
_OPEN = _irio.open_defaults()  # the library's defaults (irio::OpenOptions), not repeated here


def open(path, format=_OPEN["format"], countries=None, year=None, backend=_OPEN["backend"],
         min_output_eps=_OPEN["min_output_eps"], rel_tol=_OPEN["rel_tol"], error_rel_tol=_OPEN["error_rel_tol"]):
    """Open a table in any layout irio reads (irio HDF5, labelled-CSV folder, pymrio, WIOD release
    folder, CEADs .xlsx, NBS .csv; world tables by name: format="oecd", "eora26", "figaro", "wiod2016", "adb",
    "exiobase" (IOT_<year>_<pxp|ixi>.zip or its folder), "gloria" (the release folder, with year=...);
    `format` as the CLI's --format, default by the path; docs/world-tables.md). countries: a
    region,country CSV (or a dict or DataFrame) replacing the table's map; year: the year of a WIOD
    folder (default 2011) or of a world-table folder; backend: the solver backend;
    rel_tol/error_rel_tol/min_output_eps: the balance check's. A world table's import notes (what
    was folded, dropped, what became V) go to irio's notices."""
    if countries is not None and not isinstance(countries, (str, _os.PathLike)):  # a dict or DataFrame
        return open(path, format, None, year, backend, min_output_eps, rel_tol, error_rel_tol).with_countries(countries)
    if year is None:
        year = "" if format in _WORLD_FORMATS + ("exiobase", "gloria") else _OPEN["wiod_year"]
    return Table(_irio.open_table(_path(path), format, _path(countries), str(year), backend, min_output_eps,
                                  rel_tol, error_rel_tol))


# --- world tables (issue 17 §1; docs/world-tables.md) ---------------------------------------------
_WORLD_FORMATS = ("oecd", "eora26", "figaro", "wiod2016", "adb")


def import_world(format, path, output, year=None, release="auto", keep_splits=False, price="bp", countries=None,
                 overwrite=False, backend="auto"):
    """`irio import oecd|eora26|figaro|wiod2016|adb PATH -o OUTPUT`: a world table into irio's HDF5 file; returns
    the Table, with `import_report` (the balance check) and `import_notes` (what the import did:
    rows folded, discrepancies dropped, what became V, units, satellites)."""
    if format not in _WORLD_FORMATS:
        raise ValueError(f"format must be one of {', '.join(_WORLD_FORMATS)}, got {format!r}")
    core, balance, notes = _irio.import_world(format, _path(path), _path(output), "" if year is None else str(year),
                                              release, keep_splits, price, _path(countries), overwrite, backend)
    t = Table(core, BalanceReport(balance))
    t.import_notes = list(notes)
    return t
# --- end of world tables


def from_arrays(Z, Y, regions=("R",), sectors=None, fd_categories=None, x=None, V=None, va_components=None,
                exports=None, export_labels=None, imports=None, import_labels=None, countries=None,
                name="table", unit="", year="", backend="auto", satellites=None):
    """A table from NumPy arrays (region-major: row r*N + i is sector i of region r).

    Z: n x n flows; Y: n x (regions x categories) final demand; x: gross output (default: row
    sums); V: value-added components (rows named by va_components); exports (n x k) / imports
    (k x n): exogenous trade; countries: the country of each region (default: each its own);
    satellites: {name: F} or {name: {"F": F, "stressors": [...], "units": [...], "F_Y": F_Y}}
    with F (k x n, or n values for one stressor) by producing region-sector and the optional F_Y
    (k x regions*categories) by final-demand column; a DataFrame F names its stressors by its
    index. Sector and category names default to '1', '2', ..."""
    Z = _np.asarray(Z, dtype=_np.float64)
    Y = _np.asarray(Y, dtype=_np.float64)
    Y = Y.reshape(-1, 1) if Y.ndim == 1 else Y
    regions = [str(r) for r in regions]
    G = max(len(regions), 1)
    sectors = [str(s) for s in sectors] if sectors is not None else [str(i + 1) for i in range(Z.shape[0] // G)]
    fd_categories = ([str(k) for k in fd_categories] if fd_categories is not None
                     else [str(k + 1) for k in range(Y.shape[1] // G)])

    def opt(a, ndim=2):
        return None if a is None else _np.asarray(a, dtype=_np.float64).reshape((-1,) if ndim == 1 else _np.shape(a))

    V = opt(V)
    if V is not None and V.ndim == 1:
        V = V.reshape(1, -1)
    va_components = list(va_components) if va_components is not None else (
        [] if V is None else [f"va{i + 1}" for i in range(V.shape[0])])
    exports, imports = opt(exports), opt(imports)
    export_labels = list(export_labels) if export_labels is not None else (
        [] if exports is None else [f"exports{i + 1}" for i in range(exports.shape[1])])
    import_labels = list(import_labels) if import_labels is not None else (
        [] if imports is None else [f"imports{i + 1}" for i in range(imports.shape[0])])
    sats = []
    for sat_name, spec in (satellites or {}).items():
        spec = dict(spec) if isinstance(spec, dict) else {"F": spec}
        if "F" not in spec:
            raise InputError(f"{name}: satellite '{sat_name}': no 'F' (k x n stressor matrix)")
        F = spec["F"]
        index = list(F.index) if hasattr(F, "index") and hasattr(F, "columns") else None
        F = _np.asarray(F, dtype=_np.float64)
        F = F.reshape(1, -1) if F.ndim == 1 else F
        stressors = [str(k) for k in spec.get("stressors") or index or
                     ([sat_name] if F.shape[0] == 1 else [f"{sat_name}{i + 1}" for i in range(F.shape[0])])]
        units = [str(u) for u in (spec.get("units") or [""] * len(stressors))]
        F_Y = spec.get("F_Y")
        F_Y = None if F_Y is None else _np.asarray(F_Y, dtype=_np.float64).reshape(F.shape[0], -1)
        sats.append((str(sat_name), stressors, units, F, F_Y))
    return Table(_irio.from_arrays(Z, Y, regions, sectors, fd_categories, opt(x, 1), V, va_components, exports,
                                   export_labels, imports, import_labels, [str(c) for c in (countries or [])],
                                   name, unit, str(year), backend, sats))


def _import(layout, output, csv=None, dir="", year=_OPEN["wiod_year"], group_eu=False, countries=None, meta=None,
            overwrite=False, backend="auto"):
    core, balance = _irio.import_table(layout, _path(output), csv or _irio.CsvImportOptions(), _path(dir),
                                       str(year), group_eu, _path(countries),
                                       {k: str(v) for k, v in (meta or {}).items() if v is not None},
                                       overwrite, backend)
    return Table(core, BalanceReport(balance))


def import_csv(output, Z, Y, V=None, x=None, exports=None, imports=None, satellites=None, countries=None,
               name=None, year=None, unit=None, price_basis=None, source=None, overwrite=False):
    """`irio import csv`: labelled CSV files into irio's HDF5 file `output`; returns the Table
    (its `import_report` is the balance check of the written table). satellites: {name: file}."""
    o = _irio.CsvImportOptions()
    o.Z, o.Y, o.V, o.x, o.exports, o.imports = (_path(p) for p in (Z, Y, V, x, exports, imports))
    o.satellites = [(k, _path(v)) for k, v in (satellites or {}).items()]
    return _import("csv", output, csv=o, countries=countries, overwrite=overwrite,
                   meta=dict(name=name, year=year, unit=unit, price_basis=price_basis, source=source))


def import_pymrio(dir, output, countries=None, overwrite=False, **meta):
    """`irio import pymrio`: a pymrio text folder into `output` (meta: name, year, unit, ...)."""
    return _import("pymrio", output, dir=dir, countries=countries, meta=meta, overwrite=overwrite)


def import_wiod(dir, output, year=_OPEN["wiod_year"], group_eu=False, countries=None, overwrite=False, **meta):
    """`irio import wiod`: one year of a WIOD release folder into `output`."""
    return _import("wiod", output, dir=dir, year=year, group_eu=group_eu, countries=countries, meta=meta,
                   overwrite=overwrite)


def import_ceads(input, output, sheet="", country=_OPEN["ceads_country"], rel_tol=_OPEN["ceads_rel_tol"], strict=False, overwrite=False):
    """`irio import ceads`: a CEADs provincial workbook (.xlsx) into `output`; returns the Table,
    whose `import_report` is the reader's report (the workbook's own totals checked)."""
    core, report = _irio.import_ceads(_path(input), _path(output), sheet, country, rel_tol, strict, overwrite,
                                      "auto")
    return Table(core, report)


# --- change over time (docs/regional.md, methods.md §10.4-§10.5) ----------------------------
def _with(t, countries):
    return t.with_countries(countries) if countries else t


def sda(t0, t1, quantity="value_added", groups=None, countries=None, region_concordance=None,
        sector_concordance=None, fd_split="level_mix"):
    """Structural decomposition of the change from table t0 to t1, as `irio sda` (one DataFrame
    quantity,scope,region,sector,factor,value). quantity: value_added, output, participation,
    footprint:SATELLITE[/STRESSOR], footprint_cba:SATELLITE[/STRESSOR]; countries: a region,country
    CSV for both tables; fd_split (as --fd-split): level_mix, category or destination."""
    from ._table import _groupings as _list

    a0, a1 = _with(t0, countries), _with(t1, countries)
    tables = _irio.sda(a0._core, a1._core, quantity, _list(groups), _path(region_concordance),
                       _path(sector_concordance), fd_split)
    return a1._out(tables)


def panel(tables, verb="chains", years=None, groups=None, countries=None, region_concordance=None,
          sector_concordance=None):
    """One verb (chains, circulation, multipliers) over several tables of one classification,
    stacked with a leading `year` column, as `irio panel`: {table name: DataFrame}."""
    from ._frames import frames
    from ._table import _groupings as _list

    ts = [_with(t, countries) for t in tables]
    out = _irio.panel([t._core for t in ts], verb, [str(y) for y in (years or [])], _list(groups),
                      _path(region_concordance), _path(sector_concordance))
    return frames(out, ts[0].source if ts else None, [x["name"] for x in out])


def read_results(path, run=None):
    """Tidy results stored in an irio HDF5 file (`irio VERB ... -o results.h5`) as DataFrames in
    the layout of the CSV results: a DataFrame for a one-table run, else {table: DataFrame}.
    `run` is the run's name (e.g. "multipliers", "trade_wwz"); it may be left out when the file
    holds one run. InputError naming the runs when it is ambiguous or unknown."""
    from ._frames import frames

    runs = _irio.result_runs(_path(path))
    if run is None:
        if len(runs) != 1:
            raise InputError(f"{path}: holds {len(runs)} runs ({', '.join(runs) or 'none'}); give run=NAME")
        run = runs[0]
    elif run not in runs:
        raise InputError(f"{path}: no run '{run}' (runs: {', '.join(runs) or 'none'})")
    return frames(_irio.read_results(_path(path), run), _path(path))
