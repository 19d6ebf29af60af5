// SPDX-License-Identifier: MIT
// Boost.Test entry point of the io suite (links irio_io only).
#define BOOST_TEST_MODULE io
#include <boost/test/unit_test.hpp>
