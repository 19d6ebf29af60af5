// SPDX-License-Identifier: MIT
#define BOOST_TEST_MODULE solver
#include <boost/test/unit_test.hpp>
