// SPDX-License-Identifier: MIT
// Boost.Test entry point of the nesting suite (`irio nest`, methods.md §5.1).
#define BOOST_TEST_MODULE nest
#include <boost/test/unit_test.hpp>
