# SPDX-License-Identifier: MIT
# World tables from Python (docs/world-tables.md): irio.import_world and irio.open(format=...) on a
# FIGARO flat file written here with the 2023 edition's label sets (46 areas x 64 CPA products,
# P3_S13 ... P5M, value-added rows W2_D1 ...; invented numbers), against `irio import figaro`.
import numpy as np
import pytest

import irio
from conftest import cli_ok

AREAS = ("AR AT AU BE BG BR CA CH CN CY CZ DE DK EE EL ES FI FR GB HR HU ID IE IN IT JP KR LT LU LV MT MX "
         "NL NO PL PT RO RU SA SE SI SK TR US ZA FIGW1").split()
PRODUCTS = ["CPA_" + c for c in (
    "A01 A02 A03 B C10T12 C13T15 C16 C17 C18 C19 C20 C21 C22 C23 C24 C25 C26 C27 C28 C29 C30 C31_32 C33 D35 "
    "E36 E37T39 F G45 G46 G47 H49 H50 H51 H52 H53 I J58 J59_60 J61 J62_63 K64 K65 K66 L M69_70 M71 M72 M73 "
    "M74_75 N77 N78 N79 N80T82 O84 P85 Q86 Q87_88 R90T92 R93 S94 S95 S96 T U").split()]
FD = ["P3_S13", "P3_S14", "P3_S15", "P51G", "P5M"]


def write_flat(path):
    G, N = len(AREAS), len(PRODUCTS)
    lines = ["refArea,rowPi,counterpartArea,colPi,obsValue"]
    colsum = np.zeros((G, N))
    x = np.zeros((G, N))
    for a in range(G):
        for s in range(N):
            own, nxt = 3.0 + s % 4, 1.0
            lines.append(f"{AREAS[a]},{PRODUCTS[s]},{AREAS[a]},{PRODUCTS[s]},{own}")
            lines.append(f"{AREAS[a]},{PRODUCTS[s]},{AREAS[(a + 1) % G]},{PRODUCTS[s]},{nxt}")
            lines.append(f"{AREAS[a]},{PRODUCTS[s]},{AREAS[a]},P3_S14,{30 + s}")
            lines.append(f"{AREAS[a]},{PRODUCTS[s]},{AREAS[(a + 5) % G]},P51G,2")
            colsum[a, s] += own
            colsum[(a + 1) % G, s] += nxt
            x[a, s] = own + nxt + 30 + s + 2
    for b in range(G):
        for u in range(N):
            lines.append(f"W2,D1,{AREAS[b]},{PRODUCTS[u]},10")
            lines.append(f"W2,B2A3G,{AREAS[b]},{PRODUCTS[u]},{x[b, u] - colsum[b, u] - 10}")
    path.write_text("\n".join(lines) + "\n")
    return x


def test_import_world_figaro_equals_cli(tmp_path):
    src = tmp_path / "flatfile_eu-ic-io_prod-by-prod_23ed_2021.csv"
    x = write_flat(src)
    t = irio.import_world("figaro", src, tmp_path / "py.h5")
    assert any("product-by-product flat file, 46 areas x 64 products" in n for n in t.import_notes)
    assert t.meta["year"] == "2021" and t.meta["unit"] == "EUR million"
    np.testing.assert_allclose(np.ravel(t.matrix("x")), x.reshape(-1))
    cli_ok("import", "figaro", src, "-o", tmp_path / "cli.h5")
    c = irio.open(tmp_path / "cli.h5")
    assert t.labels() == c.labels()
    o = irio.open(src, format="figaro")
    np.testing.assert_array_equal(o.matrix("Z"), c.matrix("Z"))


def test_import_world_errors_carry_the_exit_code(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("refArea,rowPi,counterpartArea,colPi,value\nAT,CPA_A01,AT,CPA_A01,1\n")
    with pytest.raises(irio.InputError) as e:
        irio.import_world("figaro", bad, tmp_path / "b.h5")
    assert e.value.exit_code == 2 and "no column 'obsValue'" in str(e.value)
    with pytest.raises(ValueError):
        irio.import_world("gloria", bad, tmp_path / "b.h5")
