# SPDX-License-Identifier: MIT
"""irio.Table's result methods, made from the library's verb declarations (`_irio.verbs()`).

Each verb of the library declares its options (name, kind, help, default, bounds or choices) and
its outputs once, in C++ (analysis/verbs/); the `irio` command and these methods are both derived
from that declaration, so a keyword here is the CLI's option of the same name (`--cv` is `cv=`,
`--kpww-fv` is `kpww_fv=`), with the same default and the same checks. Values are converted by
the option's kind: a grouping may be a DataFrame or a dict, a region,value table a dict or a
Series, a file an os.PathLike. A method whose verb takes `--countries` also takes `countries=`
(a CSV path, a dict or a DataFrame; see Table.with_countries).
"""
import inspect as _inspect
import math as _math
import os as _os

from . import _irio

_VERBS = {v["name"]: v for v in _irio.verbs()}


def _default(o):
    """The option's default as a Python value (None for 'not given')."""
    kind, text = o["kind"], o["default"]
    if kind == "flag":
        return text == "true"
    if kind == "number":
        return float(text)
    if kind == "whole":
        return int(text)
    if kind in ("texts", "groupings"):
        return None
    return text if text != "" else None


def _doc(v):
    lines = [v["help"] + ".", "", f"As `irio {v['name']}` (its options are the keywords below, '-' written '_').", ""]
    params = [o for o in v["options"] if o["python"]]
    if v["takes_countries"]:
        lines.append("countries: CSV region,country (or a dict / DataFrame): the region->country map (default: the "
                     "table's)")
    for o in params:
        extra = []
        if o["choices"]:
            extra.append("one of " + ", ".join(o["choices"]))
        if o["kind"] in ("number", "whole") and (_math.isfinite(o["min"]) or _math.isfinite(o["max"])):
            lo = "" if not _math.isfinite(o["min"]) else f"{o['min']:g}"
            hi = "" if not _math.isfinite(o["max"]) else f"{o['max']:g}"
            extra.append(f"range [{lo or '-inf'}, {hi or 'inf'}]")
        if o["default"] not in ("", "false"):
            extra.append(f"default {o['default']}")
        if o["flags"] != "--" + o["name"].replace("_", "-"):
            extra.append(f"CLI {o['flags'].lstrip('!')}")
        lines.append(f"{o['name']}: {o['help']}" + (f" ({'; '.join(extra)})" if extra else ""))
    outs = v["outputs"]
    if outs:
        lines += ["", "Returns one DataFrame for a one-table result, else {table name: DataFrame}; tables:"]
        lines += [f"  {t['table']}: {t['about']} [{t['unit']}]" for t in outs]
    return "\n".join(lines)


def _converter(o):
    from ._table import _groupings, _list, _path, _region_values_csv

    kind = o["kind"]
    if kind == "groupings":
        return _groupings
    if kind == "region_values":
        return lambda v: _region_values_csv(v, o["name"])
    if kind == "file":
        return _path
    if kind == "texts":
        return _list
    if kind in ("text", "choice"):
        return lambda v: _os.fspath(v) if isinstance(v, _os.PathLike) else v
    return lambda v: v


def _method(v):
    params = [o for o in v["options"] if o["python"]]
    convert = {o["name"]: _converter(o) for o in params}
    sig = [_inspect.Parameter("self", _inspect.Parameter.POSITIONAL_OR_KEYWORD)]
    required = [o for o in params if o["required"]]
    optional = [o for o in params if not o["required"]]
    sig += [_inspect.Parameter(o["name"], _inspect.Parameter.POSITIONAL_OR_KEYWORD) for o in required]
    sig += [_inspect.Parameter(o["name"], _inspect.Parameter.POSITIONAL_OR_KEYWORD, default=_default(o))
            for o in optional]
    if v["takes_countries"]:
        sig.append(_inspect.Parameter("countries", _inspect.Parameter.KEYWORD_ONLY, default=None))
    signature = _inspect.Signature(sig)
    name = v["name"]

    def method(self, *args, **kwargs):
        bound = signature.bind(self, *args, **kwargs)
        t = self.with_countries(bound.arguments.pop("countries", None)) if v["takes_countries"] else self
        options = {}
        for key, value in bound.arguments.items():
            if key != "self" and value is not None:
                options[key] = convert[key](value)
        names, tables, summary = t._core.run(name, options)
        t.last_summary = summary
        same = len(tables) == 1 and names == [x["name"] for x in tables]
        return t._out(tables, None if same else names)

    method.__name__ = v["python_name"]
    method.__qualname__ = "Table." + v["python_name"]
    method.__signature__ = signature
    method.__doc__ = _doc(v)
    return method


def attach(cls):
    """Give `cls` (irio.Table) one method per verb that it does not define by hand."""
    for v in _VERBS.values():
        if not v["hand_written"] and v["python_name"] not in cls.__dict__:
            setattr(cls, v["python_name"], _method(v))
    return cls
