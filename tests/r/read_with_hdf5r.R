# SPDX-License-Identifier: MIT
# The R (hdf5r) snippets of docs/hdf5-schema.md, run against the bundled table and a result file:
# Rscript read_with_hdf5r.R TABLE.h5 RESULT.h5 RESULT.csv. Registered by tests/CMakeLists.txt only
# where Rscript with hdf5r and Matrix is installed (label `r`; not part of CI, whose set-up has no R).
args <- commandArgs(trailingOnly = TRUE)
library(hdf5r)
f <- H5File$new(args[1], mode = "r")
regions <- f[["labels/regions"]][]
sectors <- f[["labels/sectors"]][]
sector_names <- if (f$exists("labels/sector_names")) f[["labels/sector_names"]][] else sectors
region_names <- if (f$exists("labels/region_names")) f[["labels/region_names"]][] else regions
Y <- t(f[["core/Y"]][, ])
if (inherits(f[["core/Z"]], "H5Group")) {
  g <- f[["core/Z"]]
  library(Matrix)
  n <- h5attr(g, "shape")[1]
  Z <- as.matrix(sparseMatrix(i = g[["indices"]][] + 1, p = g[["indptr"]][], x = g[["data"]][],
                              dims = c(n, n)))
} else {
  Z <- t(f[["core/Z"]][, ])
}
unit <- h5attr(f, "unit")
f$close_all()
n <- length(regions) * length(sectors)
stopifnot(nrow(Z) == n, ncol(Z) == n, nrow(Y) == n, length(sector_names) == length(sectors),
          all(Z >= 0 | Z < 0), nchar(unit) > 0)

g <- H5File$new(args[2], mode = "r")[["results/multipliers/multipliers"]]
keys <- h5attr(g, "key_columns")
df <- as.data.frame(lapply(setNames(keys, keys), function(k) g[[paste0(k, "_levels")]][][g[[k]][] + 1]))
df[[h5attr(g, "value_column")]] <- g[[h5attr(g, "value_column")]][]
csv <- read.csv(args[3], na.strings = "NA")
# The HDF5 result and the CSV result are the same table: columns, codes, names, values.
stopifnot(identical(names(df), names(csv)), nrow(df) == nrow(csv),
          all(df$region == csv$region), all(df$sector == csv$sector),
          all(df$sector_name == csv$sector_name),
          all(df$sector_name %in% sector_names),
          max(abs(df$value - csv$value), na.rm = TRUE) == 0)
cat("hdf5r read", nrow(df), "result rows and a", n, "x", n, "Z in", unit, "\n")
