# SPDX-License-Identifier: MIT
# Install the build tree into a temporary prefix, then configure, build and run the consumer
# project (tests/consumer) against it with find_package(irio).
#   cmake -DBUILD_DIR=... -DSOURCE_DIR=... -DWORK_DIR=... -DGENERATOR=... -P run_consumer.cmake
cmake_minimum_required(VERSION 3.20)
file(REMOVE_RECURSE ${WORK_DIR})
set(_prefix ${WORK_DIR}/prefix)
function(step)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  message(STATUS "${out}")
endfunction()
step(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${_prefix})
if(EXISTS ${_prefix}/include/irio/io/internal OR EXISTS ${_prefix}/include/irio/solver/internal)
  message(FATAL_ERROR "internal headers were installed")
endif()
if(EXISTS ${_prefix}/include/irio/validation)
  message(FATAL_ERROR "validation headers were installed: validation is not part of irio::irio")
endif()
step(${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK_DIR}/build -G ${GENERATOR}
     -DCMAKE_PREFIX_PATH=${_prefix} -DCMAKE_BUILD_TYPE=Release)
step(${CMAKE_COMMAND} --build ${WORK_DIR}/build)
step(${WORK_DIR}/build/consumer)
# The installed executable finds its shipped data (groupings, validation cases) beside itself.
step(${_prefix}/bin/irio validate --case miller_blair_2x2)
