// SPDX-License-Identifier: MIT
// The value-chain decompositions report their identity residuals with tables::Diagnostics
// (tables/diagnostics.h), shared with the footprint accounts.
#pragma once

#include "irio/tables/diagnostics.h"

namespace irio::solver::gvc {
using tables::Diagnostics;
}  // namespace irio::solver::gvc
