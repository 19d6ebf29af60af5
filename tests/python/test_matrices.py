# SPDX-License-Identifier: MIT
# Full matrices on request: L solves (I - A) L = I, its column sums are the output multipliers,
# G = x^-1 L x, and labels come with them.
import numpy as np

import irio


def test_wiod_L(wiod):
    A, L = wiod.matrix("A"), wiod.matrix("L")
    n = wiod.n
    assert A.shape == L.shape == (n, n) and L.dtype == np.float64
    np.testing.assert_allclose(L - A @ L, np.eye(n), atol=1e-9)
    m = wiod.multipliers()
    out = m[m["indicator"] == "output"]["value"].to_numpy()
    ok = ~np.isnan(out)
    np.testing.assert_allclose(L.sum(axis=0)[ok], out[ok], rtol=1e-10)


def test_wiod_labels_and_frames(wiod):
    lab = wiod.labels()
    assert len(lab["index"]) == wiod.n and lab["index"][0] == (lab["regions"][0], lab["sectors"][0])
    Z = wiod.matrix("Z", frame=True)
    assert Z.index.names == ["region", "sector"] and Z.shape == (wiod.n, wiod.n)
    np.testing.assert_array_equal(Z.to_numpy(), wiod.matrix("Z"))
    Y = wiod.matrix("Y", frame=True)
    assert Y.shape == (wiod.n, len(lab["regions"]) * len(lab["fd_categories"]))
    assert wiod.matrix("x", frame=True).index.equals(Z.index)


def test_ghosh_matrices():
    Z = np.array([[150.0, 500.0], [200.0, 100.0]])
    x = np.array([1000.0, 2000.0])
    t = irio.from_arrays(Z, np.array([[350.0], [1700.0]]), x=x)
    B, G = t.matrix("B"), t.matrix("G")
    np.testing.assert_allclose(B, Z / x[:, None], rtol=1e-14)
    np.testing.assert_allclose(G, np.linalg.inv(np.eye(2) - B), rtol=1e-12)


def test_without_pandas():
    # pandas is optional: without it a result table is a dict of NumPy columns
    import subprocess
    import sys

    script = ("import sys; sys.modules['pandas'] = None\n"
              "import irio, numpy as np\n"
              "t = irio.from_arrays([[150.0, 500.0], [200.0, 100.0]], [[350.0], [1700.0]], x=[1000.0, 2000.0])\n"
              "m = t.multipliers()\n"
              "assert list(m)[:3] == ['region', 'sector', 'indicator'] and m['value'].dtype == np.float64, m\n"
              "print(m['sector'][0], round(m['value'][0], 6))\n")
    p = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert p.stdout.split() == ["1", "1.518152"]
