# SPDX-License-Identifier: MIT
# Fails unless `irio validate --list` names exactly the cases registered as CTest tests.
#   cmake -DIRIO=<irio binary> -DEXPECTED=<a;b;...> -P check_case_list.cmake
cmake_minimum_required(VERSION 3.20)
execute_process(COMMAND ${IRIO} validate --list OUTPUT_VARIABLE _out RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "irio validate --list failed (${_rc})")
endif()
string(REPLACE "\n" ";" _lines "${_out}")
set(_names)
foreach(l ${_lines})
  if(l MATCHES "^([^ ]+)  ")
    list(APPEND _names "${CMAKE_MATCH_1}")
  endif()
endforeach()
list(SORT _names)
set(_exp ${EXPECTED})
list(SORT _exp)
if(NOT _names STREQUAL _exp)
  message(FATAL_ERROR "validation cases: binary has '${_names}', CTest registers '${_exp}' "
                      "(add the new case to tests/CMakeLists.txt)")
endif()
