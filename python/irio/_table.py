# SPDX-License-Identifier: MIT
"""irio.Table (one table, its balance check and its Leontief model) and irio.BalanceReport."""
import os as _os

import numpy as _np

from . import _verbs
from ._frames import frames as _frames
from ._irio import BalanceError, InputError

#: Default of `Table.matrix(max_bytes=...)`: a full matrix larger than this (1 GiB, an n x n
#: float64 matrix up to n = 11585) is refused with the estimate in the message.
DEFAULT_MAX_BYTES = 1 << 30


def _path(p):
    return "" if p is None else _os.fspath(p)


def _list(v):
    if v is None:
        return []
    return [v] if isinstance(v, (str, _os.PathLike)) else [_os.fspath(x) for x in v]


# Tables given as DataFrames or dicts are written as CSV files that the library reads: one
# folder for the process, removed when the interpreter exits.
_tmp = None


def _temp_csv(name, header, rows):
    """Write rows under a header to <temp>/<k>/<name>.csv (the file name is what the library
    calls a grouping) and return the path."""
    global _tmp
    import csv
    import tempfile

    if _tmp is None:
        _tmp = tempfile.TemporaryDirectory(prefix="irio_py_")
    folder = tempfile.mkdtemp(dir=_tmp.name)
    path = _os.path.join(folder, f"{name}.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


def _is_table(v):
    return hasattr(v, "columns") or isinstance(v, dict) or (hasattr(v, "index") and hasattr(v, "to_dict"))


def _columns(v, what):
    """{column: list} of a DataFrame or a dict of columns."""
    if hasattr(v, "columns"):
        return {str(c): list(v[c]) for c in v.columns}
    return {str(k): list(c) for k, c in v.items()}


def _grouping_csv(g, k):
    """A grouping given as a DataFrame (columns member, group), a Series (member -> group), a
    dict {member: group} or {group: [members]}, as a CSV file named by `g.attrs["name"]` or
    `g.name` when given, else groups / groups2 / ..."""
    name = None
    if hasattr(g, "attrs"):
        name = g.attrs.get("name")
    if name is None and hasattr(g, "name") and isinstance(getattr(g, "name"), str):
        name = g.name
    name = name or ("groups" if k == 0 else f"groups{k + 1}")
    if hasattr(g, "columns"):
        cols = {str(c).lower(): c for c in g.columns}
        if "member" not in cols or "group" not in cols:
            raise InputError(f"grouping '{name}': a DataFrame needs the columns member and group "
                             f"(has {', '.join(map(str, g.columns))})")
        rows = zip(g[cols["member"]], g[cols["group"]])
    else:
        items = list(g.items())
        if items and all(isinstance(v, (list, tuple, set)) for _, v in items):  # {group: [members]}
            rows = [(m, grp) for grp, ms in items for m in ms]
        else:
            rows = items
    return _temp_csv(name, ["member", "group"], [(str(m), str(grp)) for m, grp in rows])


def _groupings(v):
    """Grouping arguments: a shipped name or CSV path, a DataFrame or dict, or a list of these."""
    if v is None:
        return []
    if isinstance(v, (str, _os.PathLike)) or _is_table(v):
        v = [v]
    return [_grouping_csv(g, k) if _is_table(g) else _os.fspath(g) for k, g in enumerate(v)]


def _table_csv(v, name, header, required):
    """A path as is; a DataFrame or dict of columns as a CSV file with `header` (the columns the
    library reads; `required` must be there, the others are written when given)."""
    if v is None or isinstance(v, (str, _os.PathLike)):
        return _path(v)
    cols = {k.lower(): c for k, c in _columns(v, name).items()}
    missing = [c for c in required if c not in cols]
    if missing:
        raise InputError(f"{name}: no column {', '.join(missing)} (expected {', '.join(header)})")
    use = [c for c in header if c in cols]
    return _temp_csv(name, use, zip(*(cols[c] for c in use)))


def _region_values_csv(v, name):
    """A region,value file given as a path, a dict {region: value}, a Series or a DataFrame."""
    if v is None or isinstance(v, (str, _os.PathLike)):
        return _path(v)
    if hasattr(v, "columns"):
        return _table_csv(v, name, ["region", "value"], ["region", "value"])
    return _temp_csv(name, ["region", "value"], [(str(r), repr(float(x))) for r, x in dict(v).items()])


class BalanceReport:
    """The balance check of methods.md §1.3, as `irio check` prints it.

    status: 'ok', 'warning' or 'error'; brief: the one-line summary; report: the full text;
    findings: [(severity, check, message)]; max_row_abs, max_row_rel, max_col_abs, max_col_rel,
    weighted_row_rel, worst_row, worst_col; zero_output, negative_value_added, column_sum_ge_one
    (region/sector names); negative_final_demand (a count).
    """

    def __init__(self, d):
        self.__dict__.update(d)

    @property
    def ok(self):
        """True unless the check found errors (warnings are allowed, as in the CLI)."""
        return self.status != "error"

    def findings_frame(self):
        """The findings as a DataFrame with columns severity, check, message."""
        import pandas as pd

        return pd.DataFrame(self.findings, columns=["severity", "check", "message"])

    def __str__(self):
        return self.report

    def __repr__(self):
        return f"<irio.BalanceReport {self.brief!r}>"


class Table:
    """One input-output table with its balance check and its Leontief model (irio::Analysis).

    Made by `irio.open`, `irio.from_arrays` or the import functions. The model is built once, on
    the first result, and reused by every later call; `with_countries` gives the same table under
    another region -> country map (a new model).
    """

    def __init__(self, core, import_report=None):
        self._core = core
        self._by_countries = {}
        self._desc = core.describe()
        #: What an importer reported (import_ceads: the workbook's own checks), else None.
        self.import_report = import_report
        #: What the last result method printed in the CLI (the model's summary line, key sectors, ...).
        self.last_summary = None

    # --- description -------------------------------------------------------------------------
    @property
    def source(self):
        """The file the table was read from (or the name of an in-memory table)."""
        return self._core.source

    @property
    def n(self):
        """Region-sectors (regions x sectors)."""
        return self._core.n

    @property
    def regions(self):
        return list(self._desc["regions"])

    @property
    def sectors(self):
        return list(self._desc["sectors"])

    @property
    def countries(self):
        return list(self._desc["countries"])

    @property
    def meta(self):
        """name, year, unit, price_basis, source, history."""
        return dict(self._desc["meta"])

    @property
    def satellites(self):
        """{satellite name: {"stressors": [...], "units": [...]}}."""
        return dict(self._desc["satellites"])

    def labels(self):
        """Every label of the table as a dict of lists: regions, sectors, countries,
        country_of_region (one per region), fd_categories, va_components, export_labels,
        import_labels, region_names, sector_names, fd_category_names (display names, empty
        lists when the table has none), and `index`: the (region, sector) pair of each row of Z, A, L, ..."""
        d = {k: (list(v) if isinstance(v, list) else v) for k, v in self._desc.items() if k not in ("meta",)}
        d["index"] = [(r, s) for r in d["regions"] for s in d["sectors"]]
        return d

    def __repr__(self):
        m = self._desc["meta"]
        return (f"<irio.Table {self.source!r}: {len(self._desc['regions'])} regions x "
                f"{len(self._desc['sectors'])} sectors, {m['name']} {m['year']} {m['unit']}>".replace("  ", " "))

    def solver_summary(self):
        """The model's one-line summary (backend, n, condition estimate); builds the model."""
        return self._core.solver_summary()

    def with_countries(self, countries):
        """The same table under a region -> country map, cached: a CSV (region,country), a dict
        {region: country}, a Series, or a DataFrame with columns region, country."""
        if countries is not None and not isinstance(countries, (str, _os.PathLike)):
            if hasattr(countries, "columns"):
                cols = {k.lower(): c for k, c in _columns(countries, "countries").items()}
                if "region" not in cols or "country" not in cols:
                    raise InputError("countries: a DataFrame needs the columns region and country")
                pairs = tuple(zip(map(str, cols["region"]), map(str, cols["country"])))
            else:
                pairs = tuple((str(r), str(c)) for r, c in dict(countries).items())
            if pairs not in self._by_countries:
                path = _temp_csv("countries", ["region", "country"], pairs)
                self._by_countries[pairs] = Table(self._core.with_countries(path))
            return self._by_countries[pairs]
        key = _path(countries)
        if not key:
            return self
        if key not in self._by_countries:
            self._by_countries[key] = Table(self._core.with_countries(key))
        return self._by_countries[key]

    # --- balance check -----------------------------------------------------------------------
    def validate(self, strict=False):
        """The balance check (cached). strict=True raises BalanceError when it finds errors, as
        `irio check` exits 3."""
        rep = BalanceReport(self._core.validate())
        if strict and not rep.ok:
            raise BalanceError(f"{self.source}: the balance check found errors ({rep.brief})")
        return rep

    check = validate

    # --- results (one per verb of the CLI) ---------------------------------------------------
    def _out(self, tables, names=None):
        return _frames(tables, self.source, names)

    def _one(self, tables, name):
        """The one table `name` of a result, as a DataFrame: a verb that returns one table returns a
        DataFrame whatever its options (one return type per verb)."""
        for t in tables:
            if t["name"] == name:
                return _frames([t], self.source)
        raise InputError(f"{self.source}: no table '{name}' in the result ({', '.join(t['name'] for t in tables)})")

    def _multiplier_tables(self, income, employment, household_categories, households, va_components, split,
                           round):
        opts = {"income": income or "", "employment": employment or "",
                "household_categories": _list(household_categories), "households": households,
                "va_components": bool(va_components), "split": bool(split), "round": bool(round)}
        _names, tables, self.last_summary = self._core.run("multipliers", opts)
        return tables

    def multipliers(self, income=None, employment=None, household_categories=None, households="national",
                    va_components=True, split=False, round=False):
        """Output, value-added, income and employment multipliers, Type I (Type II with
        household_categories), as `irio multipliers`: one DataFrame. The split into local /
        national / international effects and Round's decomposition are their own methods,
        multiplier_split() and multiplier_round() (split=True / round=True, which returned a dict,
        raise irio.InputError saying so)."""
        if split or round:
            raise InputError("multipliers(split=True / round=True) no longer returns a dict: one return type per "
                             "method; use t.multiplier_split() or t.multiplier_round() (one DataFrame each)")
        return self._one(self._multiplier_tables(income, employment, household_categories, households, va_components,
                                                 False, False), "multipliers")

    def multiplier_split(self, income=None, employment=None, household_categories=None, households="national"):
        """The split of the multipliers into intra-regional, feedback and spillover effects and
        local, national and international effects (`irio multipliers --split`): one DataFrame."""
        return self._one(self._multiplier_tables(income, employment, household_categories, households, True, True,
                                                 False), "multiplier_split")

    def multiplier_round(self, income=None, employment=None, household_categories=None, households="national"):
        """Round's decomposition of the multipliers (`irio multipliers --round`): one DataFrame."""
        return self._one(self._multiplier_tables(income, employment, household_categories, households, True, False,
                                                 True), "multiplier_round")

    def footprints(self, satellite, downstream=True, population=None, characterisation=None,
                   imports_by_sector=False, with_multipliers=False, regions_only=False):
        """Footprint accounts of a satellite (pymrio-compatible), as `irio footprints`: a dict
        {footprints_<satellite>: ..., diagnostics: ...}. population: a CSV (region,value) or one
        number per region. characterisation: factors in pymrio's long layout (a CSV path or a
        DataFrame with impact, stressor, factor[, compartment, impact_unit, stressor_unit,
        region]); adds footprints_<satellite>_characterised, the accounts by impact (methods.md
        §2.9). imports_by_sector: D_imp by product too, as pymrio's (more solves); with_multipliers:
        also the `multipliers` table (1'L, v'L) from the same model; regions_only: the accounts by
        region alone, for every stressor from G solves (methods.md §2.3, "Solves per account")."""
        opts = {"satellite": satellite, "downstream": bool(downstream),
                "imports_by_sector": bool(imports_by_sector), "with_multipliers": bool(with_multipliers),
                "regions_only": bool(regions_only)}
        if characterisation is not None:
            opts["characterisation"] = _table_csv(
                characterisation, "characterisation",
                ["impact", "stressor", "compartment", "factor", "impact_unit", "stressor_unit", "region"],
                ["impact", "stressor", "factor"])
        if population is not None:
            if isinstance(population, (str, _os.PathLike)) or hasattr(population, "columns") or isinstance(
                    population, dict) or hasattr(population, "to_dict"):
                opts["population"] = _region_values_csv(population, "population")
            else:  # one number per region, in the table's order
                values = _np.asarray(population, dtype=_np.float64).ravel()
                if len(values) != len(self._desc["regions"]):
                    raise InputError(f"population: {len(values)} values for {len(self._desc['regions'])} regions")
                opts["population"] = _region_values_csv(dict(zip(self._desc["regions"], values)), "population")
        names, tables, self.last_summary = self._core.run("footprints", opts)
        return self._out(tables)

    def impact(self, shock, scenarios=None):
        """Effects of final-demand shocks dx = L dy, dva, dF, as `irio impact`.

        shock: a shock CSV (region,sector,value[,scenario]); a DataFrame (or dict of columns) with
        those columns; or an array of n values (n x k for k scenarios, named by `scenarios`)."""
        if isinstance(shock, (str, _os.PathLike)):
            path = _os.fspath(shock)
        else:
            if hasattr(shock, "columns") or isinstance(shock, dict):
                mat, names = self._shock_matrix(shock)
            else:
                mat = _np.asarray(shock, dtype=_np.float64)
                if mat.ndim == 1:
                    mat = mat.reshape(-1, 1)
                names = list(scenarios) if scenarios is not None else (
                    ["shock"] if mat.shape[1] == 1 else [f"shock{i + 1}" for i in range(mat.shape[1])])
            if mat.ndim != 2 or mat.shape[0] != self.n:
                raise InputError(f"shock: {mat.shape[0]} rows for n = {self.n} region-sectors")
            if len(names) != mat.shape[1]:
                raise InputError(f"shock: {len(names)} scenario names for {mat.shape[1]} shock columns")
            index = [(r, s) for r in self._desc["regions"] for s in self._desc["sectors"]]
            path = _temp_csv("shock", ["region", "sector", "value", "scenario"],
                             [(r, s, repr(float(mat[i, c])), names[c]) for c in range(mat.shape[1])
                              for i, (r, s) in enumerate(index)])
        names, tables, self.last_summary = self._core.run("impact", {"shock": path})
        return self._out(tables)

    def _shock_matrix(self, shock):
        cols = {str(k).lower(): k for k in (shock.columns if hasattr(shock, "columns") else shock.keys())}
        for c in ("region", "sector", "value"):
            if c not in cols:
                raise InputError(f"shock: no column '{c}' (expected region, sector, value[, scenario])")
        regions = [str(r) for r in shock[cols["region"]]]
        sectors = [str(s) for s in shock[cols["sector"]]]
        values = _np.asarray(shock[cols["value"]], dtype=_np.float64)
        scen = [str(s) for s in shock[cols["scenario"]]] if "scenario" in cols else ["shock"] * len(values)
        ri = {r: i for i, r in enumerate(self._desc["regions"])}
        si = {s: i for i, s in enumerate(self._desc["sectors"])}
        unknown = sorted({r for r in regions if r not in ri}) + sorted({s for s in sectors if s not in si})
        if unknown:
            raise InputError(f"shock: unknown region or sector {', '.join(repr(u) for u in unknown[:5])} "
                             f"(not labels of {self.source})")
        names = list(dict.fromkeys(scen))
        mat = _np.zeros((self.n, len(names)), order="F")
        seen = set()
        N = len(si)
        for r, s, v, c in zip(regions, sectors, values, scen):
            if (c, r, s) in seen:
                raise InputError(f"shock: ({c}, {r}, {s}) is given twice")
            seen.add((c, r, s))
            mat[ri[r] * N + si[s], names.index(c)] = v
        return mat, names

    def analyse(self, countries=None, groups=None):
        """The main job (`irio analyse`): {multipliers, multiplier_split, chains, participation,
        diagnostics[, chains_by_group, participation_by_group]}, keyed as its CSV files."""
        t = self.with_countries(countries)
        files, tables = t._core.analyse(_groupings(groups))
        return t._out(tables, [_os.path.splitext(f)[0] for f in files])

    analyze = analyse

    # --- provincial research (docs/regional.md, methods.md §10) -------------------------------
    def circulation(self, countries=None, groups=None, u1=None, u2=None, alpha=0.5, beta=0.5, normalize=True):
        """Domestic vs. international circulation and the coupling coordination degree, as
        `irio circulation`: {circulation, coupling}. u1, u2: a circulation indicator name or a CSV
        region,value (default nvc_forward / gvc_forward, backward on an open table)."""
        t = self.with_countries(countries)
        u1 = u1 if u1 is None or isinstance(u1, str) else _region_values_csv(u1, "u1")
        u2 = u2 if u2 is None or isinstance(u2, str) else _region_values_csv(u2, "u2")
        opts = {"groups": _groupings(groups), "u1": _path(u1), "u2": _path(u2), "alpha": float(alpha),
                "beta": float(beta), "normalize": bool(normalize)}
        names, tables, t.last_summary = t._core.run("circulation", opts)
        return t._out(tables)

    def scenario(self, scenarios, countries=None, groups=None, tolerance=1e-12, max_iterations=500):
        """Unified-market scenarios from a CSV scenario,factor,origin,destination[,closure], as
        `irio scenario` (one DataFrame)."""
        t = self.with_countries(countries)
        path = _table_csv(scenarios, "scenarios", ["scenario", "factor", "origin", "destination", "closure",
                                                   "fd_factor"], ["scenario", "factor", "origin", "destination"])
        opts = {"scenarios": path, "groups": _groupings(groups), "tolerance": float(tolerance),
                "max_iterations": int(max_iterations)}
        names, tables, t.last_summary = t._core.run("scenario", opts)
        return t._out(tables)

    # --- matrices ----------------------------------------------------------------------------
    def matrix_bytes(self, name):
        """Bytes `matrix(name)` would take (float64)."""
        return self._core.matrix_bytes(name)

    def matrix(self, name, max_bytes=DEFAULT_MAX_BYTES, frame=False):
        """A full matrix as a NumPy array: Z, Y, V, x (as in the table), A (technical
        coefficients), L (Leontief inverse), B (Ghosh allocation coefficients), G (Ghosh inverse).

        Formed only on request: L and G column block by column block from the model's one
        factorization (no explicit inverse). Refused with InputError, naming the estimate, when it
        needs more than max_bytes (default DEFAULT_MAX_BYTES, 1 GiB). frame=True: a DataFrame with
        (region, sector) labels."""
        a = self._core.matrix(name, int(max_bytes))
        if not frame:
            return a
        import pandas as pd

        d = self._desc
        rs = pd.MultiIndex.from_tuples([(r, s) for r in d["regions"] for s in d["sectors"]],
                                       names=["region", "sector"])
        if name == "x":
            return pd.Series(a, index=rs, name="x")
        if name == "Y":
            cols = pd.MultiIndex.from_tuples([(r, k) for r in d["regions"] for k in d["fd_categories"]],
                                             names=["region", "category"])
            return pd.DataFrame(a, index=rs, columns=cols)
        if name == "V":
            return pd.DataFrame(a, index=pd.Index(d["va_components"], name="component"), columns=rs)
        return pd.DataFrame(a, index=rs, columns=rs)


_verbs.attach(Table)  # linkages, ghosh, ...: the methods made from the verbs' declarations (_verbs.py)
