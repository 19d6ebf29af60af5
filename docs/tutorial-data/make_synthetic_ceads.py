# SPDX-License-Identifier: MIT
"""Writes the labelled CSV files of a SYNTHETIC provincial table (31 provinces x 4 sectors, one
country) for docs/tutorial-provincial.md. The numbers are random (seeded), not data: the table
only has the shape of a CEADs provincial table. Usage, from the repository root:

    python3 docs/tutorial-data/make_synthetic_ceads.py OUTDIR
    irio import csv --Z OUTDIR/Z.csv --Y OUTDIR/Y.csv --V OUTDIR/V.csv --exports OUTDIR/exports.csv \
        --imports OUTDIR/imports.csv --countries OUTDIR/countries.csv --name "SYNTHETIC provincial table" \
        --year 2017 --unit "10k CNY (synthetic)" -o OUTDIR/synthetic.h5
    irio export xlsx OUTDIR/synthetic.h5 --sector-names OUTDIR/sector_names.csv \
        -o docs/tutorial-data/synthetic_ceads_2017.xlsx
"""
import csv
import os
import sys

import numpy as np

PROVINCES = ["Beijing", "Tianjin", "Hebei", "Shanxi", "Inner Mongolia", "Liaoning", "Jilin", "Heilongjiang",
             "Shanghai", "Jiangsu", "Zhejiang", "Anhui", "Fujian", "Jiangxi", "Shandong", "Henan", "Hubei",
             "Hunan", "Guangdong", "Guangxi", "Hainan", "Chongqing", "Sichuan", "Guizhou", "Yunnan", "Tibet",
             "Shaanxi", "Gansu", "Qinghai", "Ningxia", "Xinjiang"]
SECTORS = ["01", "02", "03", "04"]
NAMES = ["Agriculture", "Industry", "Construction", "Services"]
CATEGORIES = ["FU101", "FU102", "FU103", "FU201", "FU202"]


def main(out):
    rng = np.random.default_rng(2017)
    G, N, K = len(PROVINCES), len(SECTORS), len(CATEGORIES)
    n = G * N
    size = rng.uniform(0.2, 3.0, G)                     # economic size of each province
    openness = rng.uniform(0.02, 0.35, G)               # share of exports in final use
    # technical coefficients: a domestic block per province, thinner inter-provincial blocks
    A = np.zeros((n, n))
    for r in range(G):
        for s in range(G):
            w = 1.0 if r == s else 0.15 * size[r] / size.sum()
            A[r * N:(r + 1) * N, s * N:(s + 1) * N] = w * rng.uniform(0.02, 0.12, (N, N))
    A *= 0.5 / A.sum(axis=0)                            # intermediate inputs: half of output
    Y = np.zeros((n, G * K))
    for r in range(G):
        for s in range(G):
            w = size[s] * (1.0 if r == s else 0.02)
            Y[r * N:(r + 1) * N, s * K:(s + 1) * K] = w * rng.uniform(50, 500, (N, K))
    ex = np.concatenate([openness[r] * Y[r * N:(r + 1) * N].sum(axis=1) for r in range(G)])
    x = np.linalg.solve(np.eye(n) - A, Y.sum(axis=1) + ex)
    Z = A * x
    im = np.repeat(rng.uniform(0.04, 0.20, G), N) * x  # imports: 4-20% of output by province
    va = x - Z.sum(axis=0) - im
    V = np.vstack([0.55 * va, 0.10 * va, 0.20 * va, 0.15 * va])
    rows = [(p, s) for p in PROVINCES for s in SECTORS]
    os.makedirs(out, exist_ok=True)

    def w(name, header, body):
        with open(os.path.join(out, name), "w", newline="") as f:
            cw = csv.writer(f)
            cw.writerows(header)
            cw.writerows(body)

    w("Z.csv", [["region", ""] + [p for p, _ in rows], ["sector", ""] + [s for _, s in rows]],
      [[p, s] + [f"{v:.4f}" for v in Z[i]] for i, (p, s) in enumerate(rows)])
    w("Y.csv", [["region", ""] + [p for p in PROVINCES for _ in CATEGORIES],
                ["category", ""] + CATEGORIES * G], [[p, s] + [f"{v:.4f}" for v in Y[i]] for i, (p, s) in enumerate(rows)])
    w("V.csv", [["region"] + [p for p, _ in rows], ["sector"] + [s for _, s in rows]],
      [[c] + [f"{v:.4f}" for v in V[k]] for k, c in enumerate(["VA001", "VA002", "VA003", "VA004"])])
    w("exports.csv", [["region", "sector", "EX"]], [[p, s, f"{ex[i]:.4f}"] for i, (p, s) in enumerate(rows)])
    w("imports.csv", [["region"] + [p for p, _ in rows], ["sector"] + [s for _, s in rows]],
      [["IM"] + [f"{v:.4f}" for v in im]])
    w("countries.csv", [["region", "country"]], [[p, "CHN"] for p in PROVINCES])
    w("sector_names.csv", [["code", "name"]], [[c, nm] for c, nm in zip(SECTORS, NAMES)])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "synthetic_ceads")
