// SPDX-License-Identifier: MIT
// Boost.Test entry point of the value-chain (gvc) suite.
#define BOOST_TEST_MODULE gvc
#include <boost/test/unit_test.hpp>
