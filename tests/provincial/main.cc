// SPDX-License-Identifier: MIT
// Test module "provincial": xlsx and CEADs readers/writers, NBS tables, groupings, aggregation, RAS.
#define BOOST_TEST_MODULE provincial
#include <boost/test/unit_test.hpp>
